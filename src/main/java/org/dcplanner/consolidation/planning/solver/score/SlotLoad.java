package org.dcplanner.consolidation.planning.solver.score;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dcplanner.consolidation.planning.solver.domain.DemandModel;
import org.dcplanner.consolidation.planning.solver.domain.VmAssignment;
import org.optaplanner.core.api.score.stream.uni.UniConstraintCollector;

/**
 * Immutable snapshot of one slot's summed load series, as constraint streams group it.
 *
 * @param load [r][t] in model units
 */
record SlotLoad(DemandModel model, int slot, long[][] load) {

    long overflow() {
        long sum = 0;
        for (int r = 0; r < load.length; r++) {
            long cap = model.capacity(r, slot);
            for (long l : load[r]) {
                sum += Math.max(0, l - cap);
            }
        }
        return sum;
    }

    long[] volumes() {
        return Arrays.stream(load)
                .mapToLong(series -> Arrays.stream(series).sum())
                .toArray();
    }

    long activeCost() {
        return SlotTerms.activeCost(model, slot, volumes());
    }

    long balancePenalty() {
        return SlotTerms.balancePenalty(
                model,
                slot,
                Arrays.stream(load)
                        .mapToLong(series -> Arrays.stream(series).max().orElse(0))
                        .toArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlotLoad s && s.slot == slot && Arrays.deepEquals(s.load, load);
    }

    @Override
    public int hashCode() {
        return 31 * slot + Arrays.deepHashCode(load);
    }

    /** Sums the demand series of the grouped VMs (all on one slot). */
    static UniConstraintCollector<VmAssignment, Sums, SlotLoad> collector() {
        return new Collector<>(Sums::new, s -> new SlotLoad(s.model, s.slot, s.copy()));
    }

    /** Over all assigned VMs: the HA reserve shortfall (see SlotTerms.haShortfall). */
    static UniConstraintCollector<VmAssignment, Sums, Long> haShortfall() {
        return new Collector<>(
                Sums::new,
                s -> s.model == null
                        ? 0L
                        : SlotTerms.haShortfall(
                                s.model,
                                s.load,
                                s.slotCounts.entrySet().stream()
                                        .filter(e -> e.getValue() > 0)
                                        .mapToInt(Map.Entry::getKey)
                                        .toArray()));
    }

    /** Mutable accumulator: summed series plus VM count per slot. */
    static final class Sums {
        private DemandModel model;
        private int slot = -1;
        private long[][] load;
        private final Map<Integer, Integer> slotCounts = new HashMap<>();

        Runnable add(VmAssignment a) {
            if (model == null) {
                model = a.getModel();
                load = new long[model.resources()][model.steps()];
            }
            int onSlot = a.getHost().getIndex();
            int vm = a.getVmIndex();
            slot = onSlot;
            apply(vm, onSlot, 1);
            return () -> apply(vm, onSlot, -1);
        }

        private void apply(int vm, int onSlot, int sign) {
            int steps = model.steps();
            for (int r = 0; r < load.length; r++) {
                int[] d = model.demand(r);
                for (int t = 0; t < steps; t++) {
                    load[r][t] += sign * (long) d[vm * steps + t];
                }
            }
            slotCounts.merge(onSlot, sign, Integer::sum);
        }

        long[][] copy() {
            return Arrays.stream(load).map(long[]::clone).toArray(long[][]::new);
        }
    }

    private record Collector<R>(Supplier<Sums> supplier, Function<Sums, R> finisher)
            implements UniConstraintCollector<VmAssignment, Sums, R> {
        @Override
        public java.util.function.BiFunction<Sums, VmAssignment, Runnable> accumulator() {
            return Sums::add;
        }
    }
}
