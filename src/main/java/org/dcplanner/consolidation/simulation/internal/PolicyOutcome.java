package org.dcplanner.consolidation.simulation.internal;

import org.dcplanner.consolidation.simulation.PowerCurve;

/**
 * What a replay with an online policy measured. Percentages as CloudSim prints them: SLATAH = Σ host time at
 * 100 % CPU ÷ Σ host active time; PDM = Σ CPU lost to migrations ÷ Σ CPU requested; SLAV = SLATAH x PDM
 * (fractions); ESV = IT energy x SLAV.
 *
 * @param energyKwh         IT energy of the hosts that were on
 * @param facilityEnergyKwh energy x PUE
 * @param hostShutdowns     times a host lost its last VM and was switched off
 * @param timeline          per step: hosts on, migrations started at its end, IT watts
 */
public record PolicyOutcome(
        String policy,
        String mode,
        int hosts,
        int vms,
        double energyKwh,
        double facilityEnergyKwh,
        double pue,
        int migrations,
        double slatahPercent,
        double pdmPercent,
        double slav,
        double esv,
        int hostShutdowns,
        int peakActiveHosts,
        double meanActiveHosts,
        double meanPerformance,
        double minPerformance,
        int vmsEverThrottled,
        int overloadedHosts,
        Timeline timeline) {

    public record Timeline(int stepSeconds, int[] activeHosts, int[] migrations, float[] itWatts) {}

    static PolicyOutcome of(String policy, String mode, ReplayResult r) {
        ReplayResult.Summary s = r.summary();
        int[] active = r.timeline().activeHosts();
        int peak = 0;
        double sum = 0;
        for (int a : active) {
            peak = Math.max(peak, a);
            sum += a;
        }
        double slav = s.slatahOverActiveTime() * s.pdmOverRequested();
        return new PolicyOutcome(
                policy,
                mode,
                r.hosts().size(),
                r.vms().size(),
                s.energyKWh(),
                s.energyKWh() * PowerCurve.DEFAULT_PUE,
                PowerCurve.DEFAULT_PUE,
                s.migrations(),
                100 * s.slatahOverActiveTime(),
                100 * s.pdmOverRequested(),
                slav,
                s.energyKWh() * slav,
                s.hostShutdowns(),
                peak,
                active.length == 0 ? 0 : sum / active.length,
                s.meanPerformance(),
                s.minPerformance(),
                s.vmsEverThrottled(),
                s.overloadedHosts(),
                new Timeline(r.stepSeconds(), active, r.timeline().migrations(), r.itWatts()));
    }
}
