package org.dcplanner.consolidation.ingestion.sample;

/**
 * How a VM's resource use follows its activity {@code a} in [0, 1]: each resource moves linearly from
 * its base (a = 0) to its peak (a = 1). CPU and memory are shares of the VM's configured size.
 *
 * @param diskBurstKBps extra disk throughput during maintenance bursts (backups)
 * @param noiseSd       standard deviation of the VM's own activity noise (autocorrelated)
 */
record DemandLevels(
        double cpuIdleShare,
        double cpuPeakShare,
        double memoryBaseShare,
        double memorySwingShare,
        double diskBaseKBps,
        double diskPeakKBps,
        double diskBurstKBps,
        double networkBaseKBps,
        double networkPeakKBps,
        double noiseSd) {
    DemandLevels {
        if (cpuIdleShare < 0 || cpuPeakShare > 1 || cpuIdleShare > cpuPeakShare)
            throw new IllegalArgumentException("CPU shares must satisfy 0 <= idle <= peak <= 1");
        if (memoryBaseShare < 0 || memoryBaseShare + memorySwingShare > 1)
            throw new IllegalArgumentException("memory shares must stay within [0, 1]");
    }
}
