#!/usr/bin/env python3
"""Configuration-LP lower bound on the host count with every VM whole, restricted to a subset T' of the
time steps (or all of them), by column generation on a highspy master, certified by Farley's bound.

Problem (CloudSim profile of a PlanetLab day, see config_lp_bound.py): pack the VMs' demand series
d_it onto the fewest hosts so that each host's summed series is <= C = 5320 MHz at every step t.

Why the bound is valid. Fix any set T' of steps. A pattern p is a set of VMs whose summed demand is
<= C at every step of T' (only T'). Take any plan with K hosts: the VM set of each host is such a
pattern (it fits at every step, so at every step of T'), so x_p = (number of hosts whose VM set is p)
satisfies the cover rows sum_{p containing i} x_p >= 1 for every VM i, and sum_p x_p = K. Hence
LP(T') = min sum_p x_p s.t. the cover rows, x >= 0, is <= K (fewer steps and fractional x only relax).
Farley's bound certifies a value without relying on convergence: for any duals pi >= 0 let
M >= max_p sum_{i in p} pi_i, M > 0; then pi / M is dual feasible and, by weak duality,
K >= LP(T') >= sum_i pi_i / M. M comes either (a) from the fluid duals pi_i = d_it / C of one step t
of T' (every pattern fits at t, so M = 1 exactly and the value is that step's fluid LP), or (b) from
a HiGHS MILP over the VMs of positive pi (a |T'|-row 0/1 multidimensional knapsack; VMs of pi <= 0
cannot raise the maximum), using its proven DUAL bound, never its incumbent, inflated by a relative
1e-6 against floating-point error; the demands are integers (MHz), so the knapsack rows are exact.
The script reports the best of these certified values, and K >= ceil(value - 1e-6).

It also reports the restricted master's value, an UPPER estimate of LP(T') (a feasible point of the
LP, up to the solver's tolerances): when that is below a host count, no Farley bound on this T' can
ever reach it, because every Farley value is <= LP(T').

Column generation (two methods): "central" (default) re-solves the restricted master with HiGHS'
interior point method without crossover, whose near-central duals avoid the degenerate simplex duals
of covering masters; "box" (du Merle et al.) keeps the simplex master warm and its duals in a box
around the best certified point. Pricing: randomized greedy patterns, many at once (numpy), and the
exact MILP when the greedy finds few columns or periodically; every pattern is completed with VMs
that still fit. Single-threaded HiGHS throughout.

Commands (from the repository root; numpy + highspy; --traces defaults to ../shared/traces):
  nice -n 5 python3 research/bounds/step_subset_lp_bound.py --days 20110306 --steps 24 --cg-seconds 900
  nice -n 5 python3 research/bounds/step_subset_lp_bound.py --days 20110306 --steps 0    # all 288 steps
T' = the --steps steps of largest total demand (0: all steps).
"""
import argparse
import math
import os
import time

import highspy
import numpy as np

import config_lp_bound as base

SAFETY = base.SAFETY


def new_highs(seconds=None):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    if seconds is not None:
        h.setOptionValue("time_limit", float(seconds))
    return h


def choose_steps(demand, count):
    """The `count` steps of largest total demand, in time order (any choice gives a valid bound)."""
    return sorted(int(t) for t in np.argsort(-demand.sum(0), kind="stable")[:count])


class SubsetMaster:
    """Restricted master LP on highspy: one cover row (>= 1) per VM, one column per pattern."""

    def __init__(self, n):
        self.n = n
        self.h = new_highs()
        self.h.addRows(n, np.ones(n), np.full(n, highspy.kHighsInf), 0, np.array([], np.int32),
                       np.array([], np.int32), np.array([], float))
        self.patterns, self.seen = [], set()

    def add(self, patterns):
        """Adds the new patterns (tuples of VM indices) as columns of cost 1; returns how many."""
        fresh = [p for p in dict.fromkeys(patterns) if p not in self.seen]
        if not fresh:
            return 0
        self.seen.update(fresh)
        self.patterns.extend(fresh)
        starts = np.cumsum([0] + [len(p) for p in fresh[:-1]]).astype(np.int32)
        index = np.array([i for p in fresh for i in p], np.int32)
        k = len(fresh)
        self.h.addCols(k, np.ones(k), np.zeros(k), np.full(k, highspy.kHighsInf), len(index), starts, index,
                       np.ones(len(index)))
        return k

    def solve(self):
        self.h.run()
        status = self.h.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"master LP: {self.h.modelStatusToString(status)}")
        return self.h.getInfo().objective_function_value, np.maximum(np.array(self.h.getSolution().row_dual), 0.0)

    def primal(self):
        return np.array(self.h.getSolution().col_value)

    def keep_only(self, keep):
        """Deletes the pattern columns whose flag in `keep` is False (they may be generated again)."""
        drop = np.flatnonzero(~np.asarray(keep))
        if len(drop):
            self.h.deleteCols(len(drop), drop.astype(np.int32))
            self.patterns = [p for p, k in zip(self.patterns, keep) if k]
            self.seen = set(self.patterns)


