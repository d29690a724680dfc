package org.dcplanner.consolidation.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-configuration database: when no {@code spring.datasource.url} is set, start a real embedded
 * PostgreSQL whose data directory survives restarts (default {@code ./data/postgres}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfig {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${app.embedded-db.dir:./data/postgres}") Path dir,
                                      @Value("${app.embedded-db.port:0}") int port) throws IOException {
        Path dataDir = writableDataDir(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
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
        return new IllegalStateException("Cannot use " + dataDir + " as the embedded PostgreSQL data directory (" + reason
                + "): set EMBEDDED_DB_DIR to a writable directory, or SPRING_DATASOURCE_URL to use your own PostgreSQL",
                cause);
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg) {
        return DataSourceBuilder.create()
                .url(pg.getJdbcUrl("postgres", "postgres"))
                .username("postgres").password("")
                .build();
    }
}
