package org.dcplanner.consolidation.simulation.internal;

import java.util.Arrays;
import java.util.List;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.dcplanner.consolidation.virtualization.WorkloadProfile;

/** Hand-made hosts and replay inputs for engine tests (no Spring, no database). */
final class ReplayFixtures {
    private ReplayFixtures() {}

    /** HP ML110 G4: 2 x 1860 MHz, 4 GB; SPECpower 20110127-00342 as encoded in CloudSim. */
    static HostModel ml110g4() {
        return new HostModel(
                "hp-ml110-g4",
                "HP ProLiant ML110 G4",
                2,
                1860,
                4096,
                100_000,
                125_000,
                new double[] {86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117},
                1,
                0,
                0,
                true,
                "test");
    }

    /** HP ML110 G5: 2 x 2660 MHz, 4 GB; SPECpower 20110124-00339 as encoded in CloudSim. */
    static HostModel ml110g5() {
        return new HostModel(
                "hp-ml110-g5",
                "HP ProLiant ML110 G5",
                2,
                2660,
                4096,
                100_000,
                125_000,
                new double[] {93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135},
                1,
                0,
                0,
                true,
                "test");
    }

    /** A host far larger than any test demand, so nothing saturates. */
    static HostModel huge() {
        return new HostModel(
                "huge",
                "Huge",
                256,
                3000,
                4_194_304,
                10_000_000,
                10_000_000,
                new double[] {100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200},
                2,
                0,
                0,
                true,
                "test");
    }

    /** Pure CPU work, no kernel/page-table/I/O share: host CPU = demand under PARAVIRTUAL (C5 = 1.00). */
    static WorkloadProfile pureCpu() {
        return new WorkloadProfile(0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * CPU-only input: {@code cpu[vm][step]} in MHz, all VMs with the same profile, 1 vCPU and 1024 MiB configured;
     * each VM's configured CPU is its peak demand (at its peak its vCPU is saturated).
     */
    static ReplayInput cpuOnly(
            VirtualizationApproach approach,
            VirtualizationOverheadModel model,
            float[][] cpu,
            WorkloadProfile profile,
            List<HostModel> hosts,
            int[] vmHost) {
        int n = cpu.length;
        WorkloadProfile[] profiles = new WorkloadProfile[n];
        Arrays.fill(profiles, profile);
        int[] vcpus = new int[n];
        Arrays.fill(vcpus, 1);
        double[] mem = new double[n];
        Arrays.fill(mem, 1024);
        double[] cpuCap = new double[n];
        for (int v = 0; v < n; v++) for (float c : cpu[v]) cpuCap[v] = Math.max(cpuCap[v], c);
        return ReplayInput.builder()
                .approach(approach, model)
                .demand(300, cpu[0].length, cpu, null, null, null)
                .vms(profiles, vcpus, cpuCap, mem)
                .placement(hosts, vmHost)
                .record(true, false)
                .build();
    }
}