def batch_greedy(demand, profit, tries, rng, noise=0.3):
    """`tries` randomized greedy patterns at once (numpy across tries): VMs of positive profit in
    order of profit per size (size = demand weighted by the profit-weighted load of each step, times
    log-normal noise), then the other VMs smallest first (extra VMs never hurt a covering pattern),
    each added if it still fits at every step of T'."""
    d = demand.astype(np.int64)
    pos = profit > 1e-12
    if not pos.any():
        return []
    heat = (np.maximum(profit, 0)[:, None] * d).sum(0) + 1e-9
    heat = heat / heat.max()
    patterns = []
    for power in (0, 2, 8):
        w = heat ** power
        size = (d * w).sum(1) / w.sum() + 1.0
        key = np.where(pos, profit / size, -size - 1e6)[None, :] * np.exp(rng.normal(0, noise, (tries, len(d))))
        key[0] = np.where(pos, profit / size, -size - 1e6)
        order = np.argsort(-key, axis=1)
        load = np.zeros((tries, d.shape[1]), np.int64)
        chosen = np.zeros((tries, len(d)), bool)
        rows = np.arange(tries)
        for k in range(len(d)):
            idx = order[:, k]
            new = load + d[idx]
            ok = (new <= base.HOST_CPU_MHZ).all(1)
            load[ok] = new[ok]
            chosen[rows[ok], idx[ok]] = True
        patterns.extend(tuple(int(i) for i in np.flatnonzero(row)) for row in chosen)
    return patterns


def complete(demand, pattern):
    """Adds VMs, smallest total demand first, while they fit at every step (for covering columns)."""
    load = demand[list(pattern)].sum(0)
    chosen = set(pattern)
    for i in np.argsort(demand.sum(1), kind="stable"):
        if i not in chosen and (load + demand[i] <= base.HOST_CPU_MHZ).all():
            chosen.add(int(i))
            load = load + demand[i]
    return tuple(sorted(chosen))


def exact_pricing(demand, profit, seconds):
    """max sum_{i in p} profit_i over patterns p (rows of `demand` <= C): returns (proven upper bound,
    best pattern found, status). The bound is HiGHS' MILP dual bound inflated by SAFETY."""
    cand = np.where(profit > 1e-12)[0]
    if len(cand) == 0:
        return 0.0, (), "no VM has a positive profit"
    a = demand[cand].T.astype(float)  # T' x candidates
    steps = a.shape[0]
    h = new_highs(seconds)
    h.setOptionValue("mip_rel_gap", 1e-4)
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = len(cand), steps
    lp.col_cost_ = profit[cand].astype(float)
    lp.col_lower_, lp.col_upper_ = np.zeros(len(cand)), np.ones(len(cand))
    lp.row_lower_, lp.row_upper_ = np.full(steps, -highspy.kHighsInf), np.full(steps, float(base.HOST_CPU_MHZ))
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.arange(0, steps * len(cand) + 1, steps, dtype=np.int32)
    lp.a_matrix_.index_ = np.tile(np.arange(steps, dtype=np.int32), len(cand))
    lp.a_matrix_.value_ = a.T.ravel()
    lp.a_matrix_.num_col_, lp.a_matrix_.num_row_ = len(cand), steps
    lp.integrality_ = [highspy.HighsVarType.kInteger] * len(cand)
    h.passModel(lp)
    h.run()
    info, status = h.getInfo(), h.modelStatusToString(h.getModelStatus())
    bound = info.mip_dual_bound
    if bound is None or not np.isfinite(bound):
        return None, (), status
    best = ()
    if info.primal_solution_status == 2:
        x = np.array(h.getSolution().col_value)
        best = tuple(sorted(int(i) for i in cand[x > 0.5]))
        if not (demand[list(best)].sum(0) <= base.HOST_CPU_MHZ).all():
            best = ()
    return bound * (1 + SAFETY) + 1e-12, best, f"{status}, gap {info.mip_gap:.2e}"


