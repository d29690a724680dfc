package org.dcplanner.consolidation.spa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole product in a real browser: starts the packaged jar on a free port with its embedded
 * PostgreSQL (data under target/) and its first admin from ADMIN_USERNAME / ADMIN_PASSWORD, then runs
 * {@code frontend/e2e/dashboard.e2e.mjs} (playwright-core driving Debian's Chromium), which signs in with
 * them, against it and asserts that it passed. Skipped when Chromium is absent or
 * the frontend is skipped ({@code -Dskip.frontend=true}). Screenshots land in target/e2e-screenshots/.
 */
class BrowserEndToEndIT {
    private static final Path CHROMIUM = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
    private static final Path JAR = Path.of("target", "consolidation-planner.jar");
    private static final Path SCRIPT = Path.of("frontend", "e2e", "dashboard.e2e.mjs");

    private Process server;
    private Path dbDir;

    @Test
    void uploadPlanAndDashboardInChromium() throws Exception {
        assumeFalse(Boolean.parseBoolean(System.getProperty("skip.frontend", "false")), "frontend skipped");
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
        assumeTrue(
                Files.isDirectory(Path.of("frontend", "node_modules", "playwright-core")),
                "frontend dependencies not installed");
        assertThat(JAR).as("packaged jar (Failsafe runs after package)").exists();

        int port = freePort();
        String baseUrl = "http://127.0.0.1:" + port;
        dbDir = Path.of("target", "e2e-db-" + System.currentTimeMillis()).toAbsolutePath();
        Path serverLog = Path.of("target", "e2e-server.log");
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx1g", "-jar", JAR.toString(), "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(serverLog.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("SPRING_DATASOURCE"));
        env.put("EMBEDDED_DB_DIR", dbDir.toString());
        // the first admin of the fresh database, as an operator would set it; the browser signs in with it
        String adminPassword = "e2e-" + java.util.UUID.randomUUID();
        env.put("ADMIN_USERNAME", "e2e-admin");
        env.put("ADMIN_PASSWORD", adminPassword);
        server = pb.start();
        waitForHealth(baseUrl, Duration.ofSeconds(180), serverLog);

        Path shots = Path.of("target", "e2e-screenshots");
        Path e2eLog = Path.of("target", "e2e-browser.log");
        ProcessBuilder browser = new ProcessBuilder(List.of("node", SCRIPT.toString(), baseUrl, shots.toString()))
                .redirectErrorStream(true)
                .redirectOutput(e2eLog.toFile());
        browser.environment().put("E2E_USERNAME", "e2e-admin");
        browser.environment().put("E2E_PASSWORD", adminPassword);
        Process e2e = browser.start();
        boolean done = e2e.waitFor(6, TimeUnit.MINUTES);
        if (!done) e2e.destroyForcibly();
        String output = Files.readString(e2eLog);
        System.out.println(output);
        assertThat(done).as("browser test finished within 6 minutes").isTrue();
        assertThat(e2e.exitValue())
                .as("browser test exit code; output:%n%s", output)
                .isZero();
        assertThat(shots.resolve("05-dashboard-1280.png")).exists();
    }

    @AfterEach
    void stopServer() throws IOException, InterruptedException {
        if (server == null) return;
        server.destroy(); // SIGTERM: Spring closes the embedded PostgreSQL
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
            return; // a PostgreSQL may still hold the data directory: leave it to mvn clean
        }
        try (Stream<Path> files = Files.walk(dbDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void waitForHealth(String baseUrl, Duration timeout, Path log) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) throw new AssertionError("server exited early:\n" + tail(log));
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("server not healthy within " + timeout + ":\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
