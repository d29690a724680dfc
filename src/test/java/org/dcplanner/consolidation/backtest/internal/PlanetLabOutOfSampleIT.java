package org.dcplanner.consolidation.backtest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.TraceFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The PlanetLab table with the product's own out-of-sample replay: the VMs present on 3 and 6 March
 * 2011 (sizes fixed by an inventory) planned on day A, each placement replayed on day B. For every plan the
 * day-B figures are recomputed here, independently, from the placement CSV and the raw day-B files
 * (CPU % x the inventory's MHz, summed per host and step, against the hp-ml110-g5's 5,320 MHz) and must be equal.
 * Prints the table (docs/benchmarks.md, "Out-of-sample replay"). Skips when the traces are absent.
 */
class PlanetLabOutOfSampleIT extends PostgresIntegrationTest {
    private static final double G5_MHZ = 5320;
    private static final int STEPS = 288;
    private static final int POOL = 800;
    private static final int TIME_LIMIT_SECONDS = Integer.getInteger("oos.timeLimitSeconds", 3);

    @Autowired
    TestRestTemplate http;

    @Test
    void dayBFiguresEqualAnIndependentRecount() throws IOException {
        Path dayA = TraceFiles.require("planetlab/20110303");
        Path dayB = TraceFiles.require("planetlab/20110306");
        Path inventory =
                TraceFiles.root().toAbsolutePath().getParent().resolve("design/cloudsim-vm-sizes-20110306-shared.csv");
        Assumptions.assumeTrue(Files.exists(inventory), "inventory of the shared VMs not available at " + inventory);
        Map<String, Double> mhz = new LinkedHashMap<>();
        for (String line : Files.readAllLines(inventory)
                .subList(1, Files.readAllLines(inventory).size())) {
            String[] f = line.split(",");
            mhz.put(f[0], Double.parseDouble(f[1]));
        }
        UUID a = TraceUploads.upload(
                http, TraceUploads.zipDay(dayA, mhz.keySet()), inventory, Map.of("format", "planetlab"));
        UUID b = TraceUploads.upload(
                http, TraceUploads.zipDay(dayB, mhz.keySet()), inventory, Map.of("format", "planetlab"));
        Map<String, double[]> cpuA = read(dayA, mhz);
        Map<String, double[]> cpuB = read(dayB, mhz);

        List<String> rows = new ArrayList<>();
        rows.add(
                String.format(
                        Locale.ROOT,
                        "| plan | hosts (day A) | in sample: host-steps over | day B: host-steps over | hosts ever over | VMs that saw an overload | worst overload | energy day B (kWh) |"));
        rows.add("|---|---|---|---|---|---|---|---|");
        rows.add(row("p100", a, b, Map.of("percentile", 100, "headroomPercent", 0), null, cpuB));
        rows.add(row("p95 + 10 %", a, b, Map.of("percentile", 95, "headroomPercent", 10), null, cpuB));
        rows.add(row(
                "time-series first-fit (baseline)",
                a,
                b,
                Map.of("percentile", 100, "headroomPercent", 0),
                firstFit(cpuA),
                cpuB));
        rows.add(row(
                "p95 + 10 %, window 12",
                a, b, Map.of("percentile", 95, "headroomPercent", 10, "windowSteps", 12), null, cpuB));
        System.out.println("PlanetLab 20110303 -> 20110306, " + mhz.size() + " shared VMs, " + POOL
                + " x hp-ml110-g5, CPU only, " + "overhead in the trace, " + TIME_LIMIT_SECONDS + " s per plan:");
        rows.forEach(System.out::println);
    }

    /** Plans on day A (pinned to the given placement when not null), replays on A and B, checks B against the recount. */
    private String row(
            String label,
            UUID a,
            UUID b,
            Map<String, Object> sizing,
            Map<String, Integer> pinned,
            Map<String, double[]> cpuB) {
        Map<String, Object> body = new HashMap<>();
        body.put("workloadId", a);
        body.put("name", "oos " + label);
        body.put("hostPool", List.of(Map.of("model", "hp-ml110-g5", "count", POOL)));
        body.put("resources", List.of("CPU"));
        Map<String, Object> s = new HashMap<>(sizing);
        s.put("overheadInTrace", true);
        body.put("sizing", s);
        body.put("virtualization", "FULL");
        body.put("timeLimitSeconds", pinned != null ? 2 : TIME_LIMIT_SECONDS);
        if (pinned != null) body.put("pinned", pinned);
        ResponseEntity<JsonNode> accepted = http.postForEntity("/api/v1/plans", body, JsonNode.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode plan = TraceUploads.awaitFinal(
                http, accepted.getHeaders().getLocation().toString(), Duration.ofMinutes(5));
        assertThat(plan.get("status").asText()).as("%s", plan).isEqualTo("COMPLETED");
        String id = plan.get("id").asText();
        JsonNode in = replay(id, a);
        JsonNode out = replay(id, b);
        assertThat(in.get("inSample").asBoolean()).isTrue();
        assertThat(out.get("inSample").asBoolean()).isFalse();
        assertThat(out.get("unplacedVms")).isEmpty();
        assertThat(out.get("missingPlanVms")).isEmpty();

        Recount recount = recount(placements(id), cpuB);
        JsonNode cpu = out.get("resources").get("CPU");
        assertThat(cpu.get("hostSteps").asLong()).isEqualTo(recount.hostSteps);
        assertThat(cpu.get("hostStepsOverCapacity").asLong()).as(label).isEqualTo(recount.over);
        assertThat(cpu.get("hostsEverOverloaded").asInt()).as(label).isEqualTo(recount.hostsOver);
        assertThat(cpu.get("worstOverloadPercent").asDouble()).as(label).isCloseTo(recount.worstPercent, within(1e-3));
        JsonNode inCpu = in.get("resources").get("CPU");
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.2f %% | %.2f %% (recount %.2f %%) | %d | %d | +%.0f %% | %.1f |",
                label,
                plan.get("hostsUsed").asInt(),
                inCpu.get("hostStepsOverPercent").asDouble(),
                cpu.get("hostStepsOverPercent").asDouble(),
                100.0 * recount.over / recount.hostSteps,
                cpu.get("hostsEverOverloaded").asInt(),
                cpu.get("vmsThatSawOverload").asInt(),
                cpu.get("worstOverloadPercent").asDouble(),
                out.get("energyKWh").asDouble());
    }

