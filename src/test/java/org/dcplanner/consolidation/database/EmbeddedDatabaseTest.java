package org.dcplanner.consolidation.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default database of the service (no {@code SPRING_DATASOURCE_URL}), which the other tests replace by a
 * PostgreSQL server: durable settings, a password stored privately, password-only access, a data directory in
 * use refused, and a postmaster orphaned by a killed run stopped so that one start is enough.
 */
class EmbeddedDatabaseTest {
    @TempDir
    Path tmp;

    @Test
    void startsDurableWithAPrivatePasswordAndRestartsAfterAnOrphanedPostmaster() throws Exception {
        Path dir = tmp.resolve("postgres");
        EmbeddedPostgresConfig config = new EmbeddedPostgresConfig();

        EmbeddedPostgres first = config.embeddedPostgres(dir, 0);
        int port = first.getPort();
        try (HikariDataSource ds = config.dataSource(first, dir);
                Connection c = ds.getConnection()) {
            assertThat(setting(c, "fsync")).isEqualTo("on");
            assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(c, "full_page_writes")).isEqualTo("on");
            assertThat(setting(c, "unix_socket_directories")).isEmpty();
        }
        Path passwordFile = dir.resolve(EmbeddedPostgresCredentials.PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).isEqualTo(EmbeddedPostgresCredentials.HBA);
        String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThatThrownBy(() -> connect(port, "not-the-password"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");

        // a second service on the same data directory while the first runs: refused, naming the directory
        assertThatThrownBy(() -> config.embeddedPostgres(dir, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dir.toAbsolutePath().toString())
                .hasMessageContaining("in use");
        first.close();

        // a killed run leaves its postmaster behind: a service JVM started on the directory, then killed -9
        Process service = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ServiceThatWillBeKilled.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        long orphanPid = awaitStarted(service, Duration.ofSeconds(120));
        service.destroyForcibly().waitFor();
        ProcessHandle orphan = ProcessHandle.of(orphanPid).orElseThrow();
        assertThat(orphan.isAlive())
                .as("the postmaster outlives its killed service")
                .isTrue();

        EmbeddedPostgres second = config.embeddedPostgres(dir, 0);
        try {
            assertThat(orphan.isAlive())
                    .as("the orphaned postmaster was stopped")
                    .isFalse();
            try (Connection c = connect(second.getPort(), password);
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("select 1")) {
                assertThat(r.next()).isTrue();
            }
        } finally {
            second.close();
            orphan.destroyForcibly();
            service.destroyForcibly();
        }
    }

    @Test
    void aPidFileNamingNoPostmasterOfTheDirectoryIsRemovedAndItsProcessLeftAlone() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("stale"));
        Process unrelated = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(dir.resolve("postmaster.pid"), unrelated.pid() + "\n" + dir + "\n");
            StalePostmaster.clear(dir);
            assertThat(dir.resolve("postmaster.pid")).doesNotExist();
            assertThat(unrelated.isAlive()).isTrue();

            Files.writeString(dir.resolve("postmaster.pid"), "not a pid\n");
            StalePostmaster.clear(dir);
            assertThat(dir.resolve("postmaster.pid")).doesNotExist();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    private static String setting(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    private static Connection connect(int port, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", password);
    }

    /** Reads the service's output until it names its postmaster's pid. */
    private static long awaitStarted(Process service, Duration timeout) throws Exception {
        java.util.concurrent.CompletableFuture<Long> pid = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (var lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder seen = new StringBuilder();
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith(ServiceThatWillBeKilled.STARTED)) {
                        return Long.parseLong(line.substring(ServiceThatWillBeKilled.STARTED.length())
                                .strip());
                    }
                    seen.append(line).append('\n');
                }
                throw new IllegalStateException("the service ended before starting its database:\n" + seen);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return pid.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A service's database start in its own JVM, so that the test can kill -9 it as an operator's crash would. */
    static final class ServiceThatWillBeKilled {
        static final String STARTED = "postmaster started: ";

        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            new EmbeddedPostgresConfig().embeddedPostgres(dir, 0);
            System.out.println(
                    STARTED + StalePostmaster.pid(dir.resolve("postmaster.pid")).orElseThrow());
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
    }
}