def seeded_master(demand, seeds=()):
    """Master with the first-fit-decreasing packings of T' (three orders), completed, and `seeds`."""
    master = SubsetMaster(len(demand))
    search = base.PatternSearch(demand)
    for key in (demand.max(1), demand.sum(1), (demand.astype(float) ** 2).sum(1)):
        master.add([complete(demand, p) for p in search.first_fit(np.argsort(-key, kind="stable"))])
    master.add(list(seeds))
    return master


def relaxed_seeds(full, steps, fluid_below_mhz, seconds, completions, log):
    """Seed columns from config_lp_bound's relaxed LP (VMs below fluid_below_mhz fluid): each of its
    patterns of big VMs is completed with small VMs in `completions` random orders (the first by
    increasing total demand) while they fit at every step of T'. Only a warm start: any feasible
    patterns keep every bound valid."""
    relaxation = base.Relaxation(full, fluid_below_mhz)
    value, _, _, _ = base.column_generation(relaxation, seconds, lambda s: None)
    big = np.flatnonzero(full.max(1) >= fluid_below_mhz)
    small = np.flatnonzero(full.max(1) < fluid_below_mhz)
    demand = full[:, steps]
    rng = np.random.default_rng(2)
    seeds = []
    for p in relaxation.pool.patterns:
        for r in range(completions):
            load = demand[big[list(p)]].sum(0) if p else np.zeros(len(steps), np.int64)
            chosen = list(big[list(p)])
            order = small[np.argsort(demand[small].sum(1))] if r == 0 else rng.permutation(small)
            for i in order:
                if (load + demand[i] <= base.HOST_CPU_MHZ).all():
                    load = load + demand[i]
                    chosen.append(int(i))
            seeds.append(tuple(sorted(int(i) for i in chosen)))
    log(f"  seeds: relaxed LP (VMs < {fluid_below_mhz:g} MHz fluid) {value:.4f} with {len(relaxation.pool.patterns)} "
        f"patterns -> {len(set(seeds))} completed columns")
    return seeds


