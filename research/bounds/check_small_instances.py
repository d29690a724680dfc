#!/usr/bin/env python3
"""Checks config_lp_bound.py and step_subset_lp_bound.py against exact optima on small instances: 12 random 2500-MIPS VMs of
PlanetLab 20110306, every 12th step (24 steps), hosts of 3000 MHz. The exact optimum comes from an
assignment MILP; the check fails (exit 1) if a certified bound exceeds it.
Command: nice -n 10 python3 research/bounds/check_small_instances.py [--traces ../shared/traces]"""
import argparse
import math
import os
import sys

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix

import config_lp_bound as bound
import step_subset_lp_bound as subset

HOST_MHZ = 3000


def optimum_hosts(demand):
    """Minimum host count by an assignment MILP (VM i on host h, host h used)."""
    n, steps = demand.shape
    nv = n * n + n
    rows = lil_matrix((n + n * steps, nv))
    for i in range(n):
        rows[i, i * n:(i + 1) * n] = 1
    for h in range(n):
        for t in range(steps):
            r = n + h * steps + t
            for i in range(n):
                rows[r, i * n + h] = demand[i, t]
            rows[r, n * n + h] = -HOST_MHZ
    lower = [1] * n + [-np.inf] * (n * steps)
    upper = [1] * n + [0] * (n * steps)
    cost = np.concatenate([np.zeros(n * n), np.ones(n)])
    res = milp(cost, constraints=LinearConstraint(rows.tocsr(), lower, upper), integrality=np.ones(nv),
               bounds=Bounds(0, 1), options={"time_limit": 120})
    if res.status != 0:
        sys.exit(f"error: exact MILP not solved: {res.message}")
    return round(res.fun)


def main():
    repo_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--traces", default=os.path.join(repo_root, "..", "shared", "traces"))
    args = parser.parse_args()
    bound.HOST_CPU_MHZ = HOST_MHZ
    demand_all = bound.load_demands_mhz(args.traces, "20110306")
    big = demand_all[:math.ceil(len(demand_all) / 4)]
    rng = np.random.default_rng(5)
    failed, checks = 0, 0
    for trial in range(4):
        demand = big[rng.choice(len(big), 12, replace=False)][:, ::12]
        exact = optimum_hosts(demand)
        found = []
        for fluid_below in (0, 700):
            relaxation = bound.Relaxation(demand, fluid_below)
            value, pi, mu, _ = bound.column_generation(relaxation, 20, lambda s: None)
            best, _ = bound.pricing_upper_bound(relaxation.demand, relaxation.profits(pi, mu), 30)
            farley = relaxation.dual_value(pi, mu) / (HOST_MHZ * mu.sum() + best)
            found.append(f"fluid<{fluid_below}: LP {value:.4f} Farley {farley:.4f}")
            checks += 1
            failed += math.ceil(farley - 1e-6) > exact
        for steps in (None, 6):  # T' = all 24 steps, then the 6 steps of largest total
            part = demand if steps is None else demand[:, subset.choose_steps(demand, steps)]
            for method in ("central", "box"):
                if method == "central":
                    low, high, solved = subset.central_column_generation(part, 20, 10, lambda s: None)
                else:
                    low, high, solved = subset.column_generation(part, 20, 10, 0.003,
                                                                 lambda s: None)
                found.append(f"T'={part.shape[1]} {method}: certified {low:.4f} (LP <= {high:.4f}{', solved' if solved else ''})")
                failed += math.ceil(low - 1e-6) > exact
                checks += 1
        print(f"trial {trial}: optimum {exact}, fluid LP {demand.sum(0).max() / HOST_MHZ:.4f}, " + ", ".join(found))
    print(f"{checks - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
