"""Large-neighbourhood search at a fixed host count with exact CP-SAT re-assignment of a few hosts.

Research prototype (not part of the service). Input: a demand matrix (planetlab_matrix.py) and a
placement on K hosts (one host index per VM line, as written by fixed_count_search.c's OUT argument).
Each round picks one overflowing host b and K_SUB - 1 partners (the hosts with the most room at b's
overflowing steps, sampled at random among the best few; sometimes another overflowing host), and
re-assigns all VMs of those hosts exactly with OR-Tools CP-SAT (one worker, short time limit):

    minimize  sum_{h,t} o_{h,t}   subject to   o_{h,t} >= sum_v d_{v,t} x_{v,h} - C,  o >= 0,
              sum_h x_{v,h} = 1,

hinted with the current assignment. The result is accepted if the sub-problem's overflow does not
increase (sideways moves allowed). When the total overflow reaches 0 the placement is re-checked from
scratch with numpy (every host's summed series <= C at every step) before "FEASIBLE (verified)" is
printed; the best placement seen is written to OUT.

Measured 2026-11-25 (load 2-3.6 on 2 cores): a 2-host sub-problem (~50 VMs) solves to optimality in
~1.4 s, a 3-host one (~70 VMs) mostly not within 30 s. Started from the best 35-host placements of
fixed_count_search.c on 20110306 (residual 4,395 and 105 MHz-steps) it found 4 small improvements in
150 s on the first and none in 67 rounds on the second: that search's local optima are already optimal
for the pairs tried, at ~1,000x the cost of one of its iterations. Kept as a negative result.

    nice -n 5 python3 research/search/cpsat_lns.py /tmp/m0303.txt /tmp/p44.txt 600 --seed 1 \
        --out /tmp/p44_lns.txt [--k 2] [--k3-every 3] [--sub-seconds 3] [--capacity 5320]
"""
import argparse
import random
import sys
import time

import numpy as np
from ortools.sat.python import cp_model

from demand_matrix import read_matrix


def host_overflow(demand, host_of, hosts, capacity):
    """Per-host overflow (MHz-steps), recomputed from scratch."""
    load = np.zeros((hosts, demand.shape[1]), dtype=np.int64)
    np.add.at(load, host_of, demand)
    return np.maximum(load - capacity, 0).sum(axis=1), load


def solve_sub(demand, vms, hosts, host_of, capacity, seconds, seed, weight):
    """Re-assignment of `vms` over `hosts` minimizing the weighted overflow (weight[h, t] >= 1);
    returns (status, weighted overflow, assignment or None)."""
    d = demand[vms]
    total = d.sum(axis=0)
    risky = np.nonzero(total > capacity)[0]          # steps where some host could overflow
    model = cp_model.CpModel()
    k = len(hosts)
    x = [[model.NewBoolVar("") for _ in range(k)] for _ in vms]
    for i in range(len(vms)):
        model.AddExactlyOne(x[i])
    # symmetry: the biggest VM stays on its current host (hosts are identical)
    big = int(np.argmax(d.max(axis=1)))
    model.Add(x[big][hosts.index(host_of[vms[big]])] == 1)
    over = []
    for j in range(k):
        for t in risky:
            o = model.NewIntVar(0, int(total[t]), "")
            model.Add(sum(int(d[i, t]) * x[i][j] for i in range(len(vms)) if d[i, t]) - capacity <= o)
            over.append(int(weight[hosts[j], t]) * o)
    model.Minimize(sum(over))
    for i, v in enumerate(vms):
        for j, h in enumerate(hosts):
            model.AddHint(x[i][j], host_of[v] == h)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.random_seed = seed
    status = solver.Solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return status, None, None
    assign = [hosts[next(j for j in range(k) if solver.Value(x[i][j]))] for i in range(len(vms))]
    return status, int(solver.ObjectiveValue()), assign


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("matrix")
    p.add_argument("placement")
    p.add_argument("seconds", type=float)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", default=None)
    p.add_argument("--k", type=int, default=2, help="hosts per sub-problem")
    p.add_argument("--k3-every", type=int, default=0, help="one round in N uses K + 1 hosts (0 = never)")
    p.add_argument("--sub-seconds", type=float, default=5.0)
    p.add_argument("--capacity", type=int, default=5320)
    p.add_argument("--hosts", type=int, default=None, help="default: max host index + 1")
    args = p.parse_args()
    rng = random.Random(args.seed)
    demand = read_matrix(args.matrix)
    host_of = np.loadtxt(args.placement, dtype=np.int64)
    hosts = args.hosts or int(host_of.max()) + 1
    cap = args.capacity
    per_host, load = host_overflow(demand, host_of, hosts, cap)
    best_total = int(per_host.sum())
    start = time.time()
    rounds = improved = 0
    weight = np.ones((hosts, demand.shape[1]), dtype=np.int64)

    def weighted(hs):
        return int((weight[hs] * np.maximum(load[hs] - cap, 0)).sum())

    print(f"start hosts={hosts} overflow={best_total} overflowing={int((per_host > 0).sum())}", flush=True)
    while best_total > 0 and time.time() - start < args.seconds:
        rounds += 1
        bad = [h for h in range(hosts) if per_host[h] > 0]
        b = rng.choice(bad)
        steps_b = load[b] > cap
        room = np.maximum(cap - load[:, steps_b], 0).sum(axis=1).astype(float)
        room[b] = -1
        chosen = [b]
        candidates = list(np.argsort(-room)[:max(6, 2 * args.k)])
        others = [h for h in bad if h != b]
        if others and rng.random() < 0.3:
            chosen.append(rng.choice(others))
        k = args.k + (1 if args.k3_every and rng.randrange(args.k3_every) == 0 else 0)
        while len(chosen) < k:
            g = int(rng.choice([c for c in candidates if c not in chosen]))
            chosen.append(g)
        vms = [int(v) for v in np.nonzero(np.isin(host_of, chosen))[0]]
        before = weighted(chosen)
        status, after, assign = solve_sub(demand, vms, chosen, host_of, cap, args.sub_seconds,
                                          rng.randrange(1 << 30), weight)
        if after is None or after >= before:   # stuck: breakout, raise the weights of b's overflowing steps
            weight[b, steps_b] += 1
        if after is not None and after <= before:
            for v, h in zip(vms, assign):
                host_of[v] = h
            per_host, load = host_overflow(demand, host_of, hosts, cap)
            total = int(per_host.sum())
            if total < best_total:
                improved += 1
                best_total = total
                if args.out:
                    np.savetxt(args.out, host_of, fmt="%d")
            if after < before or rounds % 20 == 0:
                print(f"{time.time() - start:7.1f}s round {rounds} hosts {chosen} {before} -> {after} "
                      f"total {total} best {best_total} overflowing {int((per_host > 0).sum())} status {status}",
                      flush=True)
    per_host, load = host_overflow(demand, host_of, hosts, cap)  # independent re-check from scratch
    ok = int(per_host.sum()) == 0 and int(load.max()) <= cap and len(host_of) == demand.shape[0]
    print(f"hosts={hosts} rounds={rounds} improvements={improved} seconds={time.time() - start:.1f} "
          f"overflow={int(per_host.sum())} max_load={int(load.max())} "
          f"{'FEASIBLE (verified)' if ok else 'not found'}", flush=True)
    if args.out and ok:
        np.savetxt(args.out, host_of, fmt="%d")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
