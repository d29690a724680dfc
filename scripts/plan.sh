#!/usr/bin/env bash
# Capacity planning from the command line: upload a workload trace, start a consolidation plan,
# wait for it, and download the placements (CSV) and the savings report (JSON); optionally replay the
# plan on another trace or window (out of sample) and backtest its settings.
# Needs bash, curl and python3 (only to read JSON fields). See docs/capacity-planning-scripts.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/plan.sh [options] TRACE_FILE [INVENTORY_CSV]
  -u URL      service base URL                (default: $DCP_URL or http://localhost:8080)
  -K TOKEN    API token (POST /api/v1/tokens)  (default: $DCP_TOKEN; prefer the variable: options show in ps)
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
  -R TRACE    replay the plan on this other trace (VMs matched by name; uploaded with -f/-p)
  -I CSV      inventory of the -R trace
  -F ISO      replay from this instant          (default: the workload's start)
  -E ISO      replay up to this instant, exclusive (default: its end)
  -B DAYS     backtest the plan's settings: plan on DAYS days, replay on the next -D days, rolling
  -D DAYS     backtest test days                (default: 1)
  -k N        backtest at most N folds          (default: 30)
USAGE
}

url=${DCP_URL:-http://localhost:8080}; token=${DCP_TOKEN:-}; format=""; profile=""; model=dell-r6515; count=20
resources=CPU,MEMORY; approach=HARDWARE_ASSISTED; percentile=95; headroom=10; fold=false; limit=30; out=${DCP_OUT:-./plan-output}
objective=HOSTS; target=1.0; reserve=0; pins=()
replay_trace=""; replay_inventory=""; replay_from=""; replay_to=""; train_days=""; test_days=1; max_folds=30
while getopts "u:K:f:p:m:n:r:v:q:H:dt:O:T:a:P:o:R:I:F:E:B:D:k:h" opt; do
  case $opt in
    u) url=$OPTARG ;; K) token=$OPTARG ;; f) format=$OPTARG ;; p) profile=$OPTARG ;; m) model=$OPTARG ;; n) count=$OPTARG ;;
    r) resources=$OPTARG ;; v) approach=$OPTARG ;; q) percentile=$OPTARG ;; H) headroom=$OPTARG ;;
    d) fold=true ;; t) limit=$OPTARG ;; O) objective=$OPTARG ;; T) target=$OPTARG ;; a) reserve=$OPTARG ;;
    P) [[ $OPTARG =~ ^.+=#?[0-9]+$ ]] || { echo "error: -P '$OPTARG': write VM=HOST, e.g. db-0001-1=3" >&2; exit 2; }
       pins+=("$OPTARG") ;;
    o) out=$OPTARG ;; R) replay_trace=$OPTARG ;; I) replay_inventory=$OPTARG ;; F) replay_from=$OPTARG ;;
    E) replay_to=$OPTARG ;; B) train_days=$OPTARG ;; D) test_days=$OPTARG ;; k) max_folds=$OPTARG ;;
    h) usage; exit 0 ;; *) usage >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { usage >&2; exit 2; }
trace=$1; inventory=${2:-}
[ -n "$token" ] || { echo "error: no API token: set DCP_TOKEN (or pass -K); create one in the web UI or with POST /api/v1/tokens" >&2; exit 2; }
mkdir -p "$out"
body="$out/.response.json"
# the token goes to curl through a private file, not its command line (visible to other local users in ps)
auth=$(mktemp); trap 'rm -f "$auth"' EXIT; chmod 600 "$auth"
printf 'Authorization: Bearer %s\n' "$token" > "$auth"

# json FIELD < file : prints a top-level field of a JSON document (empty when null or absent)
json() { python3 -c 'import json,sys; v=json.load(sys.stdin).get(sys.argv[1]); print("" if v is None else v)' "$1"; }

# call METHOD PATH [curl args...] : sets $status, writes the body to $body
call() {
  local method=$1 path=$2; shift 2
  if ! status=$(curl -sS -o "$body" -w '%{http_code}' -H "@$auth" -X "$method" "$url$path" "$@"); then
    echo "error: cannot reach the service at $url; start it, or point -u / DCP_URL at it" >&2
    exit 1
  fi
  if [ "$status" = 401 ]; then
    echo "error: the service refused the API token (HTTP 401): it is unknown or revoked; set DCP_TOKEN (or -K) to a valid one" >&2
    exit 1
  fi
}

fail() { echo "error: $1 (HTTP $status)" >&2; cat "$body" >&2; echo >&2; exit 1; }

