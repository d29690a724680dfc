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
 * One server per JVM; each Spring context gets a schema of its own on it, so the job engine of one cached context
 * never picks up a job another context queued (their test doubles differ: a job would fail on a workload it
 * cannot see).
 */
public final class TestDatabase {
    private static PostgreSQLContainer<?> container;
    private static EmbeddedPostgres embedded;

    private TestDatabase() {}

    private static final String RUN = Long.toHexString(System.nanoTime() & 0xffffffL);
    private static int contexts;

    public static synchronized void register(DynamicPropertyRegistry r) {
        String schema = "it_" + RUN + "_" + (++contexts);
        r.add("spring.flyway.schemas", () -> schema);
        r.add("spring.flyway.default-schema", () -> schema);
        registerServer(new SchemaScoped(r, schema));
    }

    /** Adds currentSchema to every datasource URL registered through it. */
    private record SchemaScoped(DynamicPropertyRegistry target, String schema) implements DynamicPropertyRegistry {
        @Override
        public void add(String name, java.util.function.Supplier<Object> value) {
            if (!name.equals("spring.datasource.url")) {
                target.add(name, value);
                return;
            }
            target.add(name, () -> {
                String url = String.valueOf(value.get());
                return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            });
        }
    }

    private static void registerServer(DynamicPropertyRegistry r) {
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
