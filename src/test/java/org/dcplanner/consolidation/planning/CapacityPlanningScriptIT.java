package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.planning.solver.ConsolidationSolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Runs the README's capacity-planning scripts (curl and Python) against the running service. */
class CapacityPlanningScriptIT extends PostgresIntegrationTest {
    private static final Path SAMPLE = Path.of("sample-workloads", "generic-small.csv");

    @LocalServerPort
    int port;

    @Autowired
    ObjectProvider<ConsolidationSolver> solver;

    @Autowired
    ObjectProvider<WorkloadStore> workloads;

    @Autowired
    TestRestTemplate http;

    @Test
    void curlScriptUploadsPlansAndDownloadsPlacements() throws Exception {
        Path trace = trace();
        Path out = Path.of("target", "plan-script-it", "curl");
        Result r = run(
                Map.of("DCP_TOKEN", newToken()),
                List.of(
                        "bash",
                        "scripts/plan.sh",
                        "-u",
                        "http://127.0.0.1:" + port,
                        "-m",
                        "dell-r6515",
                        "-n",
                        "8",
                        "-v",
                        "HARDWARE_ASSISTED",
                        "-t",
                        "2",
                        "-P",
                        firstVm(trace) + "=7",
                        "-F",
                        "2026-01-05T18:00:00Z",
                        "-o",
                        out.toString(),
                        trace.toString()));
        assertPlanned(r, out, trace);
        // the plan replayed on the last six hours of its own trace (a window of the data it was fitted to)
        assertThat(r.output()).contains("Out of sample: CPU host-steps over capacity", "Out-of-sample replay:");
        assertThat(Files.readString(out.resolve("out-of-sample.json"))).containsPattern("\"inSample\":\\s*true");
    }

    @Test
    void pythonScriptUploadsPlansAndDownloadsPlacements() throws Exception {
        Path trace = trace();
        Path out = Path.of("target", "plan-script-it", "python");
        Result r = run(
                Map.of(),
                List.of(
                        "python3",
                        "scripts/plan.py",
                        "-u",
                        "http://127.0.0.1:" + port,
                        "--token",
                        newToken(),
                        "-m",
                        "dell-r6515",
                        "-n",
                        "8",
                        "-v",
                        "HARDWARE_ASSISTED",
                        "-t",
                        "2",
                        "--savings-wait",
                        "6",
                        "--plan-wait",
                        "120",
                        "--pin",
                        firstVm(trace) + "=7",
                        "--replay-on",
                        trace.toString(),
                        "--replay-from",
                        "2026-01-05T12:00:00Z",
                        "-o",
                        out.toString(),
                        trace.toString()));
        assertPlanned(r, out, trace);
        // the plan replayed on a second upload of the trace: another workload, VMs matched by name
        assertThat(r.output())
                .contains("Out of sample (not in the fitted data)", "0 VMs not in the plan, 0 plan VMs absent");
        assertThat(Files.readString(out.resolve("out-of-sample.json"))).containsPattern("\"inSample\":\\s*false");
    }

    @Test
    void scriptsSayWhenTheTokenIsRefused() throws Exception {
        Path trace = trace();
        Result curl = run(
                Map.of("DCP_TOKEN", "dcp_revoked"),
                List.of(
                        "bash",
                        "scripts/plan.sh",
                        "-u",
                        "http://127.0.0.1:" + port,
                        "-o",
                        Path.of("target", "plan-script-it", "refused").toString(),
                        trace.toString()));
        assertThat(curl.exitCode()).isNotZero();
        assertThat(curl.output()).contains("HTTP 401", "DCP_TOKEN");
        Result python = run(
                Map.of(),
                List.of(
                        "python3",
                        "scripts/plan.py",
                        "-u",
                        "http://127.0.0.1:" + port,
                        "--token",
                        "dcp_revoked",
                        "-o",
                        Path.of("target", "plan-script-it", "refused").toString(),
                        trace.toString()));
        assertThat(python.exitCode()).isNotZero();
        assertThat(python.output()).contains("HTTP 401", "DCP_TOKEN");
    }

    /** A new API token of the test planner, as a user would create one for a script. */
    private String newToken() {
        ResponseEntity<JsonNode> created =
                http.postForEntity("/api/v1/tokens", Map.of("name", "script it"), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("token").asText();
    }

    private void assertPlanned(Result r, Path out, Path trace) throws IOException {
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("Plan COMPLETED:", "lower bound");
        List<String> rows = Files.readAllLines(out.resolve("placements.csv"));
        assertThat(rows.get(0)).isEqualTo("vm,vmName,slot,hostModel");
        assertThat(rows).hasSize(vmCount(trace) + 1);
        assertThat(rows.subList(1, rows.size())).allMatch(row -> row.endsWith(",dell-r6515"));
        // the pinned VM (index 0: names sort first) is on the last host of the pool
        assertThat(rows.get(1)).isEqualTo("0," + firstVm(trace) + ",7,dell-r6515");
        assertThat(Files.readString(out.resolve("plan.json"))).containsPattern("\"status\":\\s*\"COMPLETED\"");
    }

    private Path trace() throws IOException {
        assumeTrue(
                solver.getIfAvailable() != null && workloads.getIfAvailable() != null,
                "needs the real solver and workload ingestion in this build");
        return Files.exists(SAMPLE) ? SAMPLE : generated();
    }

    /** 8 VMs x 288 five-minute steps in the generic long format, day/night shapes in two phases. */
    private static Path generated() throws IOException {
        Path file = Path.of("target", "plan-script-it", "tiny.csv");
        Files.createDirectories(file.getParent());
        StringBuilder csv = new StringBuilder("vm,timestamp,cpuMhz,memoryMib\n");
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        for (int vm = 0; vm < 8; vm++) {
            for (int t = 0; t < 288; t++) {
                double phase = (vm % 2 == 0 ? 0 : Math.PI) + 2 * Math.PI * t / 288;
                double cpu = 600 + 500 * Math.sin(phase) + 40 * vm;
                csv.append(String.format(
                        Locale.ROOT, "vm-%d,%s,%.1f,%d%n", vm, start.plusSeconds(300L * t), cpu, 1024 + 128 * vm));
            }
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private static String firstVm(Path csv) throws IOException {
        try (var lines = Files.lines(csv)) {
            return lines.skip(1)
                    .map(l -> l.substring(0, l.indexOf(',')))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static int vmCount(Path csv) throws IOException {
        try (var lines = Files.lines(csv)) {
            return (int) lines.skip(1)
                    .map(l -> l.substring(0, l.indexOf(',')))
                    .distinct()
                    .count();
        }
    }

    private record Result(int exitCode, String output) {}

    private static Result run(Map<String, String> env, List<String> command) throws Exception {
        Path log = Files.createTempFile("plan-script", ".log");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("DCP_SAVINGS_WAIT", "6");
        pb.environment().put("DCP_PLAN_WAIT", "120");
        pb.environment().remove("DCP_TOKEN");
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean ended = p.waitFor(3, TimeUnit.MINUTES);
        if (!ended) p.destroyForcibly().waitFor();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(ended ? p.exitValue() : -1, output);
    }
}
