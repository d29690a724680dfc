"""Independent re-check of a PlanetLab placement, straight from the raw trace files.

Does not use the demand matrix nor any code of the searches: reads the day's files in sorted name order,
gives file k the CloudSim MIPS [2500, 2000, 1000, 500][min(k // ceil(N / 4), 3)], and checks in exact
integer arithmetic (percent x MIPS, no rounding) that on every host and at every step the summed demand
is <= CAPACITY MHz (i.e. sum percent x MIPS <= 100 x CAPACITY). The placement file has one host index
per VM line, in the same sorted file order (as written by fixed_count_search.c and cpsat_lns.py).

    python3 research/search/verify_placement.py 20110306 /tmp/p.txt [--traces ../shared/traces] [--capacity 5320]
"""
import argparse
import os
import sys


def main():
    repo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("day")
    p.add_argument("placement")
    p.add_argument("--traces", default=os.path.join(repo, "..", "shared", "traces"))
    p.add_argument("--capacity", type=int, default=5320)
    a = p.parse_args()
    folder = os.path.join(a.traces, "planetlab", a.day)
    names = sorted(os.listdir(folder))
    with open(a.placement) as f:
        host = [int(tok) for tok in f.read().split()]
    if len(host) != len(names):
        sys.exit(f"placement has {len(host)} entries, the day has {len(names)} VMs")
    if min(host) < 0:
        sys.exit("unplaced VM in the placement")
    block = -(-len(names) // 4)
    sums = {}
    steps = None
    for k, name in enumerate(names):
        with open(os.path.join(folder, name)) as f:
            series = [int(line) for line in f if line.strip()]
        if steps is None:
            steps = len(series)
        if len(series) != steps:
            sys.exit(f"{name}: {len(series)} steps, expected {steps}")
        mips = (2500, 2000, 1000, 500)[min(k // block, 3)]
        acc = sums.setdefault(host[k], [0] * steps)
        for t, pct in enumerate(series):
            acc[t] += pct * mips
    limit = 100 * a.capacity
    worst = max(max(acc) for acc in sums.values())
    bad = sum(1 for acc in sums.values() if max(acc) > limit)
    print(f"day={a.day} vms={len(names)} steps={steps} hosts_used={len(sums)} "
          f"max_host_load={worst / 100:.2f} MHz capacity={a.capacity} overloaded_hosts={bad} "
          f"{'VALID' if bad == 0 else 'INVALID'}")
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
