package org.dcplanner.consolidation.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dcplanner.consolidation.ApiClient;

/**
 * Load check of a running service (loopback only): {@code uploaders} threads upload generated CSV workloads
 * back to back while {@code readers} threads list workloads, read one and its VMs, for {@code seconds};
 * then every acknowledged upload is read back (same VM count = nothing lost). Prints errors, uploads and
 * the read latency percentiles. Args: [base URL = http://127.0.0.1:8080] [seconds = 60] [uploaders = 20]
 * [readers = 4] [VMs per upload = 20].
 */
public final class ConcurrentUploadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConcurrentUploadBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        if (!base.startsWith("http://127.0.0.1") && !base.startsWith("http://localhost")) {
            throw new IllegalArgumentException("load checks run against loopback only, got " + base);
        }
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int uploaders = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int readers = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int vms = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        ApiClient api = new ApiClient(base);
        System.out.printf(
                "# %d cores, load average at start %.2f; %s, %d s, %d uploaders, %d readers, %d VMs x 288"
                        + " steps per upload%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                base,
                seconds,
                uploaders,
                readers,
                vms);

        Map<String, Integer> uploaded = new ConcurrentHashMap<>(); // id -> VM count acknowledged
        List<Long> readNanos = Collections.synchronizedList(new ArrayList<>());
        List<Long> uploadNanos = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicLong sequence = new AtomicLong();
        long endAt = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(uploaders + readers);
        for (int u = 0; u < uploaders; u++) {
            pool.submit(() -> {
                while (System.nanoTime() < endAt) {
                    long n = sequence.incrementAndGet();
                    byte[] csv = csv(n, vms);
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = api.send(new Multipart()
                                .field("name", "load-" + n)
                                .file("file", "load-" + n + ".csv", csv)
                                .post(api, "/api/v1/workloads"));
                        uploadNanos.add(System.nanoTime() - t0);
                        if (r.statusCode() != 201) {
                            errors.add("upload " + r.statusCode() + " " + r.body());
                            continue;
                        }
                        JsonNode w = JSON.readTree(r.body());
                        uploaded.put(w.get("id").asText(), w.get("vmCount").asInt());
                    } catch (Exception e) {
                        errors.add("upload " + e);
                    }
                }
            });
        }
        for (int r = 0; r < readers; r++) {
            pool.submit(() -> {
                while (System.nanoTime() < endAt) {
                    try {
                        JsonNode page = JSON.readTree(timed(api, "/api/v1/workloads?size=20", readNanos, errors));
                        if (page != null && page.size() > 0) {
                            String id = page.get(0).get("id").asText();
                            timed(api, "/api/v1/workloads/" + id, readNanos, errors);
                            timed(api, "/api/v1/workloads/" + id + "/vms?size=50", readNanos, errors);
                        }
                    } catch (Exception e) {
                        errors.add("read " + e);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 600L, TimeUnit.SECONDS);

        int lost = 0;
        for (var e : uploaded.entrySet()) {
            HttpResponse<String> r = api.get("/api/v1/workloads/" + e.getKey());
            if (r.statusCode() != 200 || JSON.readTree(r.body()).get("vmCount").asInt() != e.getValue()) lost++;
        }
        System.out.printf(
                "uploads acknowledged %d (%.1f/s), upload p50 %d ms, p99 %d ms; reads %d, p50 %d ms, p95 %d ms,"
                        + " p99 %d ms, max %d ms; errors %d; lost %d; load average at end %.2f%n",
                uploaded.size(),
                uploaded.size() / (double) seconds,
                pct(uploadNanos, 50),
                pct(uploadNanos, 99),
                readNanos.size(),
                pct(readNanos, 50),
                pct(readNanos, 95),
                pct(readNanos, 99),
                pct(readNanos, 100),
                errors.size(),
                lost,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        errors.stream().limit(5).forEach(e -> System.out.println("  error: " + e));
        for (String id : uploaded.keySet())
            api.send(api.request("/api/v1/workloads/" + id).DELETE().build());
    }

    private static String timed(ApiClient api, String path, List<Long> nanos, List<String> errors) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = api.get(path);
        nanos.add(System.nanoTime() - t0);
        if (r.statusCode() != 200) {
            errors.add("GET " + path + " " + r.statusCode());
            return null;
        }
        return r.body();
    }

    /** One day at 5-minute steps for {@code vms} VMs, values varying with the upload number. */
    private static byte[] csv(long n, int vms) {
        StringBuilder b = new StringBuilder("vm,timestamp,cpuMhz,memoryMib\n");
        long start = Instant.parse("2026-01-05T00:00:00Z").getEpochSecond();
        for (int vm = 0; vm < vms; vm++) {
            for (int t = 0; t < 288; t++) {
                b.append("vm-")
                        .append(vm)
                        .append(',')
                        .append(start + 300L * t)
                        .append(',')
                        .append(500 + (n * 7 + vm * 13 + t) % 1500)
                        .append(',')
                        .append(1024 + vm)
                        .append('\n');
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long pct(List<Long> nanos, int p) {
        if (nanos.isEmpty()) return 0;
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int i = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, i)) / 1_000_000;
    }
}
