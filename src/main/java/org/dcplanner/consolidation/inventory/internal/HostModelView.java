package org.dcplanner.consolidation.inventory.internal;

import org.dcplanner.consolidation.inventory.HostModel;

/** A host model as the API shows it, with derived totals ({@code yearlyCostUsd}: what the COST objective counts). */
record HostModelView(
        String id,
        String name,
        int cores,
        double coreMhz,
        double cpuMhz,
        double memoryMib,
        double diskKBps,
        double networkKBps,
        double[] powerWatts,
        double idleWatts,
        double maxWatts,
        int rackUnits,
        double purchaseCost,
        double yearlyMaintenanceCost,
        double yearlyCostUsd,
        boolean hardwareAssist,
        String source,
        boolean builtIn) {

    static HostModelView of(HostModel m, boolean builtIn) {
        double[] w = m.powerWatts();
        return new HostModelView(
                m.id(),
                m.name(),
                m.cores(),
                m.coreMhz(),
                m.cpuMhz(),
                m.memoryMib(),
                m.diskKBps(),
                m.networkKBps(),
                w,
                w[0],
                w[10],
                m.rackUnits(),
                m.purchaseCost(),
                m.yearlyMaintenanceCost(),
                m.yearlyCostUsd(),
                m.hardwareAssist(),
                m.source(),
                builtIn);
    }
}
