package org.dcplanner.consolidation.ingestion.internal;

import java.util.Locale;
import org.dcplanner.consolidation.problem.ApiException;

/** Where a VM's size comes from when neither the inventory nor the trace gives it. */
public enum VmProfile {
    /** 2 cores x 2000 MHz (4000 MHz in all), 4096 MiB, linux, not paravirtualization-capable, class web. */
    DEFAULT,
    /**
     * The four VM types of CloudSim's PlanetLab examples (Beloglazov and Buyya, CCPE 24(13), 2012;
     * Cloudslab/cloudsim {@code power/Constants.java}): 2500/2000/1000/500 MIPS (taken as MHz) with
     * 870/1740/1740/613 MB, 1 core each, assigned in contiguous blocks: type = index / ceil(N/4), with
     * VMs in file-name order.
     */
    CLOUDSIM;

    private static final double[] CLOUDSIM_MHZ = {2500, 2000, 1000, 500};
    private static final double[] CLOUDSIM_MIB = {870, 1740, 1740, 613};

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The size of the VM at {@code index} (0-based, file-name order) of {@code vmCount} VMs. */
    public VmSize sizeOf(int index, int vmCount) {
        if (this == CLOUDSIM) {
            int block = (vmCount + 3) / 4;
            int type = Math.min(3, index / block);
            return new VmSize(1, CLOUDSIM_MHZ[type], CLOUDSIM_MIB[type]);
        }
        return new VmSize(2, 4000, 4096);
    }

    public static VmProfile fromId(String id) {
        for (VmProfile p : values()) {
            if (p.id().equalsIgnoreCase(id.trim())) return p;
        }
        throw ApiException.badRequest("Unknown vmProfile '" + id + "'; use default or cloudsim")
                .at(null, null, "vmProfile");
    }

    /** Cores, total CPU capacity in MHz and memory in MiB of one VM. */
    public record VmSize(int cores, double cpuMhz, double memoryMib) {}
}
