package org.dcplanner.consolidation.ingestion.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.ConsolidationApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An estate end to end (issue 20's measured targets): starts the service in this JVM (node 1) on a schema of the
 * given database, optionally a second node in a JVM of its own on the same schema, uploads a generic
 * {@code .csv.gz} over HTTP as a planner would (a given file, or one written once to target/ by
 * {@link EstateTraceGenerator}), plans it as a capacity planner would (CPU + memory, p95 of the month folded into
 * one day, 10 % headroom, a pool of one model larger than the estate needs), waits for the plan and its replay over
 * the whole trace, then times the calls the plan page makes when it opens, in the browser's order, twice.
 * Prints the ingest rate and peak heap, hosts vs lower bound and plan time, replay VM-steps/s, and the dashboard
 * figures. The heap cap is this JVM's {@code -Xmx}.
 *
 * <p>Args: {@code vms steps timeLimitSeconds} (default 5000 288 60). Properties: {@code bench.file} (an existing
 * generic {@code .csv.gz} of that many VMs and steps, used instead of writing one), {@code bench.db.url} (user
 * postgres), {@code bench.schema} (default bench_estate), {@code bench.port} (default 18004), {@code bench.nodes}
 * (1 or 2), {@code bench.node2.heap} (the second node's -Xmx, default 2g), {@code bench.node2.port} (default 18014),
 * {@code bench.pool.model} (default dell-r740), {@code bench.pool.hosts} (default VMs / 20, at least 50),
 * {@code bench.partitionVms} (app.planning.partition-vms of both nodes; default the product's),
 * {@code bench.keep} (keep the workload and plan; default: deleted at the end).
 */
public final class EstateScaleBenchmark {
    private static final String USER = "bench-admin";
    private static final String PASSWORD = "bench-admin-password-1";

    private EstateScaleBenchmark() {}

    public static void main(String[] args) throws Exception {
        int vms = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 288;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        String given = System.getProperty("bench.file");
        long g0 = System.nanoTime();
        Path file = given != null
                ? Path.of(given)
                : EstateTraceGenerator.write(
                        Path.of("target", "bench-estate-" + vms + "x" + steps + ".csv.gz"), vms, steps, 300, 20);
        System.out.printf(
                "# trace %s: %,d MB gzip (%s in %.0f s)%n",
                file.getFileName(),
                Files.size(file) >> 20,
                given != null ? "given" : "written or reused",
                (System.nanoTime() - g0) / 1e9);
        List<String> common = commonArguments();
        List<String> node1 = new ArrayList<>(common);
        node1.add("--server.port=" + Integer.getInteger("bench.port", 18_004));
        node1.add("--db-scheduler.scheduler-name=node-1");
        ConfigurableApplicationContext app =
                SpringApplication.run(ConsolidationApplication.class, node1.toArray(String[]::new));
        Process node2 = Integer.getInteger("bench.nodes", 1) >= 2 ? startNode2(common) : null;
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            System.out.printf(
                    "# node 1: max heap %,d MiB, %d cores; %s%n",
                    Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors(),
                    node2 == null
                            ? "one node"
                            : "node 2: pid " + node2.pid() + ", -Xmx" + System.getProperty("bench.node2.heap", "2g"));
            new Run("http://127.0.0.1:" + port, app.getBean(JdbcTemplate.class), vms).measure(file, seconds);
        } finally {
            if (node2 != null) node2.destroy();
            app.close();
        }
    }

    /** The service's arguments both nodes share: database schema, sign-in, log level, partition size. */
    private static List<String> commonArguments() {
        String schema = System.getProperty("bench.schema", "bench_estate");
        String url = System.getProperty("bench.db.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "--spring.datasource.username=" + System.getProperty("bench.db.user", "postgres"),
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.default-schema=" + schema,
                "--app.security.admin-username=" + USER,
                "--app.security.admin-password=" + PASSWORD,
                "--app.upload-temp-dir=" + Path.of("target", "bench-upload-tmp").toAbsolutePath(),
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                // where a replay's time goes, and each partition's solve
                "--logging.level.org.dcplanner.consolidation.simulation.internal.SimulationRunner=INFO",
                "--logging.level.org.dcplanner.consolidation.planning.internal.PlanPartitionJob=INFO"));
        String partitionVms = System.getProperty("bench.partitionVms");
        if (partitionVms != null) args.add("--app.planning.partition-vms=" + partitionVms);
        return args;
    }

    /** A second node of the service in a JVM of its own, on the same schema (its log: target/bench-node-2.log). */
    private static Process startNode2(List<String> common) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx" + System.getProperty("bench.node2.heap", "2g"),
                "-cp",
                System.getProperty("java.class.path"),
                ConsolidationApplication.class.getName()));
        command.addAll(common);
        command.add("--server.port=" + Integer.getInteger("bench.node2.port", 18_014));
        command.add("--db-scheduler.scheduler-name=node-2");
        Path log = Files.createDirectories(Path.of("target")).resolve("bench-node-2.log");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(new File("."))
                .start();
    }

    private record Run(String base, JdbcTemplate jdbc, int vms) {
        private static final HttpClient HTTP =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final String AUTH =
                "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

        void measure(Path file, int seconds) throws Exception {
            System.out.printf("# load average at the start %.2f%n", load());
            Thread sampler = IngestBenchmark.sampleHeapUsed();
            long cpu0 = IngestBenchmark.processCpuNanos();
            long t0 = System.nanoTime();
            JsonNode workload = upload(file);
            double uploadSeconds = (System.nanoTime() - t0) / 1e9;
            long cpu = IngestBenchmark.processCpuNanos() - cpu0;
            long ingestHeap = IngestBenchmark.maxHeapUsed;
            String workloadId = workload.get("id").asText();
            long samples = workload.get("sampleCount").asLong();
            System.out.printf(
                    "ingest: %s VMs x %s steps, %,d samples in %.1f s (node 1 CPU %.1f s) = %,.0f samples/s;"
                            + " peak heap used %,d MiB of %,d%n",
                    workload.get("vmCount"),
                    workload.get("steps"),
                    samples,
                    uploadSeconds,
                    cpu / 1e9,
                    samples / uploadSeconds,
                    ingestHeap >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);

            IngestBenchmark.maxHeapUsed = 0;
            int poolHosts = Integer.getInteger("bench.pool.hosts", Math.max(50, vms / 20));
            String model = System.getProperty("bench.pool.model", "dell-r740");
            String body = "{\"workloadId\":\"" + workloadId + "\",\"name\":\"estate at scale\","
                    + "\"hostPool\":[{\"model\":\"" + model + "\",\"count\":" + poolHosts + "}],"
                    + "\"resources\":[\"CPU\",\"MEMORY\"],\"virtualization\":\"HARDWARE_ASSISTED\","
                    + "\"sizing\":{\"percentile\":95,\"foldDays\":true,\"headroomPercent\":10},"
                    + "\"timeLimitSeconds\":" + seconds + "}";
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
            double planSeconds = (System.nanoTime() - p0) / 1e9;
            int hosts = plan.path("hostsUsed").asInt();
            int bound = plan.path("lowerBoundHosts").asInt();
            System.out.printf(
                    "plan: %s in %.1f s (time limit %d s, searched %.1f s): %d hosts, lower bound %d = %.3f x LB;"
                            + " %d hosts in the pool of %s, %s steps (folded %s), partitions %s; peak heap used %,d MiB%s%n",
                    status,
                    planSeconds,
                    seconds,
                    plan.path("searchedMillis").asLong() / 1e3,
                    hosts,
                    bound,
                    bound == 0 ? Double.NaN : (double) hosts / bound,
                    poolHosts,
                    model,
                    plan.path("steps"),
                    plan.path("folded"),
                    plan.path("partitions"),
                    IngestBenchmark.maxHeapUsed >> 20,
                    status.equals("COMPLETED")
                            ? ""
                            : "; error: " + plan.path("error").asText());
            for (Map<String, Object> p : jdbc.queryForList(
                    "select part, cardinality(vm_indexes) as vms, picked_by, attempt, status from plan_partitions"
                            + " where plan_id = ?::uuid order by part",
                    id)) {
                System.out.printf(
                        "#   partition %s: %s VMs on %s (attempt %s) %s%n",
                        p.get("part"), p.get("vms"), p.get("picked_by"), p.get("attempt"), p.get("status"));
            }
            if (!status.equals("COMPLETED")) return;

            long r0 = System.nanoTime();
            String replay;
            do {
                Thread.sleep(1000);
                JsonNode runs = get("/api/v1/plans/" + id + "/simulations");
                replay = runs.isEmpty() ? "QUEUED" : runs.get(0).get("status").asText();
            } while (replay.equals("QUEUED") || replay.equals("RUNNING"));
            Map<String, Object> run =
                    jdbc.queryForMap("select started_at, finished_at from simulation_run where plan_id = ?::uuid", id);
            double replaySeconds =
                    (((Timestamp) run.get("finished_at")).getTime() - ((Timestamp) run.get("started_at")).getTime())
                            / 1e3;
            long vmSteps = (long) workload.get("vmCount").asInt()
                    * workload.get("steps").asInt();
            System.out.printf(
                    "replay: %s over the trace, %,d VM-steps in %.1f s (started to finished, stored results included)"
                            + " = %,.0f VM-steps/s; ready %.1f s after the plan; peak heap used %,d MiB%n",
                    replay,
                    vmSteps,
                    replaySeconds,
                    vmSteps / replaySeconds,
                    (System.nanoTime() - r0) / 1e9,
                    IngestBenchmark.maxHeapUsed >> 20);
            sampler.interrupt();
            if (replay.equals("COMPLETED")) new PlanPageCalls(this, id, workloadId).timeTwice();
            System.out.printf("# load average at the end %.2f%n", load());
            if (!Boolean.getBoolean("bench.keep")) {
                long d0 = System.nanoTime();
                send(HttpRequest.newBuilder(URI.create(base + "/api/v1/workloads/" + workloadId))
                        .DELETE());
                System.out.printf("# workload and plan deleted in %.1f s%n", (System.nanoTime() - d0) / 1e9);
            }
        }

        /** Milliseconds and body bytes of one GET (status must be 200). */
        Timed timed(String path) throws Exception {
            long t = System.nanoTime();
            HttpResponse<byte[]> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", AUTH)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            long ms = (System.nanoTime() - t) / 1_000_000;
            if (r.statusCode() != 200) throw new IllegalStateException(path + " answered " + r.statusCode());
            return new Timed(ms, r.body().length);
        }

        JsonNode get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        JsonNode send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> r =
                    HTTP.send(request.header("Authorization", AUTH).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) throw new IllegalStateException(r.statusCode() + ": " + r.body());
            return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
        }

        /** The file streamed as a multipart upload (never whole in memory). */
        JsonNode upload(Path file) throws Exception {
            String boundary = "bench" + System.nanoTime();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + file.getFileName() + "\"\r\nContent-Type: application/gzip\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n"
                            + "estate at scale\r\n--" + boundary + "--\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/workloads"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(
                            HttpRequest.BodyPublishers.ofByteArray(head),
                            HttpRequest.BodyPublishers.ofFile(file),
                            HttpRequest.BodyPublishers.ofByteArray(tail))));
        }

        private static double load() {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    record Timed(long millis, long bytes) {}

    /**
     * The plan page's requests when it opens on a completed plan, in the order the browser sends them
     * (frontend PlanPage and loadCompletedSimulation): plan, workload and placements, the run list, the simulation
     * with the first hosts' CPU heatmap and the first VM page, every further VM page (up to 50,000 VMs), savings,
     * then the sections below the fold (comparison, host ratios). "Page ready" sums the calls up to savings.
     */
    private static final class PlanPageCalls {
        private final Run run;
        private final String planId;
        private final String workloadId;
        private final List<String> names = new ArrayList<>();
        private final List<long[]> rows = new ArrayList<>();

        PlanPageCalls(Run run, String planId, String workloadId) {
            this.run = run;
            this.planId = planId;
            this.workloadId = workloadId;
        }

        void timeTwice() throws Exception {
            System.out.println("| Call | first | again | bytes |");
            System.out.println("|---|---:|---:|---:|");
            long[] first = once(true);
            long[] again = once(false);
            System.out.printf(
                    "dashboard: plan page ready (plan .. savings, sequential) first %,d ms, again %,d ms;"
                            + " below the fold first %,d ms%n",
                    first[0], again[0], first[1]);
        }

        /** Times each call; returns {page-ready ms, below-the-fold ms}; prints the table after the second pass. */
        long[] once(boolean firstPass) throws Exception {
            String plan = "/api/v1/plans/" + planId;
            List<String[]> calls = new ArrayList<>();
            calls.add(new String[] {"health (reference: no database)", "/actuator/health"});
            calls.add(new String[] {"plan", plan});
            calls.add(new String[] {"workload", "/api/v1/workloads/" + workloadId});
            calls.add(new String[] {"placements", plan + "/placements"});
            calls.add(new String[] {"simulations (run list)", plan + "/simulations"});
            calls.add(new String[] {
                "simulation: 1,000 hosts x CPU at 288 points + VM page 0",
                plan + "/simulation?virtualization=HARDWARE_ASSISTED&hostOffset=0&hostLimit=1000&maxPoints=288"
                        + "&resources=CPU&vmSize=1000"
            });
            long ready = 0;
            long below = 0;
            int i = 0;
            for (String[] c : calls) {
                Timed t = run.timed(c[1]);
                if (i++ > 0) ready += t.millis();
                record(firstPass, c[0], t);
            }
            int pages = (Math.min(run.vms(), 50_000) + 999) / 1000;
            long pageMillis = 0;
            long pageBytes = 0;
            for (int page = 1; page < pages; page++) {
                Timed t = run.timed(plan + "/simulation?virtualization=HARDWARE_ASSISTED&hostLimit=0&vmPage=" + page
                        + "&vmSize=1000");
                pageMillis += t.millis();
                pageBytes += t.bytes();
            }
            ready += pageMillis;
            record(
                    firstPass,
                    "simulation: the " + (pages - 1) + " further VM pages (1,000 each), all",
                    new Timed(pageMillis, pageBytes));
            Timed savings = run.timed(plan + "/savings");
            ready += savings.millis();
            record(firstPass, "savings", savings);
            for (String[] c : List.of(
                    new String[] {"comparison", plan + "/simulations/comparison"},
                    new String[] {"host ratios", plan + "/host-ratios"},
                    new String[] {"policy runs of the workload", "/api/v1/simulations?workloadId=" + workloadId})) {
                Timed t = run.timed(c[1]);
                below += t.millis();
                record(firstPass, c[0], t);
            }
            if (!firstPass) print();
            return new long[] {ready, below};
        }

        private void record(boolean firstPass, String name, Timed t) {
            if (firstPass) {
                names.add(name);
                rows.add(new long[] {t.millis(), 0, t.bytes()});
            } else {
                rows.get(names.indexOf(name))[1] = t.millis();
            }
        }

        private void print() {
            for (int i = 0; i < names.size(); i++) {
                long[] r = rows.get(i);
                System.out.printf("| %s | %,d ms | %,d ms | %,d |%n", names.get(i), r[0], r[1], r[2]);
            }
        }
    }
}
