#!/usr/bin/env python3
"""Lower bounds on the number of hosts for time-series (temporal vector) bin packing of PlanetLab days.

What it computes, per day (CloudSim profile: sorted file names, VM k gets
MIPS [2500, 2000, 1000, 500][min(k // ceil(N/4), 3)], demand d_it = percent/100 * MIPS, host C = 5320):
  * fluid bound      max_t ceil(sum_i d_it / C)
  * per-step L2      max_t of the Martello-Toth L2 bound of the one-dimensional instance at step t
  * first-fit decreasing packings on the series (upper bounds, and seed columns)
  * a configuration LP by column generation, and a Farley bound from its final duals. VMs whose peak
    is below --fluid-below-mhz are relaxed to "fluid" load (divisible anywhere at every step); the rest
    are discrete. --fluid-below-mhz 0 makes every VM discrete (the plain configuration LP; its column
    generation does not converge in minutes on these days, see docs/benchmarks.md).

Why the bound is valid. A pattern p is a set of discrete VMs with L_t(p) = sum_{i in p} d_it <= C at
every step t. Take any plan with K hosts, and let x_p count its hosts whose discrete VMs are exactly p.
Every discrete VM is on one host, and the fluid VMs fit into the free capacity, so with S_t the fluid
VMs' total load at step t, x satisfies
  sum_{p containing i} x_p >= 1 (discrete VM i),  sum_p x_p (C - L_t(p)) >= S_t (step t),  x >= 0,
and sum_p x_p = K. So the LP min sum_p x_p over these rows is <= K. For any duals pi, mu >= 0 let
  M >= max_p [ sum_{i in p} pi_i + sum_t mu_t (C - L_t(p)) ] = C sum_t mu_t + max_p sum_{i in p} (pi_i - mu . d_i).
Then (pi, mu) / M satisfies every dual constraint, so by weak LP duality
  K >= LP >= (sum_i pi_i + sum_t mu_t S_t) / M   (Farley's bound),
and K >= its ceiling. The max over p is bounded by HiGHS' MILP on the VMs of positive profit (a
288-row multidimensional 0/1 knapsack; dropping VMs of profit <= 0 cannot lower the maximum), using
its proven DUAL bound, not its incumbent, inflated by a relative 1e-6 against floating-point error.
The bound holds whether column generation converged or not (if not, M > 1 and it is weaker than the
LP value). The fluid LP max_t sum_i d_it / C is the special case mu = 1/C at the peak step, pi = 0.

Command (from the repository root; standard library + numpy + scipy only; single-threaded HiGHS):
  nice -n 10 python3 research/bounds/config_lp_bound.py [--traces ../shared/traces] \
      [--days 20110303 20110306] [--fluid-below-mhz 700] [--cg-seconds 600] \
      [--pricing-seconds 120]
"""
import argparse
import math
import os
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import csc_matrix, vstack

HOST_CPU_MHZ = 5320  # HP ML110 G5, 2 x 2660 MHz
VM_MIPS = [2500, 2000, 1000, 500]
SAFETY = 1e-6  # relative inflation of the MILP's dual bound against floating-point error