def column_generation(demand, seconds, pricing_seconds, box, log, greedy_tries=32, exact_every=5):
    """Box-stabilized column generation (du Merle, Villeneuve, Desrosiers & Hansen 1999, "Stabilized
    column generation", Discrete Math. 194): the master's VM duals are kept in a box around a centre,
    the best certified dual point so far (it starts at the fluid duals pi_i = d_it/C of the step t of
    T' with the largest total, dual feasible with value = that step's fluid LP). In the primal the box
    is two penalty columns per VM row (+e_i at the box's upper end, -e_i at minus its lower end). Every
    exact pricing at the master's duals pi gives M and the certified point pi / M (Farley); the centre
    moves there when that beats it, so the reported bound only rises and is valid at every moment.
    The LP is solved when the exact pricing gives M <= 1 and no penalty column is used. Returns (best
    certified bound, upper estimate of LP(T') from the master without penalty columns, solved)."""
    master = seeded_master(demand)
    master.h.setOptionValue("solver", "simplex")
    c, n = base.HOST_CPU_MHZ, len(demand)
    peak = int(np.argmax(demand.sum(0)))
    centre = demand[:, peak] / c
    certified = centre.sum()
    log(f"  centre: fluid duals of step {peak} of T', value {certified:.4f}")
    first = master.h.getNumCol()
    idx = np.arange(2 * n, dtype=np.int32)
    master.h.addCols(2 * n, np.zeros(2 * n), np.zeros(2 * n), np.full(2 * n, highspy.kHighsInf), 2 * n,
                     np.arange(2 * n, dtype=np.int32), np.concatenate([np.arange(n), np.arange(n)]).astype(np.int32),
                     np.concatenate([np.ones(n), -np.ones(n)]))
    box_cols = first + idx

    def set_box(width):
        lo, hi = np.maximum(centre - width * (centre + 1.0 / n), 0), centre + width * (centre + 1.0 / n)
        master.h.changeColsCost(2 * n, box_cols.astype(np.int32), np.concatenate([hi, -lo]))

    set_box(box)

    def pure_master():
        """Upper bound on LP(T'): the restricted master with the penalty columns priced out."""
        master.h.changeColsCost(2 * n, box_cols.astype(np.int32), np.concatenate([np.full(n, 1e6), np.zeros(n)]))
        value, _ = master.solve()
        set_box(box)
        return value if value < 1e5 else float("inf")

    start, it, rng = time.time(), 0, np.random.default_rng(1)
    while True:
        it += 1
        value, pi = master.solve()
        x = master.primal()
        penalty_used = x[box_cols].sum() > 1e-9
        tries = batch_greedy(demand, pi, greedy_tries, rng)
        added = master.add([p for p in tries if pi[list(p)].sum() > 1 + 1e-9])
        ub, best, status = None, (), "greedy only"
        if added < greedy_tries // 4 or it % exact_every == 0:
            ub, best, status = exact_pricing(demand, pi, pricing_seconds)
        if best and pi[list(best)].sum() > 1 + 1e-9:
            added += master.add([complete(demand, best)])
        moved = ""
        if ub is not None and ub > 0:
            farley = pi.sum() / ub
            if farley > certified + 1e-9:
                centre, certified, moved = pi / ub, farley, " centre moved"
                set_box(box)
            if ub <= 1 + 1e-6 and not penalty_used:
                log(f"  it {it:4d} LP solved: {value:.4f}, certified {certified:.6f}")
                return certified, value, True
            if ub <= 1 + 1e-6 and not moved:
                box *= 2  # the duals are feasible but held by the box: widen it
                set_box(box)
        log(f"  it {it:4d} {time.time() - start:6.0f} s master {value:.4f} cols {master.h.getNumCol()} "
            f"penalty {'yes' if penalty_used else 'no'} M {ub if ub is not None else float('nan'):.4f} "
            f"certified {certified:.4f}{moved} ({status})")
        if it % 20 == 0:
            log(f"  restricted master without penalty columns (an upper bound on LP(T')): {pure_master():.4f}")
        if time.time() - start > seconds:
            return certified, pure_master(), False


def central_column_generation(demand, seconds, pricing_seconds, log, seeds=(), greedy_tries=32, exact_every=20,
                               pool_limit=2500):
    """Plain column generation on the restricted master (every VM whole, no step rows) solved by HiGHS'
    interior point method without crossover, whose near-central duals avoid the extreme, degenerate
    duals of the simplex (every column would otherwise price at the same few VMs). The master value is
    an UPPER bound on LP(T') (its columns are feasible patterns); the certified LOWER bound is the best
    Farley value: the fluid duals of the peak step of T' (M = 1 exactly, no MILP needed) or an exact
    pricing at the master's duals. When the pool exceeds pool_limit, the 40 % of columns with the
    largest reduced costs are dropped unless used by the last master solution. At the time limit a
    line search between the fluid duals and the last duals tries a few more Farley bounds. Returns
    (certified lower bound, upper estimate of LP(T'), solved)."""
    master = seeded_master(demand, seeds)
    master.h.setOptionValue("solver", "ipm")
    master.h.setOptionValue("run_crossover", "off")
    certified = demand[:, int(np.argmax(demand.sum(0)))].sum() / base.HOST_CPU_MHZ
    upper, start, it, rng = float("inf"), time.time(), 0, np.random.default_rng(1)
    while True:
        it += 1
        value, pi = master.solve()
        upper = min(upper, value)
        tries = batch_greedy(demand, pi, greedy_tries, rng, noise=0.2)
        added = master.add([p for p in tries if pi[list(p)].sum() > 1 + 1e-9])
        timed_out = time.time() - start > seconds
        if added < greedy_tries // 4 or it % exact_every == 0 or timed_out:
            ub, best, status = exact_pricing(demand, pi, pricing_seconds)
            if best and pi[list(best)].sum() > 1 + 1e-9:
                added += master.add([complete(demand, best)])
            if ub is not None and ub > 0:
                certified = max(certified, pi.sum() / ub)
                if ub <= 1 + 1e-6:
                    log(f"  it {it:4d} {time.time() - start:6.0f} s LP(T') solved: {value:.4f}, certified {certified:.6f}")
                    return certified, upper, True
            log(f"  it {it:4d} {time.time() - start:6.0f} s master {value:.4f} (upper bound {upper:.4f}) "
                f"cols {len(master.patterns)} M {ub if ub is not None else float('nan'):.4f} certified {certified:.4f} ({status})")
        elif it % 10 == 0:
            log(f"  it {it:4d} {time.time() - start:6.0f} s master {value:.4f} cols {len(master.patterns)} added {added}")
        if len(master.patterns) > pool_limit:
            reduced = np.array([1 - pi[list(p)].sum() for p in master.patterns])
            master.keep_only((reduced <= np.quantile(reduced, 0.6)) | (master.primal() > 1e-9))
        if timed_out:
            return line_search(demand, pi, certified, pricing_seconds, log), upper, False


