package org.dcplanner.consolidation.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-configuration database: when no {@code spring.datasource.url} is set, start a real embedded
 * PostgreSQL whose data directory survives restarts (default {@code ./data/postgres}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfig {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${app.embedded-db.dir:./data/postgres}") Path dir, @Value("${app.embedded-db.port:0}") int port)
            throws IOException {
        Path dataDir = writableDataDir(dir);
        StalePostmaster.clear(dataDir);
        String password = EmbeddedPostgresCredentials.existingOrNew(dataDir);
        EmbeddedPostgres.Builder builder = durable(EmbeddedPostgres.builder())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(120)) // crash recovery after a kill may replay WAL
                // runs after initdb (first start) and before every start: password, pg_hba.conf
                .setDataDirectoryCustomizer(d -> EmbeddedPostgresCredentials.prepare(d.toPath(), password))
                .setConnectConfig("password", password); // zonky's readiness check
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        EmbeddedPostgresCredentials.finish(pg.getPostgresDatabase(), dataDir, password);
        return pg;
    }

    /**
     * Durable and private server settings: fsync and synchronous commit on (zonky defaults to off; its
     * {@code -F} is overridden), TCP on loopback only, no Unix socket.
     */
    public static EmbeddedPostgres.Builder durable(EmbeddedPostgres.Builder builder) {
        return builder.setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("unix_socket_directories", "''")
                .setServerConfig("password_encryption", "scram-sha-256");
    }

    /** The data directory, created if missing; a clear startup error names it and the settings when it is not usable. */
    static Path writableDataDir(Path dir) {
        Path dataDir = dir.toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException | SecurityException e) {
            throw unusable(dataDir, e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
        if (!Files.isWritable(dataDir)) {
            throw unusable(dataDir, "not writable by this user", null);
        }
        return dataDir;
    }

    private static IllegalStateException unusable(Path dataDir, String reason, Exception cause) {
        return new IllegalStateException(
                "Cannot use " + dataDir + " as the embedded PostgreSQL data directory (" + reason
                        + "): set EMBEDDED_DB_DIR to a writable directory, or SPRING_DATASOURCE_URL to use your own PostgreSQL",
                cause);
    }

    /** Hikari pool on the embedded server; {@code spring.datasource.hikari.*} (timeouts) apply as to any database. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres pg, @Value("${app.embedded-db.dir:./data/postgres}") Path dir) {
        HikariDataSource ds = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(pg.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .password(EmbeddedPostgresCredentials.existingOrNew(dir.toAbsolutePath()))
                .build();
        return ds;
    }
}