# upload TRACE [INVENTORY] : sets $workload
upload() {
  local form=(-F "file=@$1")
  [ -n "${2:-}" ] && form+=(-F "inventory=@$2")
  [ -n "$format" ] && form+=(-F "format=$format")
  [ -n "$profile" ] && form+=(-F "vmProfile=$profile")
  call POST /api/v1/workloads "${form[@]}"
  [ "$status" = 201 ] || [ "$status" = 200 ] || fail "upload of $1 rejected"  # 200: the same upload was stored before
  workload=$(json id < "$body")
  echo "Workload $workload: $(json vmCount < "$body") VMs, $(json steps < "$body") steps of $(json stepSeconds < "$body") s"
}

# await PATH : polls a replay or backtest until its status is final (DCP_JOB_WAIT seconds, default 3600); sets $state
await() {
  local until=$(( $(date +%s) + ${DCP_JOB_WAIT:-3600} ))
  while :; do
    call GET "$1"
    [ "$status" = 200 ] || fail "cannot read $1"
    state=$(json status < "$body")
    case $state in COMPLETED|CANCELLED|FAILED) return ;; esac
    [ "$(date +%s)" -lt "$until" ] || { echo "error: $1 did not finish in time" >&2; exit 1; }
    echo "  $state $(json foldsDone < "$body")"
    sleep 2
  done
}

echo "Uploading $trace ..."
upload "$trace" "$inventory"

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
  stage=$(json stage < "$body")
  echo "  $state${stage:+ ($stage)}: hosts $(json hostsUsed < "$body") (lower bound $(json lowerBoundHosts < "$body"))"
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
echo "$plan" > "$out/plan-id"

# summary FILE : one line per replay result in a run or backtest document (per planned resource)
summary() {
  python3 - "$1" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))

def line(r):
    parts = [f"{k} host-steps over capacity {v['hostStepsOverPercent']:.3f} % ({v['hostStepsOverCapacity']} of {v['hostSteps']}), "
             f"{v['vmsThatSawOverload']} VMs saw an overload, worst +{v['worstOverloadPercent']:.1f} %" for k, v in r["resources"].items()]
    return "; ".join(parts) + f"; {len(r['unplacedVms'])} VMs not in the plan, {len(r['missingPlanVms'])} plan VMs absent"

if "folds" in doc:
    for f in doc["folds"]:
        if f["status"] == "COMPLETED":
            print(f"  fold {f['fold'] + 1}: {f['hosts']} hosts; in sample: {line(f['inSample'])}; out of sample: {line(f['outOfSample'])}")
        else:
            print(f"  fold {f['fold'] + 1}: {f['status']} {f.get('error') or ''}")
elif doc.get("result"):
    print("Out of sample: " + line(doc["result"]))
PY
}

if [ -n "$replay_trace$replay_from$replay_to" ]; then
  replay_workload=""
  if [ -n "$replay_trace" ]; then echo "Uploading $replay_trace ..."; upload "$replay_trace" "$replay_inventory"; replay_workload=$workload; fi
  replay_body=$(python3 -c 'import json,sys; print(json.dumps({k: v for k, v in zip(("workloadId", "from", "to"), sys.argv[1:]) if v}))' \
      "$replay_workload" "$replay_from" "$replay_to")
  call POST "/api/v1/plans/$plan/simulations" -H 'Content-Type: application/json' -d "$replay_body"
  [ "$status" = 202 ] || fail "replay rejected"
  await "/api/v1/plans/$plan/simulations/$(json id < "$body")"
  cp "$body" "$out/out-of-sample.json"
  [ "$state" = COMPLETED ] || { echo "replay failed: $(json error < "$body")" >&2; exit 1; }
  summary "$out/out-of-sample.json"
  echo "Out-of-sample replay: $out/out-of-sample.json"
fi

if [ -n "$train_days" ]; then
  backtest_body=$(python3 - "$out/plan.json" "$train_days" "$test_days" "$max_folds" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
template = {k: v for k, v in p["request"].items() if k not in ("workloadId", "name", "from", "to")}
print(json.dumps({"name": f"{p.get('name') or 'plan'} backtest", "workloadId": p["workloadId"], "plan": template,
                  "trainingDays": int(sys.argv[2]), "testDays": int(sys.argv[3]), "maxFolds": int(sys.argv[4])}))
PY
)
  call POST /api/v1/backtests -H 'Content-Type: application/json' -d "$backtest_body"
  [ "$status" = 202 ] || fail "backtest rejected"
  backtest=$(json id < "$body")
  echo "Backtest $backtest: $(json foldsTotal < "$body") folds"
  await "/api/v1/backtests/$backtest"
  cp "$body" "$out/backtest.json"
  summary "$out/backtest.json"
  [ "$state" = COMPLETED ] || { echo "backtest $state: $(json error < "$body")" >&2; exit 1; }
  echo "Backtest: $out/backtest.json"
fi
rm -f "$body"