def line_search(demand, pi, certified, pricing_seconds, log):
    """Farley bounds on the segment between the fluid duals of the peak step of T' (the "in" point of
    in-out stabilization) and the master's last duals pi; returns the best certified value."""
    fluid = demand[:, int(np.argmax(demand.sum(0)))] / base.HOST_CPU_MHZ
    for a in (0.5, 0.8, 0.9, 0.95, 0.98):
        point = a * fluid + (1 - a) * pi
        ub, _, status = exact_pricing(demand, point, pricing_seconds)
        if ub is not None and ub > 0:
            certified = max(certified, point.sum() / ub)
            log(f"  line search: {a:.2f} x fluid duals + {1 - a:.2f} x master duals: Farley {point.sum() / ub:.4f} ({status})")
    return certified


def main():
    repo_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--traces", default=os.path.join(repo_root, "..", "shared", "traces"))
    parser.add_argument("--days", nargs="+", default=["20110306", "20110303"])
    parser.add_argument("--steps", type=int, default=24, help="number of steps of largest total demand in T' (0: all steps)")
    parser.add_argument("--cg-seconds", type=float, default=900)
    parser.add_argument("--pricing-seconds", type=float, default=10, help="time limit of each exact pricing MILP")
    parser.add_argument("--method", choices=["central", "box"], default="central",
                        help="central: interior-point master (gives an upper bound on LP(T') too); box: du Merle box")
    parser.add_argument("--seed-fluid-below-mhz", type=float, default=0,
                        help="central: seed columns from config_lp_bound's relaxed LP with this threshold (0: none)")
    parser.add_argument("--box", type=float, default=0.003, help="initial relative half-width of the dual box")
    args = parser.parse_args()
    log = lambda s: print(s, flush=True)  # noqa: E731
    for day in args.days:
        started = time.time()
        full = base.load_demands_mhz(args.traces, day)
        steps = choose_steps(full, args.steps) if args.steps else list(range(full.shape[1]))
        demand = full[:, steps]
        fluid = base.fluid_bound(full)
        log(f"{day}: {len(full)} VMs, all whole, T' = {len(steps)} steps {steps if len(steps) < 60 else 'all'}, "
            f"fluid LP {full.sum(0).max() / base.HOST_CPU_MHZ:.4f}, fluid bound {fluid}")
        if args.method == "central":
            seeds = relaxed_seeds(full, steps, args.seed_fluid_below_mhz, 300, 4, log) if args.seed_fluid_below_mhz else ()
            farley, upper, converged = central_column_generation(demand, args.cg_seconds, args.pricing_seconds, log, seeds)
        else:
            farley, upper, converged = column_generation(demand, args.cg_seconds, args.pricing_seconds, args.box, log)
        hosts = math.ceil(farley - 1e-6)
        log(f"  RESULT {day}: T' {len(steps)} steps, LP {'solved' if converged else 'not solved'}, "
            f"restricted master {upper:.4f} (upper estimate of LP(T')), certified Farley {farley:.4f} "
            f"-> at least {hosts} hosts; fluid bound {fluid}; {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
