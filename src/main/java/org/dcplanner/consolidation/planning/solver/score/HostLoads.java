package org.dcplanner.consolidation.planning.solver.score;

import org.dcplanner.consolidation.planning.solver.domain.DemandModel;

/**
 * Per-slot load time series in model units, kept in sync with an assignment; the hot data structure of
 * score calculation and search. Loads are ints (DemandModel bounds the summed peaks so any load fits), so the
 * JIT can use 32-bit vector lanes, which have max and multiply on AVX2 where 64-bit lanes do not
 * (research/search/OverflowKernelBench.java). Memory: resources x slots x steps ints.
 */
public final class HostLoads {
    private final DemandModel model;
    private final int steps;
    /** [r][slot * steps + t]. */
    private final int[][] load;
    /** [r][slot] sum of the load over all steps. */
    private final long[][] volume;

    private final int[] vmCount;
    /** Sum over resources and steps of load above capacity, per slot. */
    private final long[] overflow;

    HostLoads(DemandModel model) {
        this.model = model;
        this.steps = model.steps();
        this.load = new int[model.resources()][model.slots() * steps];
        this.volume = new long[model.resources()][model.slots()];
        this.vmCount = new int[model.slots()];
        this.overflow = new long[model.slots()];
    }

    /** Adds the VM's series to the slot; returns the change of the slot's overflow. */
    long add(int vm, int slot) {
        return apply(vm, slot, 1);
    }

    /** Removes the VM's series from the slot; returns the change of the slot's overflow. */
    long remove(int vm, int slot) {
        return apply(vm, slot, -1);
    }

    private long apply(int vm, int slot, int sign) {
        long delta = 0;
        for (int r = 0; r < load.length; r++) {
            long cap = model.capacity(r, slot);
            int[] l = load[r];
            int[] d = model.demand(r);
            int base = slot * steps;
            int vmBase = vm * steps;
            long vol = 0;
            for (int t = 0; t < steps; t++) {
                long before = l[base + t];
                long after = before + sign * (long) d[vmBase + t];
                l[base + t] = (int) after;
                vol += d[vmBase + t];
                delta += Math.max(0, after - cap) - Math.max(0, before - cap);
            }
            volume[r][slot] += sign * vol;
        }
        vmCount[slot] += sign;
        overflow[slot] += delta;
        return delta;
    }

    /** Change of the slot's overflow if the VM were added (read-only). */
    public long overflowIfAdded(int vm, int slot) {
        return overflowIfChanged(slot, vm, -1);
    }

    /** Change of the slot's overflow if the VM were removed (read-only). */
    public long overflowIfRemoved(int vm, int slot) {
        return overflowIfChanged(slot, -1, vm);
    }

    /** Change of the slot's overflow if VM {@code in} were added and VM {@code out} removed (-1 for none). */
    public long overflowIfChanged(int slot, int in, int out) {
        return weightedOverflowChange(slot, in, out, null);
    }

    /** Weight of one unit of overflow against the flatness term in {@link #shapedCostIfChanged}. */
    public static final long OVERFLOW_WEIGHT = 1L << 20;

    /**
     * Change of a search cost if VM {@code in} were added and {@code out} removed (-1 for none):
     * overflow x OVERFLOW_WEIGHT plus the change of sum(load^2) / 2^20. The squared term prefers flat host
     * profiles (VMs whose peaks don't coincide share a host), which leaves room at every step.
     */
    public long shapedCostIfChanged(int slot, int in, int out) {
        long squareDelta = 0;
        for (int r = 0; r < load.length; r++) {
            int[] l = load[r];
            int[] d = model.demand(r);
            int base = slot * steps;
            for (int t = 0; t < steps; t++) {
                long diff = (long) (in >= 0 ? d[in * steps + t] : 0) - (out >= 0 ? d[out * steps + t] : 0);
                squareDelta += diff * (2L * l[base + t] + diff);
            }
        }
        return overflowIfChanged(slot, in, out) * OVERFLOW_WEIGHT + (squareDelta >> 20);
    }

    /**
     * Change of the weighted overflow {@code sum over r, t of weight x max(0, load - cap)} on the slot if VM
     * {@code in} were added and VM {@code out} removed (-1 for none); null weights weigh one. The hot loop of the
     * search: one branch-free pass per case (add, remove, exchange) on 32-bit lanes; the product weight x change
     * is taken in an int while the slot's largest weight times the larger peak fits one (always for weight one),
     * else in a long (slower, exact either way).
     */
    public long weightedOverflowChange(int slot, int in, int out, OverflowWeights weights) {
        long total = 0;
        int base = slot * steps;
        for (int r = 0; r < load.length; r++) {
            int cap = (int) model.capacity(r, slot);
            int[] l = load[r];
            int[] w = weights == null ? null : weights.weight[r];
            int[] d = model.demand(r);
            boolean intProduct = w == null
                    || (long) weights.largest(slot)
                                    * Math.max(in < 0 ? 0 : model.peak(r, in), out < 0 ? 0 : model.peak(r, out))
                            <= Integer.MAX_VALUE;
            if (out < 0) {
                total += in < 0 ? 0 : shiftCost(l, w, intProduct, d, base, in * steps, cap, 1);
            } else if (in < 0) {
                total += shiftCost(l, w, intProduct, d, base, out * steps, cap, -1);
            } else {
                total += exchangeCost(l, w, intProduct, d, base, in * steps, out * steps, cap);
            }
        }
        return total;
    }

