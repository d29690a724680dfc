package org.dcplanner.consolidation.planning.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.planning.Objective;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/** Builder of small planning problems for tests (CPU, optionally memory). */
public final class TestProblems {
    private final List<Metric> resources;
    private final int steps;
    private final List<float[][]> vms = new ArrayList<>();
    private final List<HostSlotSpec> slots = new ArrayList<>();
    private final List<Integer> pins = new ArrayList<>();
    private final List<Integer> groups = new ArrayList<>();
    private final List<Boolean> paravirt = new ArrayList<>();
    private VirtualizationApproach approach = VirtualizationApproach.FULL;
    private int haReserve;
    private Objective objective = Objective.HOSTS;

    private TestProblems(List<Metric> resources, int steps) {
        this.resources = resources;
        this.steps = steps;
    }

    public static TestProblems cpu(int steps) {
        return new TestProblems(List.of(Metric.CPU), steps);
    }

    public static TestProblems cpuAndMemory(int steps) {
        return new TestProblems(List.of(Metric.CPU, Metric.MEMORY), steps);
    }

    /** Adds hosts with the given per-resource capacity. */
    public TestProblems hosts(int count, double... capacity) {
        return hosts(count, "test-host", true, capacity);
    }

    public TestProblems hosts(int count, String modelId, boolean hardwareAssist, double... capacity) {
        for (int i = 0; i < count; i++) {
            slots.add(new HostSlotSpec(modelId, capacity.clone(), 100, 200, 1000, hardwareAssist));
        }
        return this;
    }

    /** Adds hosts of a model with its yearly cost and full-load watts (idle: half of them). */
    public TestProblems pricedHosts(int count, String modelId, double yearlyCost, double maxWatts, double... capacity) {
        for (int i = 0; i < count; i++) {
            slots.add(new HostSlotSpec(modelId, capacity.clone(), maxWatts / 2, maxWatts, yearlyCost, true));
        }
        return this;
    }

    /** Adds a VM; one series per resource. */
    public TestProblems vm(float[]... series) {
        vms.add(series);
        pins.add(-1);
        groups.add(-1);
        paravirt.add(true);
        return this;
    }

    /** Adds a VM with a constant demand per resource. */
    public TestProblems flatVm(double... perResource) {
        float[][] series = new float[perResource.length][steps];
        for (int r = 0; r < perResource.length; r++) {
            Arrays.fill(series[r], (float) perResource[r]);
        }
        return vm(series);
    }

    public TestProblems pinLast(int slot) {
        pins.set(pins.size() - 1, slot);
        return this;
    }

    public TestProblems groupLast(int group) {
        groups.set(groups.size() - 1, group);
        return this;
    }

    public TestProblems notParavirtCapableLast() {
        paravirt.set(paravirt.size() - 1, false);
        return this;
    }

    public TestProblems approach(VirtualizationApproach a) {
        this.approach = a;
        return this;
    }

    public TestProblems haReserve(int n) {
        this.haReserve = n;
        return this;
    }

    public TestProblems objective(Objective o) {
        this.objective = o;
        return this;
    }

    public PlanningProblem build() {
        float[][][] demand = new float[resources.size()][vms.size()][];
        for (int r = 0; r < resources.size(); r++) {
            for (int v = 0; v < vms.size(); v++) {
                demand[r][v] = vms.get(v)[r];
            }
        }
        List<String> names =
                IntStream.range(0, vms.size()).mapToObj(i -> "vm-" + i).toList();
        boolean[] pv = new boolean[vms.size()];
        for (int i = 0; i < pv.length; i++) {
            pv[i] = paravirt.get(i);
        }
        return new PlanningProblem(
                resources,
                steps,
                demand,
                names,
                List.copyOf(slots),
                pins.stream().mapToInt(Integer::intValue).toArray(),
                groups.stream().mapToInt(Integer::intValue).toArray(),
                pv,
                approach,
                haReserve,
                objective);
    }

    /** Adds a CPU + memory VM (this builder's steps): a daily sine of random level and phase plus noise. */
    TestProblems diurnalVm(SplittableRandom rnd) {
        float[] cpu = new float[steps];
        float[] mem = new float[steps];
        double base = rnd.nextDouble(20, 300);
        double phase = rnd.nextDouble(0, 2 * Math.PI);
        for (int t = 0; t < steps; t++) {
            cpu[t] = (float) Math.max(
                    0, base * (1 + 0.8 * Math.sin(phase + 2 * Math.PI * t / steps)) + rnd.nextDouble(0, 30));
            mem[t] = (float) (base * 4 + rnd.nextDouble(0, 50));
        }
        return vm(cpu, mem);
    }

    /** Random CPU+memory problem with diurnal-ish series, some groups and pins; for cross-checks. */
    public static PlanningProblem random(long seed, int vmCount, int hostCount, int steps) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TestProblems b = cpuAndMemory(steps).hosts(hostCount, 1000, 4096);
        for (int v = 0; v < vmCount; v++) {
            b.diurnalVm(rnd);
            if (rnd.nextInt(5) == 0) {
                b.groupLast(rnd.nextInt(3));
            }
        }
        return b.build();
    }
}
