package org.dcplanner.consolidation.inventory;

import java.util.Arrays;

/**
 * A physical server model of the host catalog.
 *
 * @param id                    stable slug, e.g. "hp-ml110-g5"
 * @param cores                 physical cores
 * @param coreMhz               per-core clock in MHz (CloudSim's MIPS per PE)
 * @param memoryMib             memory in MiB
 * @param diskKBps              disk throughput capacity in KB/s
 * @param networkKBps           network capacity in KB/s
 * @param powerWatts            11-point SPECpower curve: watts at 0 %, 10 %, ..., 100 % CPU load
 * @param rackUnits             rack units (U) occupied
 * @param purchaseCost          purchase price in the catalog currency (USD)
 * @param yearlyMaintenanceCost maintenance/support per year (USD)
 * @param hardwareAssist        supports hardware-assisted virtualization (VT-x/AMD-V with nested paging)
 * @param source                where the figures come from (SPEC result id, datasheet)
 */
public record HostModel(
        String id,
        String name,
        int cores,
        double coreMhz,
        double memoryMib,
        double diskKBps,
        double networkKBps,
        double[] powerWatts,
        int rackUnits,
        double purchaseCost,
        double yearlyMaintenanceCost,
        boolean hardwareAssist,
        String source) {
    public HostModel {
        if (powerWatts == null || powerWatts.length != 11) {
            throw new IllegalArgumentException("powerWatts needs 11 points (0..100 % load)");
        }
        powerWatts = powerWatts.clone();
    }

    /** Total CPU capacity in MHz (cores x per-core MHz). */
    public double cpuMhz() {
        return cores * coreMhz;
    }

    /** Purchase price is spread over this many years (servers ~3 years, Hamilton 2010, docs/overheads-and-power.md §2.4). */
    public static final double AMORTIZATION_YEARS = 3;

    /** What a host of this model costs a year: maintenance + purchase / {@link #AMORTIZATION_YEARS} (the COST objective). */
    public double yearlyCostUsd() {
        return yearlyMaintenanceCost + purchaseCost / AMORTIZATION_YEARS;
    }

    @Override
    public double[] powerWatts() {
        return powerWatts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostModel h
                && h.id.equals(id)
                && Arrays.equals(h.powerWatts, powerWatts)
                && h.cores == cores
                && h.coreMhz == coreMhz
                && h.memoryMib == memoryMib;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
