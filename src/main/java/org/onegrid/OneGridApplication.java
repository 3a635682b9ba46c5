package org.onegrid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * OneGrid: one intake, one dispatch, one platform for a district's command centre.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OneGridApplication {

    public static void main(String[] args) {
        SpringApplication.run(OneGridApplication.class, args);
    }
}
