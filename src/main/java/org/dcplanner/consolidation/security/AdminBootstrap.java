package org.dcplanner.consolidation.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.dcplanner.consolidation.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first admin, created at the first start (no user stored yet): ADMIN_USERNAME / ADMIN_PASSWORD
 * ({@code app.security.admin-username}, {@code app.security.admin-password}) when set; otherwise user
 * {@code admin} with a random password printed once in the log. Later starts change nothing.
 */
@Component
class AdminBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private final UserService users;
    private final String username;
    private final String password;

    AdminBootstrap(
            UserService users,
            @Value("${app.security.admin-username:admin}") String username,
            @Value("${app.security.admin-password:}") String password) {
        this.users = users;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyUser()) return;
        boolean generated = password.isBlank();
        String pw = generated ? randomPassword() : password;
        try {
            users.create(username, pw, Role.ADMIN, CurrentUser.DEFAULT_WORKSPACE);
        } catch (ApiException e) {
            throw new IllegalStateException(
                    "cannot create the first admin from ADMIN_USERNAME / ADMIN_PASSWORD: " + e.getMessage(), e);
        }
        if (generated) {
            log.warn(
                    "\n\n    Created the first admin '{}' with the generated password: {}\n"
                            + "    It is shown only this once. Sign in at /login; set ADMIN_USERNAME / ADMIN_PASSWORD before the first"
                            + " start to choose them.\n",
                    username,
                    pw);
        } else {
            log.info("Created the first admin '{}' from ADMIN_USERNAME / ADMIN_PASSWORD", username);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes); // 144 bits, 24 characters
    }
}
