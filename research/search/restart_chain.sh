#!/bin/bash
# Restart chain for fixed_count_search.c (research prototype, not part of the service): runs the search
# (GROUP 3 re-split, PAIR_EVERY 5, PAIR_ITERATIONS 3000) once per SEED, each run starting from the best
# placement of the previous one (the lowest-overflow placement a run writes is never worse than its start),
# so every restart keeps the placement but resets the breakout weights. START may be a plan with more
# hosts (its lightest hosts are emptied). Stops at the first run that prints "FEASIBLE (verified)";
# re-check that placement independently with verify_placement.py. Files go to /tmp.
#
#   gcc -O3 -march=native -o /tmp/fcs research/search/fixed_count_search.c
#   python3 research/search/planetlab_matrix.py 20110306 > /tmp/m0306.txt
#   research/search/restart_chain.sh /tmp/m0306.txt 35 /tmp/start.txt 90 11 12 13
#   python3 research/search/verify_placement.py 20110306 /tmp/chain_35.best
set -e
matrix=$1; hosts=$2; start=$3; seconds=$4; shift 4
best=/tmp/chain_$hosts.best
cp "$start" "$best"
for seed in "$@"; do
  echo "$(date -u +%H:%M:%S) hosts=$hosts seed=$seed load=$(cut -d' ' -f1-3 /proc/loadavg)"
  nice -n 5 /tmp/fcs "$hosts" "$seconds" "$seed" 5 3000 5320 "$best" /tmp/chain_$hosts.out 3 < "$matrix" \
    2> /tmp/chain_${hosts}_s$seed.progress | tee /tmp/chain_$hosts.last
  cp /tmp/chain_$hosts.out "$best"
  if grep -q FEASIBLE /tmp/chain_$hosts.last; then echo "feasible placement: $best"; exit 0; fi
done
exit 1
