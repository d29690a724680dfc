package org.dcplanner.consolidation.planning.solver.score;

import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.HostSlotSpec;

/**
 * Score terms shared by the incremental calculator and the constraint streams, so both compute
 * exactly the same numbers.
 */
public final class SlotTerms {
    /** Fill is expressed in 1/100,000 of a host's usable capacity. */
    public static final long FILL_SCALE = 100_000L;
    /** Hard weight of one discrete violation (anti-affinity pair, pin, paravirt, hardware assist): about one full host-step. */
    public static final long DISCRETE_VIOLATION_WEIGHT = DemandModel.UNITS_PER_LARGEST_HOST;

    private SlotTerms() {}

    /** Mean fill of a slot over steps and resources, in FILL_SCALE units (host emptying picks light hosts by it). */
    public static long fill(DemandModel m, int slot, long[] volumes) {
        long sum = 0;
        for (int r = 0; r < volumes.length; r++) {
            long cap = Math.max(1, m.capacity(r, slot));
            sum += volumes[r] * FILL_SCALE / (cap * m.steps());
        }
        return sum / Math.max(1, volumes.length);
    }

    /**
     * Soft penalty of an active slot: per resource its peak fill (highest load over the steps / usable
     * capacity, in FILL_SCALE units), squared and summed. At a fixed host count the sum is smallest when the
     * peaks are even, i.e. every host keeps a similar headroom at its busiest step.
     *
     * @param peaks [r] highest load of the slot over all steps, in model units
     */
    public static long balancePenalty(DemandModel m, int slot, long[] peaks) {
        long sum = 0;
        for (int r = 0; r < peaks.length; r++) {
            long f = peaks[r] * FILL_SCALE / Math.max(1, m.capacity(r, slot));
            sum += f * f;
        }
        return sum;
    }

    /** Medium penalty of an active slot by objective: 1 host, yearly cost in whole currency units, or mean watts x 1000. */
    static long activeCost(DemandModel m, int slot, long[] volumes) {
        HostSlotSpec spec = m.slotSpec(slot);
        return switch (m.objective()) {
            case HOSTS -> 1L;
            case COST -> Math.round(spec.yearlyCost());
            case POWER -> {
                int cpu = m.problem().resources().indexOf(Metric.CPU);
                double util = 0;
                if (cpu >= 0) {
                    util = Math.min(1.0, volumes[cpu] / (double) Math.max(1, m.capacity(cpu, slot) * m.steps()));
                }
                yield Math.round(1000 * (spec.idleWatts() + (spec.maxWatts() - spec.idleWatts()) * util));
            }
        };
    }

    /**
     * HA reserve shortfall (fluid condition). If hosts F fail, their load fits on the other active hosts A\F
     * at step t iff sum_F load(t) <= sum_(A\F) (cap - load(t)), i.e. sum_F cap <= sum_A (cap - load(t)).
     * The worst F is the N largest active hosts, so per resource and step the shortfall is
     * max(0, totalLoad(t) - (activeCap - topNCap)), summed.
     *
     * @param totalLoad     [r][t] load of all assigned VMs
     * @param activeSlots   slots with at least one VM
     */
    static long haShortfall(DemandModel m, long[][] totalLoad, int[] activeSlots) {
        int n = m.haReserveHosts();
        if (n == 0) {
            return 0;
        }
        long penalty = 0;
        for (int r = 0; r < m.resources(); r++) {
            long[] caps = new long[activeSlots.length];
            long activeCap = 0;
            for (int i = 0; i < activeSlots.length; i++) {
                caps[i] = m.capacity(r, activeSlots[i]);
                activeCap += caps[i];
            }
            java.util.Arrays.sort(caps);
            long topN = 0;
            for (int i = caps.length - 1; i >= Math.max(0, caps.length - n); i--) {
                topN += caps[i];
            }
            long usable = activeCap - topN;
            for (int t = 0; t < m.steps(); t++) {
                penalty += Math.max(0, totalLoad[r][t] - usable);
            }
        }
        return penalty;
    }
}
