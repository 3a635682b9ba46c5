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

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("classify-eval")) {
            org.onegrid.dispatch.ClassifierEvaluation.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("make-standby")) {
            org.onegrid.platform.StandbyMaker.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(OneGridApplication.class, args);
    }
}