    private JsonNode replay(String plan, UUID workload) {
        ResponseEntity<JsonNode> accepted = http.postForEntity(
                "/api/v1/plans/" + plan + "/simulations", Map.of("workloadId", workload), JsonNode.class);
        assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode run = TraceUploads.awaitFinal(
                http, accepted.getHeaders().getLocation().toString(), Duration.ofMinutes(3));
        assertThat(run.get("status").asText()).as("%s", run).isEqualTo("COMPLETED");
        return run.get("result");
    }

    /** VM name to host slot, from the placement CSV the API serves. */
    private Map<String, Integer> placements(String plan) {
        HttpHeaders h = new HttpHeaders();
        h.setAccept(List.of(MediaType.valueOf("text/csv")));
        String csv = http.exchange(
                        "/api/v1/plans/" + plan + "/placements", HttpMethod.GET, new HttpEntity<>(h), String.class)
                .getBody();
        Map<String, Integer> slot = new HashMap<>();
        for (String line : csv.strip().split("\r?\n")) {
            // vm,vmName,slot,hostModel — PlanetLab names hold no commas; some hold a space
            String[] f = line.split(",");
            if (!f[0].equals("vm")) slot.put(f[1], Integer.parseInt(f[2]));
        }
        return slot;
    }

    record Recount(long hostSteps, long over, int hostsOver, double worstPercent) {}

    /** Host CPU per step = sum of its VMs' day-B MHz; over capacity when above 5,320 MHz. */
    private static Recount recount(Map<String, Integer> slotOf, Map<String, double[]> cpu) {
        Map<Integer, double[]> hosts = new HashMap<>();
        cpu.forEach((vm, series) -> {
            double[] sum = hosts.computeIfAbsent(slotOf.get(vm), k -> new double[STEPS]);
            for (int t = 0; t < STEPS; t++) sum[t] += series[t];
        });
        long over = 0;
        int hostsOver = 0;
        double worst = 1;
        for (double[] sum : hosts.values()) {
            boolean any = false;
            for (double x : sum) {
                if (x > G5_MHZ * (1 + 1e-6)) {
                    over++;
                    any = true;
                    worst = Math.max(worst, x / G5_MHZ);
                }
            }
            if (any) hostsOver++;
        }
        return new Recount((long) hosts.size() * STEPS, over, hostsOver, (worst - 1) * 100);
    }

    /** Per VM, its CPU % lines x its inventory MHz. */
    private static Map<String, double[]> read(Path day, Map<String, Double> mhz) throws IOException {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : mhz.entrySet()) {
            List<String> lines = Files.readAllLines(day.resolve(e.getKey()));
            double[] s = new double[STEPS];
            for (int t = 0; t < STEPS; t++) s[t] = Integer.parseInt(lines.get(t).strip()) / 100.0 * e.getValue();
            out.put(e.getKey(), s);
        }
        return out;
    }

    /** Time-series first-fit decreasing (by peak) on day A: each VM on the first host whose sum stays within capacity. */
    private static Map<String, Integer> firstFit(Map<String, double[]> cpu) {
        List<String> order = new ArrayList<>(cpu.keySet());
        order.sort((x, y) -> Double.compare(peak(cpu.get(y)), peak(cpu.get(x))));
        List<double[]> hosts = new ArrayList<>();
        Map<String, Integer> slot = new LinkedHashMap<>();
        for (String vm : order) {
            double[] s = cpu.get(vm);
            int chosen = -1;
            for (int h = 0; h < hosts.size() && chosen < 0; h++) {
                boolean fits = true;
                for (int t = 0; t < STEPS && fits; t++) fits = hosts.get(h)[t] + s[t] <= G5_MHZ;
                if (fits) chosen = h;
            }
            if (chosen < 0) {
                hosts.add(new double[STEPS]);
                chosen = hosts.size() - 1;
            }
            for (int t = 0; t < STEPS; t++) hosts.get(chosen)[t] += s[t];
            slot.put(vm, chosen);
        }
        return slot;
    }

    private static double peak(double[] s) {
        double m = 0;
        for (double x : s) m = Math.max(m, x);
        return m;
    }
}
