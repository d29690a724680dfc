"""Set-cover recombination of feasible hosts: can hosts taken from different local-search runs be combined
into a plan with fewer hosts than any single run found?

Research prototype (not part of the service). A pattern is a set of VMs whose summed demand series fits
one host (<= CAPACITY at every step). Patterns come from POOL files (one host per line: its VM indices,
as written by fixed_count_search.c with POOL=FILE) and from placement files given as plan:FILE (one
host index per VM line); every pattern is re-checked against the matrix and dropped if it does not fit.
Then
    minimize sum_p x_p   subject to   sum_{p containing i} x_p >= 1 for every VM i,  x_p in {0, 1}
(covering: a VM in two chosen patterns is dropped from one of them, which keeps both feasible). The LP
relaxation is printed first: when it is above K - 1, no combination of the pool's patterns has K - 1
hosts, whatever the MIP finds in its time limit. HiGHS through scipy.optimize.milp.

    python3 research/search/planetlab_matrix.py 20110303 > /tmp/m0303.txt
    POOL=/tmp/pool.txt /tmp/fcs 44 30 11 5 3000 5320 - /tmp/p.txt 3 < /tmp/m0303.txt   # more seeds: more patterns
    python3 research/search/setcover_pool.py /tmp/m0303.txt 300 /tmp/pool.txt \
        plan:research/search/placements/planetlab-20110303-44-hosts.txt
"""
import sys

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

from demand_matrix import read_matrix

CAPACITY = 5320


def read_patterns(sources):
    patterns = set()
    for source in sources:
        if source.startswith("plan:"):
            hosts = {}
            with open(source[len("plan:"):]) as f:
                for vm, line in enumerate(f):
                    hosts.setdefault(int(line), []).append(vm)
            patterns.update(tuple(sorted(members)) for members in hosts.values())
        else:
            with open(source) as f:
                patterns.update(tuple(sorted(map(int, line.split()))) for line in f if line.strip())
    return patterns


def main():
    matrix, seconds, sources = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
    demand = read_matrix(matrix)
    vms = demand.shape[0]
    patterns = [p for p in read_patterns(sources) if demand[list(p)].sum(axis=0).max() <= CAPACITY]
    rows = [vm for p in patterns for vm in p]
    cols = [j for j, p in enumerate(patterns) for _ in p]
    cover = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(vms, len(patterns)))
    uncovered = int((cover.sum(axis=1).A1 == 0).sum())
    print(f"patterns={len(patterns)} vms={vms} uncovered_vms={uncovered}", flush=True)
    if uncovered:
        return 1
    ones = np.ones(len(patterns))
    lp = milp(ones, constraints=LinearConstraint(cover, lb=1), bounds=Bounds(0, 1))
    print(f"lp_bound={lp.fun:.4f} (no combination of these patterns has fewer than {int(np.ceil(lp.fun - 1e-6))} hosts)",
          flush=True)
    mip = milp(ones, constraints=LinearConstraint(cover, lb=1), integrality=ones, bounds=Bounds(0, 1),
               options={"time_limit": seconds})
    print(f"mip_status={mip.status} hosts={mip.fun} ({mip.message})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