    /** Weighted overflow change of adding (sign 1) or removing (sign -1) one series. */
    private long shiftCost(int[] l, int[] w, boolean intProduct, int[] d, int base, int vmBase, int cap, int sign) {
        long sum = 0;
        if (w == null) {
            for (int t = 0; t < steps; t++) {
                int before = l[base + t] - cap;
                sum += Math.max(0, before + sign * d[vmBase + t]) - Math.max(0, before);
            }
        } else if (intProduct) {
            for (int t = 0; t < steps; t++) {
                int before = l[base + t] - cap;
                sum += w[base + t] * (Math.max(0, before + sign * d[vmBase + t]) - Math.max(0, before));
            }
        } else {
            for (int t = 0; t < steps; t++) {
                int before = l[base + t] - cap;
                sum += (long) w[base + t] * (Math.max(0, before + sign * d[vmBase + t]) - Math.max(0, before));
            }
        }
        return sum;
    }

    /** Weighted overflow change of adding series {@code inBase} and removing {@code outBase}. */
    private long exchangeCost(
            int[] l, int[] w, boolean intProduct, int[] d, int base, int inBase, int outBase, int cap) {
        long sum = 0;
        if (w == null) {
            for (int t = 0; t < steps; t++) {
                int before = l[base + t] - cap;
                sum += Math.max(0, before + d[inBase + t] - d[outBase + t]) - Math.max(0, before);
            }
        } else if (intProduct) {
            for (int t = 0; t < steps; t++) {
                int before = l[base + t] - cap;
                sum += w[base + t] * (Math.max(0, before + d[inBase + t] - d[outBase + t]) - Math.max(0, before));
            }
        } else {
            for (int t = 0; t < steps; t++) {
                int before = l[base + t] - cap;
                sum += (long) w[base + t]
                        * (Math.max(0, before + d[inBase + t] - d[outBase + t]) - Math.max(0, before));
            }
        }
        return sum;
    }

    /** Raises by one the weight of every step and resource where the slot is over capacity. */
    public void raiseOverflowWeights(int slot, OverflowWeights weights) {
        for (int r = 0; r < load.length; r++) {
            long cap = model.capacity(r, slot);
            int base = slot * steps;
            for (int t = 0; t < steps; t++) {
                if (load[r][base + t] > cap) {
                    weights.raise(r, slot, t);
                }
            }
        }
    }

    public int steps() {
        return steps;
    }

    /** True if the VM fits on the slot at every step and resource. */
    public boolean fits(int vm, int slot) {
        return fits(vm, slot, 1.0);
    }

    /** True if the VM fits within capacity x factor on the slot at every step and resource. */
    public boolean fits(int vm, int slot, double factor) {
        for (int r = 0; r < load.length; r++) {
            long room = factor == 1.0 ? model.capacity(r, slot) : (long) (model.capacity(r, slot) * factor);
            int[] l = load[r];
            int[] d = model.demand(r);
            int base = slot * steps;
            int vmBase = vm * steps;
            for (int t = 0; t < steps; t++) {
                if ((long) l[base + t] + d[vmBase + t] > room) {
                    return false;
                }
            }
        }
        return true;
    }

    public long load(int r, int slot, int t) {
        return load[r][slot * steps + t];
    }

    public long volume(int r, int slot) {
        return volume[r][slot];
    }

    public long[] volumes(int slot) {
        long[] v = new long[load.length];
        for (int r = 0; r < v.length; r++) {
            v[r] = volume[r][slot];
        }
        return v;
    }

    /** Highest load of the slot over all steps, per resource. */
    public long[] peaks(int slot) {
        long[] p = new long[load.length];
        int base = slot * steps;
        for (int r = 0; r < p.length; r++) {
            int[] l = load[r];
            int max = 0;
            for (int t = 0; t < steps; t++) {
                max = Math.max(max, l[base + t]);
            }
            p[r] = max;
        }
        return p;
    }

    /**
     * Highest load of the slot over all steps per resource, were VM {@code in} added and VM {@code out} removed
     * (-1 for none); written to {@code peaks} (read-only for the loads).
     */
    public void peaksIfChanged(int slot, int in, int out, long[] peaks) {
        int base = slot * steps;
        for (int r = 0; r < load.length; r++) {
            int[] l = load[r];
            int[] d = model.demand(r);
            int max = 0;
            if (out < 0) {
                int inBase = in * steps;
                for (int t = 0; t < steps; t++) {
                    max = Math.max(max, l[base + t] + d[inBase + t]);
                }
            } else if (in < 0) {
                int outBase = out * steps;
                for (int t = 0; t < steps; t++) {
                    max = Math.max(max, l[base + t] - d[outBase + t]);
                }
            } else {
                int inBase = in * steps;
                int outBase = out * steps;
                for (int t = 0; t < steps; t++) {
                    max = Math.max(max, l[base + t] + d[inBase + t] - d[outBase + t]);
                }
            }
            peaks[r] = max;
        }
    }

    public int vmCount(int slot) {
        return vmCount[slot];
    }

    public long overflow(int slot) {
        return overflow[slot];
    }
}
