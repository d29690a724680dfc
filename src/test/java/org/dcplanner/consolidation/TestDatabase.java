package org.dcplanner.consolidation;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Picks the real PostgreSQL the tests run against: {@code TEST_DATABASE_URL} if set, else a
 * Testcontainers PostgreSQL when Docker is available, else an embedded PostgreSQL (zonky).
 * One server per JVM; Spring's context cache shares contexts on top of it.
 */
public final class TestDatabase {
    private static PostgreSQLContainer<?> container;
    private static EmbeddedPostgres embedded;

    private TestDatabase() {}

    public static synchronized void register(DynamicPropertyRegistry r) {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            r.add("spring.datasource.url", () -> url);
            r.add("spring.datasource.username", () -> env("TEST_DATABASE_USER", "postgres"));
            r.add("spring.datasource.password", () -> env("TEST_DATABASE_PASSWORD", ""));
        } else if (dockerAvailable()) {
            if (container == null) {
                container = new PostgreSQLContainer<>("postgres:15-alpine");
                container.start();
            }
            r.add("spring.datasource.url", container::getJdbcUrl);
            r.add("spring.datasource.username", container::getUsername);
            r.add("spring.datasource.password", container::getPassword);
        } else {
            if (embedded == null) {
                try {
                    embedded = EmbeddedPostgres.builder().start();
                } catch (IOException e) {
                    throw new UncheckedIOException("embedded PostgreSQL failed to start; set TEST_DATABASE_URL", e);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is going away anyway
                    }
                }));
            }
            r.add("spring.datasource.url", () -> embedded.getJdbcUrl("postgres", "postgres"));
            r.add("spring.datasource.username", () -> "postgres");
            r.add("spring.datasource.password", () -> "");
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
