package org.dcplanner.consolidation;

import java.util.List;
import org.dcplanner.consolidation.security.Role;
import org.dcplanner.consolidation.security.UserService;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestTemplateRequestCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * The users every {@code *IT} signs in as, created at context start if missing. The auto-configured
 * {@code TestRestTemplate} sends HTTP Basic as {@link #PLANNER} (workspace {@code default}) unless a request
 * carries its own Authorization header (e.g. {@code http.withBasicAuth(TestUsers.VIEWER, TestUsers.PASSWORD)}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestUsers {
    public static final String PASSWORD = "it-password-0123456789";
    public static final String ADMIN = "it-admin";
    public static final String PLANNER = "it-planner";
    public static final String VIEWER = "it-viewer";
    /** A planner of another workspace ({@code other}): sees none of {@code default}'s objects. */
    public static final String OTHER_PLANNER = "it-other-planner";

    @Bean
    ApplicationRunner testUsersExist(UserService users) {
        return args -> {
            record User(String name, Role role, String workspace) {}
            for (User u : List.of(
                    new User(ADMIN, Role.ADMIN, "default"),
                    new User(PLANNER, Role.PLANNER, "default"),
                    new User(VIEWER, Role.VIEWER, "default"),
                    new User(OTHER_PLANNER, Role.PLANNER, "other"))) {
                if (users.list().stream()
                        .noneMatch(existing -> existing.username().equals(u.name()))) {
                    users.create(u.name(), PASSWORD, u.role(), u.workspace());
                }
            }
        };
    }

    /** Basic auth as the planner on every TestRestTemplate request without an Authorization header. */
    @Bean
    RestTemplateRequestCustomizer<?> signedInAsPlanner() {
        return request -> {
            if (!request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().setBasicAuth(PLANNER, PASSWORD);
            }
        };
    }
}
