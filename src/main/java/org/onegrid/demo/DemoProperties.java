package org.onegrid.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled load the demo district on first start (embedded database only)
 * @param cases   how many demo cases to create
 * @param seed    random seed, so that every fresh start builds the same district
 * @param onExternalDatabase load it into an external database too (tests only)
 * @param trainClassifier    train a first category classifier on the demo's closed cases
 */
@ConfigurationProperties("onegrid.demo")
public record DemoProperties(boolean enabled, Integer cases, Long seed, boolean onExternalDatabase,
                             Boolean trainClassifier) {

    public DemoProperties {
        if (cases == null) {
            cases = 400;
        }
        if (seed == null) {
            seed = 20201128L;
        }
        if (trainClassifier == null) {
            trainClassifier = Boolean.TRUE;
        }
    }
}
