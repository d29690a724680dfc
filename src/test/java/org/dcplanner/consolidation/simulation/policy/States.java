package org.dcplanner.consolidation.simulation.policy;

import java.util.Arrays;
import org.dcplanner.consolidation.inventory.HostModel;

/** Hand-made consolidation states for the strategy tests: 1 GB/s hosts of 2 x 2500 MHz, 4096 MiB. */
final class States {
    private States() {}

    static HostModel host() {
        return new HostModel(
                "h",
                "test host",
                2,
                2500,
                4096,
                100_000,
                125_000,
                new double[] {100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200},
                1,
                0,
                0,
                true,
                "test");
    }

    /**
     * {@code hosts} hosts; VM v with memory {@code memoryMib[v]} placed on {@code vmHost[v]}; the CPU history
     * {@code cpu[v][k]} (oldest first) observed step by step.
     */
    static ConsolidationState state(int hosts, int[] vmHost, double[] memoryMib, float[][] cpu) {
        HostModel[] models = new HostModel[hosts];
        Arrays.fill(models, host());
        int n = vmHost.length;
        int[] vcpus = new int[n];
        Arrays.fill(vcpus, 2);
        ConsolidationState s = new ConsolidationState(models, vcpus, memoryMib, 300, false);
        float[] step = new float[n], mem = new float[n];
        for (int v = 0; v < n; v++) mem[v] = (float) memoryMib[v];
        for (int t = 0; t < cpu[0].length; t++) {
            for (int v = 0; v < n; v++) step[v] = cpu[v][t];
            s.observe(step, mem);
            if (t == 0) for (int v = 0; v < n; v++) if (vmHost[v] >= 0) s.attach(v, vmHost[v]);
        }
        return s;
    }

    /** A series of {@code length} values of {@code mhz}. */
    static float[] flat(int length, float mhz) {
        float[] out = new float[length];
        Arrays.fill(out, mhz);
        return out;
    }

    /** A series rising linearly from {@code from} to {@code to} MHz. */
    static float[] ramp(int length, float from, float to) {
        float[] out = new float[length];
        for (int i = 0; i < length; i++) out[i] = from + (to - from) * i / (length - 1);
        return out;
    }
}
