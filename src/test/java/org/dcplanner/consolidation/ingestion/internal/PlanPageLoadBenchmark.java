package org.dcplanner.consolidation.ingestion.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dcplanner.consolidation.ConsolidationApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Dashboards at scale (issue 20 item 5): the first-load API calls of the plan page on a large plan. Writes (once, to
 * target/) a seeded generic CSV of {@code vms} x {@code steps} ({@link EstateTraceGenerator}), starts the service
 * in this JVM on the given database schema, uploads the file, plans it (CPU + memory on Dell R740 hosts), waits for
 * the plan and its replay, then times each call the plan page makes when it opens (first call, then the same call
 * again), as the browser would send them. Args: {@code vms steps timeLimitSeconds} (default 10000 288 60).
 * Database: -Dbench.db.url (user postgres), schema -Dbench.schema (default bench_page, created and migrated).
 */
public final class PlanPageLoadBenchmark {
    private static final String USER = "bench-admin";
    private static final String PASSWORD = "bench-admin-password-1";

    private PlanPageLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int vms = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 288;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        String schema = System.getProperty("bench.schema", "bench_page");
        String url = System.getProperty("bench.db.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        Path file = EstateTraceGenerator.write(
                Path.of("target", "bench-estate-" + vms + "x" + steps + ".csv.gz"), vms, steps, 300, 20);
        ConfigurableApplicationContext app = SpringApplication.run(
                ConsolidationApplication.class,
                "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "--spring.datasource.username=postgres",
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.default-schema=" + schema,
                "--server.port=0",
                "--app.security.admin-username=" + USER,
                "--app.security.admin-password=" + PASSWORD,
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            new Run("http://127.0.0.1:" + port).measure(file, seconds);
        } finally {
            app.close();
        }
    }

    private record Run(String base) {
        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final String AUTH =
                "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        void measure(Path file, int seconds) throws Exception {
            long t0 = System.nanoTime();
            JsonNode workload = upload(file);
            String workloadId = workload.get("id").asText();
            System.out.printf(
                    "# load average %.2f; uploaded %s: %s VMs x %s steps in %.1f s%n",
                    load(),
                    file.getFileName(),
                    workload.get("vmCount"),
                    workload.get("steps"),
                    (System.nanoTime() - t0) / 1e9);
            String body = "{\"workloadId\":\"" + workloadId + "\",\"name\":\"bench page\","
                    + "\"hostPool\":[{\"model\":\"dell-r740\",\"count\":3000}],\"resources\":[\"CPU\",\"MEMORY\"],"
                    + "\"virtualization\":\"HARDWARE_ASSISTED\",\"timeLimitSeconds\":" + seconds + "}";
            long p0 = System.nanoTime();
            JsonNode plan = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/plans"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            String id = plan.get("id").asText();
            String status;
            do {
                Thread.sleep(1000);
                plan = get("/api/v1/plans/" + id);
                status = plan.get("status").asText();
            } while (!status.equals("COMPLETED") && !status.equals("FAILED") && !status.equals("CANCELLED"));
            System.out.printf(
                    "# plan %s in %.1f s: %s hosts, lower bound %s, partitions %s%n",
                    status,
                    (System.nanoTime() - p0) / 1e9,
                    plan.get("hostsUsed"),
                    plan.get("lowerBoundHosts"),
                    plan.get("partitions"));
            long r0 = System.nanoTime();
            String replay;
            do {
                Thread.sleep(1000);
                JsonNode runs = get("/api/v1/plans/" + id + "/simulations");
                replay = runs.isEmpty() ? "QUEUED" : runs.get(0).get("status").asText();
            } while (replay.equals("QUEUED") || replay.equals("RUNNING"));
            System.out.printf("# replay %s %.1f s after the plan%n", replay, (System.nanoTime() - r0) / 1e9);
            Map<String, String> calls = new LinkedHashMap<>();
            // no database, no plan: what any answer costs on this machine at this load
            calls.put("health (reference)", "/actuator/health");
            calls.put("plan", "/api/v1/plans/" + id);
            calls.put("workload", "/api/v1/workloads/" + workloadId);
            calls.put("placements", "/api/v1/plans/" + id + "/placements");
            calls.put("simulations", "/api/v1/plans/" + id + "/simulations");
            calls.put(
                    "simulation: 1,000 hosts x CPU at 288 points + VM page 0 (1,000)",
                    "/api/v1/plans/" + id + "/simulation?virtualization=HARDWARE_ASSISTED&hostOffset=0&hostLimit=1000"
                            + "&maxPoints=288&resources=CPU&vmSize=1000");
            calls.put(
                    "simulation: one more VM page (1,000 VMs, no host series)",
                    "/api/v1/plans/" + id
                            + "/simulation?virtualization=HARDWARE_ASSISTED&hostLimit=0&vmPage=1&vmSize=1000");
            calls.put("savings", "/api/v1/plans/" + id + "/savings");
            calls.put("host-ratios", "/api/v1/plans/" + id + "/host-ratios");
            calls.put("comparison", "/api/v1/plans/" + id + "/simulations/comparison");
            calls.put("policy runs of the workload", "/api/v1/simulations?workloadId=" + workloadId);
            System.out.println("| Call | first | again | bytes |");
            System.out.println("|---|---:|---:|---:|");
            for (var c : calls.entrySet()) {
                long[] first = timed(c.getValue());
                long[] again = timed(c.getValue());
                System.out.printf("| %s | %d ms | %d ms | %,d |%n", c.getKey(), first[0], again[0], first[1]);
            }
            System.out.printf("# load average at the end %.2f%n", load());
        }

        /** Milliseconds and body bytes of one GET (status must be 200). */
        long[] timed(String path) throws Exception {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", AUTH)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long ms = (System.nanoTime() - t) / 1_000_000;
            if (r.statusCode() != 200) throw new IllegalStateException(path + " answered " + r.statusCode());
            return new long[] {ms, r.body().length};
        }

        JsonNode get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        JsonNode send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> r =
                    HTTP.send(request.header("Authorization", AUTH).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) throw new IllegalStateException(r.statusCode() + ": " + r.body());
            return JSON.readTree(r.body());
        }

        JsonNode upload(Path file) throws Exception {
            String boundary = "bench" + System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + file.getFileName() + "\"\r\nContent-Type: application/gzip\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(Files.readAllBytes(file));
            out.writeBytes(
                    ("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nbench page\r\n--"
                                    + boundary + "--\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/workloads"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
        }

        private static double load() {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }
}
