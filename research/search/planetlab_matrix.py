"""Prints the CloudSim-profile CPU demand matrix of one PlanetLab day for fixed_count_search.c.

Output: first line "VMS STEPS", then one line per VM with STEPS integers (MHz), in the same VM order
and with the same MIPS profile as the planner benchmark (see ../bounds/config_lp_bound.py).

    python3 research/search/planetlab_matrix.py 20110303 [--traces ../shared/traces] > /tmp/m.txt
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bounds"))
from config_lp_bound import load_demands_mhz  # noqa: E402


def main():
    repo = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("day")
    parser.add_argument("--traces", default=os.path.join(repo, "..", "shared", "traces"))
    args = parser.parse_args()
    demand = load_demands_mhz(args.traces, args.day)
    rows, steps = demand.shape
    out = sys.stdout
    out.write(f"{rows} {steps}\n")
    for row in demand:
        out.write(" ".join(str(int(round(x))) for x in row) + "\n")


if __name__ == "__main__":
    main()
