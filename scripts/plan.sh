#!/usr/bin/env bash
# Capacity planning from the command line: upload a workload trace, start a consolidation plan,
# wait for it, and download the placements (CSV) and the savings report (JSON).
# Needs bash, curl and python3 (only to read JSON fields). See docs/capacity-planning-scripts.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/plan.sh [options] TRACE_FILE [INVENTORY_CSV]
  -u URL      service base URL                (default: $DCP_URL or http://localhost:8080)
  -f FORMAT   trace format: planetlab|bitbrains|csv (default: auto-detect)
  -p PROFILE  VM size profile when no inventory: default|cloudsim (default: server default)
  -m MODEL    host model id from GET /api/v1/host-models (default: dell-r6515)
  -n COUNT    hosts of that model in the pool   (default: 20)
  -r LIST     resources to plan, comma separated (default: CPU,MEMORY)
  -v APPROACH FULL|PARAVIRTUAL|HARDWARE_ASSISTED|AUTO (default: HARDWARE_ASSISTED)
  -q PCT      sizing percentile                 (default: 95)
  -H PCT      headroom percent                  (default: 10)
  -d          fold a multi-day trace into a typical day
  -t SECONDS  solver time limit                 (default: 30)
  -O GOAL     objective after feasibility: HOSTS|COST|POWER (default: HOSTS)
  -T UTIL     target utilization of host capacity, 0 < UTIL <= 1 (default: 1.0)
  -a N        HA reserve: hosts whose failure the plan must absorb (default: 0)
  -P VM=HOST  pin a VM to a host number (the dashboard's #: 0 = the pool's first host); repeatable
  -o DIR      output directory                  (default: $DCP_OUT or ./plan-output)
USAGE
}

url=${DCP_URL:-http://localhost:8080}; format=""; profile=""; model=dell-r6515; count=20
resources=CPU,MEMORY; approach=HARDWARE_ASSISTED; percentile=95; headroom=10; fold=false; limit=30; out=${DCP_OUT:-./plan-output}
objective=HOSTS; target=1.0; reserve=0; pins=()
while getopts "u:f:p:m:n:r:v:q:H:dt:O:T:a:P:o:h" opt; do
  case $opt in
    u) url=$OPTARG ;; f) format=$OPTARG ;; p) profile=$OPTARG ;; m) model=$OPTARG ;; n) count=$OPTARG ;;
    r) resources=$OPTARG ;; v) approach=$OPTARG ;; q) percentile=$OPTARG ;; H) headroom=$OPTARG ;;
    d) fold=true ;; t) limit=$OPTARG ;; O) objective=$OPTARG ;; T) target=$OPTARG ;; a) reserve=$OPTARG ;;
    P) [[ $OPTARG =~ ^.+=#?[0-9]+$ ]] || { echo "error: -P '$OPTARG': write VM=HOST, e.g. db-0001-1=3" >&2; exit 2; }
       pins+=("$OPTARG") ;;
    o) out=$OPTARG ;; h) usage; exit 0 ;; *) usage >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { usage >&2; exit 2; }
trace=$1; inventory=${2:-}
mkdir -p "$out"
body="$out/.response.json"

# json FIELD < file : prints a top-level field of a JSON document (empty when null or absent)
json() { python3 -c 'import json,sys; v=json.load(sys.stdin).get(sys.argv[1]); print("" if v is None else v)' "$1"; }

# call METHOD PATH [curl args...] : sets $status, writes the body to $body
call() {
  local method=$1 path=$2; shift 2
  if ! status=$(curl -sS -o "$body" -w '%{http_code}' -X "$method" "$url$path" "$@"); then
    echo "error: cannot reach the service at $url; start it, or point -u / DCP_URL at it" >&2
    exit 1
  fi
}

fail() { echo "error: $1 (HTTP $status)" >&2; cat "$body" >&2; echo >&2; exit 1; }

echo "Uploading $trace ..."
form=(-F "file=@$trace")
[ -n "$inventory" ] && form+=(-F "inventory=@$inventory")
[ -n "$format" ] && form+=(-F "format=$format")
[ -n "$profile" ] && form+=(-F "vmProfile=$profile")
call POST /api/v1/workloads "${form[@]}"
[ "$status" = 201 ] || fail "upload rejected"
workload=$(json id < "$body")
echo "Workload $workload: $(json vmCount < "$body") VMs, $(json steps < "$body") steps of $(json stepSeconds < "$body") s"

