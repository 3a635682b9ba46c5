package org.onegrid.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.onegrid.directory.DirectoryService;
import org.onegrid.directory.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A database with no accounts at all gets one administrator, {@code admin}, so that somebody
 * can sign in. Its password comes from ONEGRID_ADMIN_PASSWORD or, failing that, is generated
 * and written once to the log. Runs after the demo loader, which brings its own accounts.
 */
@Component
@Order(100)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final DirectoryService directory;
    private final String configuredPassword;

    AdminBootstrap(DirectoryService directory, @Value("${onegrid.admin-password:}") String configuredPassword) {
        this.directory = directory;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.staffCount() > 0) {
            return;
        }
        String password = configuredPassword;
        boolean generated = password == null || password.isBlank();
        if (generated) {
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        directory.createStaff(new DirectoryService.NewStaff("admin", "Administrator", Role.ADMIN, null, password),
                "system:bootstrap");
        if (generated) {
            log.warn("Created the first administrator 'admin' with password {} ; change it after signing in", password);
        } else {
            log.info("Created the first administrator 'admin' with the password from ONEGRID_ADMIN_PASSWORD");
        }
    }
}
