package org.dcplanner.consolidation.database;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Password authentication for the embedded PostgreSQL: a generated superuser password kept in
 * {@code <data dir>/dcp-db-password} (mode 0600), SCRAM on loopback TCP only, no Unix socket and no
 * {@code trust} rule. A data directory made by zonky's initdb (trust) or by an older version is
 * converted on its first start here, with the server stopped (single-user mode sets the password).
 */
final class EmbeddedPostgresCredentials {
    static final String PASSWORD_FILE = "dcp-db-password";
    static final String HBA = """
            # Written by the consolidation planner at every start: SCRAM passwords on loopback TCP only.
            # The password is in dcp-db-password next to this file; no Unix socket, no trust rule.
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private EmbeddedPostgresCredentials() {}

    /** The stored password, or a new one that {@link #prepare} will set and store. */
    static String existingOrNew(Path dataDir) {
        Path file = dataDir.resolve(PASSWORD_FILE);
        try {
            return Files.exists(file)
                    ? Files.readString(file, StandardCharsets.UTF_8).strip()
                    : generate();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** Loopback-only trust for the first start as root, where single-user mode refuses to run (see {@link #finish}). */
    private static final String FIRST_START_HBA = """
            # First start only: replaced by password rules as soon as the password is set.
            host all all 127.0.0.1/32 trust
            host all all ::1/128 trust
            """;

    /**
     * Before the server starts: the password set and stored if not yet, and a password-only pg_hba.conf. As root
     * (containers) PostgreSQL's single-user mode refuses to run: the password is then set by {@link #finish} right
     * after the first start, which runs with loopback-only trust until then.
     */
    static void prepare(Path dataDir, String password) {
        try {
            Path file = dataDir.resolve(PASSWORD_FILE);
            if (!Files.exists(file) && "root".equals(System.getProperty("user.name"))) {
                Files.writeString(dataDir.resolve("pg_hba.conf"), FIRST_START_HBA, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                setPassword(dataDir, password);
                writePrivate(file, password);
            }
            Files.writeString(dataDir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the embedded PostgreSQL credentials in " + dataDir, e);
        }
    }

    /** After the start: sets and stores the password if {@link #prepare} could not, and switches to password rules. */
    static void finish(javax.sql.DataSource trusted, Path dataDir, String password) {
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (Files.exists(file)) return;
        try (java.sql.Connection c = trusted.getConnection();
                java.sql.Statement s = c.createStatement()) {
            s.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            writePrivate(file, password);
            Files.writeString(dataDir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
            s.execute("SELECT pg_reload_conf()");
        } catch (java.sql.SQLException | IOException e) {
            throw new IllegalStateException("cannot set the embedded PostgreSQL password in " + dataDir, e);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writePrivate(Path file, String password) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** ALTER ROLE in single-user mode: no connection and so no authentication rule needed. */
    private static void setPassword(Path dataDir, String password) throws IOException {
        Process p = new ProcessBuilder(
                        EmbeddedPostgresBinaries.bin("postgres").toString(),
                        "--single",
                        "-D",
                        dataDir.toString(),
                        "-c",
                        "password_encryption=scram-sha-256",
                        "postgres")
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(("ALTER ROLE postgres PASSWORD '" + password + "';\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || output.contains("ERROR")) {
                p.destroyForcibly();
                throw new IOException("setting the embedded PostgreSQL password failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the embedded PostgreSQL password", e);
        }
    }
}