# the request as JSON (python3 escapes names; VM=HOST pins may name VMs with spaces or quotes)
request=$(python3 - "$workload" "$(basename "$trace")" "$model" "$count" "$resources" "$percentile" "$headroom" "$fold" \
    "$approach" "$objective" "$target" "$reserve" "$limit" ${pins[@]+"${pins[@]}"} <<'PY'
import json, sys
(workload, name, model, count, resources, percentile, headroom, fold, approach, objective, target, reserve,
 limit, *pins) = sys.argv[1:]
request = {"workloadId": workload, "name": name, "hostPool": [{"model": model, "count": int(count)}],
           "resources": [r.strip().upper() for r in resources.split(",") if r.strip()],
           "sizing": {"percentile": float(percentile), "headroomPercent": float(headroom), "foldDays": fold == "true"},
           "virtualization": approach, "objective": objective, "targetUtilization": float(target),
           "haReserveHosts": int(reserve), "timeLimitSeconds": int(limit)}
pinned = {vm: int(host.lstrip("#")) for vm, _, host in (pin.rpartition("=") for pin in pins)}   # checked by getopts
if pinned:
    request["pinned"] = pinned
print(json.dumps(request))
PY
) || exit 2
echo "Starting plan on $count x $model ($approach, $resources, p$percentile + $headroom %) ..."
call POST /api/v1/plans -H 'Content-Type: application/json' -d "$request"
[ "$status" = 202 ] || fail "plan rejected"
plan=$(json id < "$body")
echo "Plan $plan queued"

# give up when the plan runs far past its time limit (DCP_PLAN_WAIT seconds, default limit + 300)
deadline=$(( $(date +%s) + ${DCP_PLAN_WAIT:-$((limit + 300))} ))
while :; do
  sleep 2
  [ "$(date +%s)" -lt "$deadline" ] || { echo "error: plan $plan did not finish in time" >&2; exit 1; }
  call GET "/api/v1/plans/$plan"
  [ "$status" = 200 ] || fail "cannot read plan"
  state=$(json status < "$body")
  echo "  $state: hosts $(json hostsUsed < "$body") (lower bound $(json lowerBoundHosts < "$body"))"
  case $state in COMPLETED|CANCELLED|FAILED) break ;; esac
done
cp "$body" "$out/plan.json"
if [ "$state" = FAILED ]; then echo "plan failed: $(json error < "$body")" >&2; exit 1; fi
python3 - "$out/plan.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
b = p.get("baselines") or {}
aa = p.get("antiAffinityHosts") or 0
bound = f"{p['lowerBoundHosts']}" + (f" (an anti-affinity group needs {aa})" if aa > (p['lowerBoundHosts'] or 0) else "")
print(f"Plan {p['status']}: {p['hostsUsed']} hosts, lower bound {bound}, "
      f"peak-FFD {b.get('peakFfdHosts')}, time-series FFD {b.get('timeSeriesFfdHosts')}, "
      f"feasible {p['feasible']}, score {p['score']}")
PY

call GET "/api/v1/plans/$plan/placements" -H 'Accept: text/csv'
[ "$status" = 200 ] || fail "cannot download placements"
cp "$body" "$out/placements.csv"
echo "Placements: $out/placements.csv ($(($(wc -l < "$out/placements.csv") - 1)) VMs)"

# the savings report is computed after the plan's replay; wait for it (DCP_SAVINGS_WAIT seconds, default 60)
for _ in $(seq 1 $(( (${DCP_SAVINGS_WAIT:-60} + 1) / 2 ))); do
  call GET "/api/v1/plans/$plan/savings"
  [ "$status" = 200 ] && break
  sleep 2
done
if [ "$status" = 200 ]; then
  cp "$body" "$out/savings.json"
  echo "Savings: $out/savings.json"
else
  echo "Savings not available (HTTP $status); placements are still valid" >&2
fi
rm -f "$body"
echo "$plan" > "$out/plan-id"