def load_demands_mhz(traces, day):
    """VM x step demand matrix (integers, MHz) of one PlanetLab day under the CloudSim profile."""
    folder = os.path.join(traces, "planetlab", day)
    names = sorted(os.listdir(folder))
    per_type = math.ceil(len(names) / 4)
    rows = []
    for k, name in enumerate(names):
        with open(os.path.join(folder, name)) as f:
            percent = [int(line) for line in f if line.strip()]
        mips = VM_MIPS[min(k // per_type, 3)]
        rows.append([p * mips // 100 for p in percent])
    return np.array(rows, dtype=np.int64)


def fluid_bound(demand):
    return int(max(math.ceil(s / HOST_CPU_MHZ) for s in demand.sum(0)))


def l2_bound_one_step(sizes, capacity):
    """Martello-Toth L2 for one-dimensional bin packing."""
    sizes = np.sort(sizes[sizes > 0])
    best = math.ceil(sizes.sum() / capacity)
    for alpha in np.unique(np.concatenate(([0], sizes[sizes <= capacity // 2]))):
        j1 = sizes > capacity - alpha
        j2 = (sizes > capacity / 2) & ~j1
        j3 = (sizes <= capacity / 2) & (sizes >= alpha)
        room = j2.sum() * capacity - sizes[j2].sum()
        best = max(best, int(j1.sum() + j2.sum() + max(0, math.ceil((sizes[j3].sum() - room) / capacity))))
    return best


def stepwise_l2_bound(demand):
    return max(l2_bound_one_step(demand[:, t], HOST_CPU_MHZ) for t in range(demand.shape[1]))


class PatternSearch:
    """Feasible host patterns: first-fit decreasing packings and heuristic pricing for given duals."""

    def __init__(self, demand, seed=1):
        self.demand = demand
        self.rng = np.random.default_rng(seed)

    def fits(self, load, i):
        return bool((load + self.demand[i] <= HOST_CPU_MHZ).all())

    def first_fit(self, order):
        loads, hosts = [], []
        for i in order:
            for h, load in enumerate(loads):
                if self.fits(load, i):
                    load += self.demand[i]
                    hosts[h].append(i)
                    break
            else:
                loads.append(self.demand[i].copy())
                hosts.append([i])
        return hosts

    def greedy(self, order):
        load = np.zeros(self.demand.shape[1], np.int64)
        chosen = []
        for i in order:
            if self.fits(load, i):
                load += self.demand[i]
                chosen.append(i)
        return chosen, load

    def improve(self, chosen, load, pi, order):
        """Adds VMs that fit and swaps one VM for a more valuable one while that raises the value."""
        d = self.demand
        chosen = list(chosen)
        inside = np.zeros(len(pi), bool)
        inside[chosen] = True
        changed = True
        while changed:
            changed = False
            for j in order:
                if inside[j]:
                    continue
                slack = HOST_CPU_MHZ - load
                if (d[j] <= slack).all():
                    chosen.append(j); inside[j] = True; load += d[j]; changed = True
                    continue
                members = np.array(chosen)
                ok = ((d[j][None, :] - d[members]) <= slack[None, :]).all(1) & (pi[members] < pi[j] - 1e-12)
                if ok.any():
                    out = members[ok][np.argmin(pi[members][ok])]
                    chosen.remove(out); inside[out] = False
                    chosen.append(j); inside[j] = True
                    load += d[j] - d[out]; changed = True
        return tuple(sorted(chosen))

    def price(self, pi, tries):
        """Patterns of high dual value: greedy by value per weighted size, randomized, then improved."""
        d = self.demand
        cand = np.where(pi > 1e-9)[0]
        weighted_load = (pi[cand, None] * d[cand]).sum(0)
        weighted_load = weighted_load / max(weighted_load.max(), 1e-12)
        patterns = []
        for r in range(tries):
            step_weight = [np.ones(d.shape[1]), weighted_load ** 2, weighted_load ** 8][r % 3]
            size = (d[cand] * step_weight).sum(1) / step_weight.sum() + 1.0
            noise = np.exp(self.rng.normal(0, 0.25, len(cand))) if r >= 3 else 1.0
            order = cand[np.argsort(-pi[cand] / size * noise)]
            chosen, load = self.greedy(order)
            patterns.append(self.improve(chosen, load, pi, order))
        return patterns


class ColumnPool:
    """Distinct patterns and the VM x pattern incidence matrix of the restricted master."""

    def __init__(self, n_vms):
        self.n_vms, self.patterns, self.seen, self.rows, self.cols = n_vms, [], set(), [], []

    def add(self, pattern):
        if pattern in self.seen:
            return False
        self.seen.add(pattern)
        self.rows.extend(pattern)
        self.cols.extend([len(self.patterns)] * len(pattern))
        self.patterns.append(pattern)
        return True

    def matrix(self):
        return csc_matrix((np.ones(len(self.rows)), (self.rows, self.cols)), shape=(self.n_vms, len(self.patterns)))


class Relaxation:
    """Configuration LP where VMs whose peak is below a threshold are fluid (divisible at every step).

    Rows: one cover row per discrete VM, and per step t the free capacity of the chosen patterns must
    hold the fluid VMs' total load S_t: sum_p x_p (C - L_t(p)) >= S_t. With threshold 0 every VM is
    discrete and this is the plain configuration LP."""

    def __init__(self, demand, fluid_below_mhz):
        discrete = demand.max(1) >= fluid_below_mhz
        self.demand = demand[discrete]
        self.fluid_load = demand[~discrete].sum(0).astype(float)
        self.pool = ColumnPool(len(self.demand))
        self.pool.add(())  # a host with fluid VMs only

    def solve_master(self):
        """Restricted master LP; returns (value, VM duals pi, step duals mu), duals clipped at 0."""
        d, pool = self.demand, self.pool
        free = np.array([HOST_CPU_MHZ - d[list(p)].sum(0) if p else np.full(d.shape[1], HOST_CPU_MHZ)
                         for p in pool.patterns], dtype=float).T
        a = vstack([pool.matrix(), csc_matrix(free)]).tocsc()
        b = np.concatenate([np.ones(len(d)), self.fluid_load])
        res = linprog(np.ones(a.shape[1]), A_ub=-a, b_ub=-b, bounds=(0, None), method="highs-ipm")
        if res.status != 0:
            sys.exit(f"error: master LP failed: {res.message}")
        y = np.maximum(-res.ineqlin.marginals, 0.0)
        return res.fun, y[:len(d)], y[len(d):]

    def profits(self, pi, mu):
        """Pattern value = C * sum(mu) + sum over its VMs of these profits."""
        return pi - self.demand @ mu

    def dual_value(self, pi, mu):
        return pi.sum() + mu @ self.fluid_load


def pricing_upper_bound(demand, profit, seconds):
    """Proven upper bound on max_p sum_{i in p} profit_i (HiGHS MILP dual bound; VMs of profit <= 0 dropped)."""
    cand = np.where(profit > 1e-12)[0]
    if len(cand) == 0:
        return 0.0, "no VM has a positive profit"
    res = milp(-profit[cand], constraints=LinearConstraint(demand[cand].T.astype(float), -np.inf, HOST_CPU_MHZ),
               integrality=np.ones(len(cand)), bounds=Bounds(0, 1),
               options={"time_limit": seconds, "mip_rel_gap": 1e-6, "disp": False})
    if res.mip_dual_bound is None or not np.isfinite(res.mip_dual_bound):
        return None, res.message
    return -res.mip_dual_bound * (1 + SAFETY) + 1e-12, res.message


def column_generation(relaxation, seconds, log):
    """Column generation with heuristic pricing at Neame-smoothed duals; returns (value, pi, mu, converged)."""
    search = PatternSearch(relaxation.demand)
    pool, d = relaxation.pool, relaxation.demand
    for key in (d.max(1), d.sum(1), (d.astype(float) ** 2).sum(1)):
        for host in search.first_fit(np.argsort(-key, kind="stable")):
            pool.add(tuple(sorted(host)))
    start, smoothed, it = time.time(), None, 0
    while True:
        it += 1
        value, pi, mu = relaxation.solve_master()
        profit = relaxation.profits(pi, mu)
        base = HOST_CPU_MHZ * mu.sum()
        smoothed = profit if smoothed is None else 0.5 * smoothed + 0.5 * profit
        tries = search.price(smoothed, 12) + search.price(profit, 6) if (smoothed > 1e-9).any() else []
        added = sum(pool.add(p) for p in tries if base + profit[list(p)].sum() > 1 + 1e-9)
        if it % 10 == 0 or added == 0:
            log(f"  it {it:4d}  {time.time() - start:6.0f} s  LP {value:.4f}  patterns {len(pool.patterns)}  added {added}")
        if added == 0:
            smoothed = None
            more = search.price(profit, 24) if (profit > 1e-9).any() else []
            if not sum(pool.add(p) for p in more if base + profit[list(p)].sum() > 1 + 1e-9):
                return value, pi, mu, True  # heuristically converged; the MILP decides
        if time.time() - start > seconds:
            return value, pi, mu, False


def bound_one_day(traces, day, fluid_below_mhz, cg_seconds, pricing_seconds, log):
    started = time.time()
    demand = load_demands_mhz(traces, day)
    n, steps = demand.shape
    fluid = fluid_bound(demand)
    log(f"{day}: {n} VMs x {steps} steps, fluid LP {demand.sum(0).max() / HOST_CPU_MHZ:.4f}, fluid bound {fluid}")
    log(f"  per-step Martello-Toth L2 bound {stepwise_l2_bound(demand)}")
    search = PatternSearch(demand)
    ffd = min(len(search.first_fit(np.argsort(-key, kind="stable")))
              for key in (demand.max(1), demand.sum(1), (demand.astype(float) ** 2).sum(1)))
    log(f"  best first-fit decreasing on the series: {ffd} hosts")
    relaxation = Relaxation(demand, fluid_below_mhz)
    log(f"  configuration LP with {len(relaxation.demand)} discrete VMs (peak >= {fluid_below_mhz} MHz), "
        f"{n - len(relaxation.demand)} fluid")
    value, pi, mu, converged = column_generation(relaxation, cg_seconds, log)
    log(f"  column generation {'converged (heuristic pricing)' if converged else 'stopped at the time limit'}: "
        f"LP {value:.4f} with {len(relaxation.pool.patterns)} patterns")
    best_profit, message = pricing_upper_bound(relaxation.demand, relaxation.profits(pi, mu), pricing_seconds)
    if best_profit is None:
        log(f"  pricing MILP gave no dual bound ({message}); no Farley bound")
        return
    m = HOST_CPU_MHZ * mu.sum() + best_profit
    farley = relaxation.dual_value(pi, mu) / m
    hosts = math.ceil(farley - 1e-6)
    log(f"  pricing MILP ({message}): every pattern's dual value <= M = {m:.6f}")
    log(f"  Farley bound {relaxation.dual_value(pi, mu):.4f} / {m:.6f} = {farley:.4f} -> at least {hosts} hosts")
    log(f"  RESULT {day}: fluid bound {fluid}, per-step L2 {stepwise_l2_bound(demand)}, "
        f"configuration-LP bound {max(fluid, hosts)} (LP {value:.4f}, Farley {farley:.4f}, "
        f"{'converged' if m <= 1 + 1e-5 else 'not converged'}), FFD {ffd}, {time.time() - started:.0f} s")


def main():
    repo_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--traces", default=os.path.join(repo_root, "..", "shared", "traces"))
    parser.add_argument("--days", nargs="+", default=["20110303", "20110306"])
    parser.add_argument("--fluid-below-mhz", type=float, default=700,
                        help="VMs whose peak is below this are fluid (0: every VM discrete, the plain configuration LP)")
    parser.add_argument("--cg-seconds", type=float, default=600, help="time limit of column generation per day")
    parser.add_argument("--pricing-seconds", type=float, default=120, help="time limit of the certifying MILP")
    args = parser.parse_args()
    for day in args.days:
        bound_one_day(args.traces, day, args.fluid_below_mhz, args.cg_seconds, args.pricing_seconds, lambda s: print(s, flush=True))


if __name__ == "__main__":
    main()
