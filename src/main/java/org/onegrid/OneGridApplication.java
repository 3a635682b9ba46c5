package org.onegrid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * OneGrid: one intake, one dispatch, one platform for a district's command centre.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OneGridApplication {

    public static void main(String[] args) {
        SpringApplication.run(OneGridApplication.class, args);
    }
}
