#!/usr/bin/env python3
"""Lower bounds on the number of hosts for time-series (temporal vector) bin packing of PlanetLab days.

What it computes, per day (CloudSim profile: sorted file names, VM k gets
MIPS [2500, 2000, 1000, 500][min(k // ceil(N/4), 3)], demand d_it = percent/100 * MIPS, host C = 5320):
  * fluid bound      max_t ceil(sum_i d_it / C)
  * per-step L2      max_t of the Martello-Toth L2 bound of the one-dimensional instance at step t
  * first-fit decreasing packings on the series (upper bounds, and seed columns)
  * configuration LP by column generation, and a Farley bound from its final duals.

Why the Farley bound is valid. A host pattern p is a set of VMs with sum_{i in p} d_it <= C at every
step t; a plan with K hosts is a cover of all VMs by K patterns, so the configuration LP
  min sum_p x_p  s.t.  sum_{p containing i} x_p >= 1 for every VM i,  x >= 0
is a relaxation and its value is <= K. For any pi >= 0 let M be an UPPER bound on the pricing value
max_p sum_{i in p} pi_i (a 288-row multidimensional 0/1 knapsack). Then pi / M satisfies every dual
constraint sum_{i in p} pi_i / M <= 1, so by weak LP duality sum_i pi_i / M <= LP value <= K, and
K >= ceil(sum_i pi_i / M). M is the dual (proven) bound of HiGHS' MILP on the pricing problem, not its
incumbent, inflated by a relative 1e-6 against floating-point error; the pi used are the restricted
master's duals clipped at 0. The bound holds whether column generation converged or not (if it did
not, M > 1 and the bound is weaker than the LP value). The fluid dual (pi_i = d_it*/C at the peak
step t*, M = 1) shows the configuration LP is never below the fluid LP.

Command (from the repository root; standard library + numpy + scipy only; single-threaded HiGHS):
  nice -n 10 python3 scripts/bounds/config_lp_bound.py [--traces ../shared/traces] \
      [--days 20110303 20110306] [--cg-seconds 600] [--pricing-seconds 120]
"""
import argparse
import math
import os
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import csc_matrix

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
        weighted_load = weighted_load / weighted_load.max()
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


def solve_master(pool):
    """Restricted master LP; returns (value, duals clipped at 0)."""
    a = pool.matrix()
    res = linprog(np.ones(a.shape[1]), A_ub=-a, b_ub=-np.ones(pool.n_vms), bounds=(0, None), method="highs-ipm")
    if res.status != 0:
        sys.exit(f"error: master LP failed: {res.message}")
    return res.fun, np.maximum(-res.ineqlin.marginals, 0.0)


def pricing_upper_bound(demand, pi, seconds):
    """Proven upper bound M on max_p pi.a_p (HiGHS MILP dual bound), and the incumbent pattern."""
    cand = np.where(pi > 1e-12)[0]
    res = milp(-pi[cand], constraints=LinearConstraint(demand[cand].T.astype(float), -np.inf, HOST_CPU_MHZ),
               integrality=np.ones(len(cand)), bounds=Bounds(0, 1),
               options={"time_limit": seconds, "mip_rel_gap": 1e-6, "disp": False})
    if res.mip_dual_bound is None or not np.isfinite(res.mip_dual_bound):
        return None, None, res.message
    incumbent = tuple(sorted(cand[res.x > 0.5])) if res.x is not None else None
    return -res.mip_dual_bound * (1 + SAFETY) + 1e-12, incumbent, res.message


def column_generation(demand, seconds, log):
    """Column generation with heuristic pricing at Neame-smoothed duals; returns (pool, value, duals, converged)."""
    n = demand.shape[0]
    search = PatternSearch(demand)
    pool = ColumnPool(n)
    for key in (demand.max(1), demand.sum(1), (demand.astype(float) ** 2).sum(1)):
        for host in search.first_fit(np.argsort(-key, kind="stable")):
            pool.add(tuple(sorted(host)))
    start = time.time()
    smoothed, it, value, pi = None, 0, None, None
    while True:
        it += 1
        value, pi = solve_master(pool)
        smoothed = pi if smoothed is None else 0.5 * smoothed + 0.5 * pi
        found = [p for p in search.price(smoothed, 12) + search.price(pi, 6) if pi[list(p)].sum() > 1 + 1e-9]
        added = sum(pool.add(p) for p in found)
        if it % 10 == 0 or added == 0:
            log(f"  it {it:4d}  {time.time() - start:6.0f} s  LP {value:.4f}  patterns {len(pool.patterns)}  added {added}")
        if added == 0:
            smoothed = None
            if not [p for p in search.price(pi, 24) if pool.add(p) and pi[list(p)].sum() > 1 + 1e-9]:
                return pool, value, pi, True  # heuristically converged; the MILP decides
        if time.time() - start > seconds:
            return pool, value, pi, False


def bound_one_day(traces, day, cg_seconds, pricing_seconds, log):
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
    pool, value, pi, converged = column_generation(demand, cg_seconds, log)
    log(f"  column generation {'converged (heuristic pricing)' if converged else 'stopped at the time limit'}: "
        f"LP {value:.4f} with {len(pool.patterns)} patterns")
    m, incumbent, message = pricing_upper_bound(demand, pi, pricing_seconds)
    if m is None:
        log(f"  pricing MILP gave no dual bound ({message}); no Farley bound")
        return
    farley = pi.sum() / m
    best_pattern = pi[list(incumbent)].sum() if incumbent else float("nan")
    log(f"  pricing MILP: proven max pattern value M <= {m:.6f} (best found {best_pattern:.6f}; {message})")
    log(f"  Farley bound sum(pi)/M = {value:.4f} / {m:.6f} = {farley:.4f} -> at least {math.ceil(farley - 1e-6)} hosts")
    log(f"  RESULT {day}: fluid {fluid}, config-LP Farley bound {max(fluid, math.ceil(farley - 1e-6))} "
        f"(LP {value:.4f}, {'converged' if m <= 1 + 1e-5 else 'not converged'}), {time.time() - started:.0f} s")


def main():
    repo_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--traces", default=os.path.join(repo_root, "..", "shared", "traces"))
    parser.add_argument("--days", nargs="+", default=["20110303", "20110306"])
    parser.add_argument("--cg-seconds", type=float, default=600, help="time limit of column generation per day")
    parser.add_argument("--pricing-seconds", type=float, default=120, help="time limit of the certifying MILP")
    args = parser.parse_args()
    for day in args.days:
        bound_one_day(args.traces, day, args.cg_seconds, args.pricing_seconds, lambda s: print(s, flush=True))


if __name__ == "__main__":
    main()
