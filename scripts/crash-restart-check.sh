#!/usr/bin/env bash
# Crash-safety check of the packaged service with its embedded PostgreSQL (docs/benchmarks.md, "Hardening"):
# start the jar on a fresh data directory, upload a sample, start a plan, kill -9 the service while it solves
# (its postmaster is orphaned), start it ONCE more, and measure the seconds until /actuator/health is UP and
# until the plan is COMPLETED. Also checks that the earlier run's upload temp folder is gone.
# Needs: java, curl, python3, the jar (./mvnw -B package -DskipTests). PostgreSQL refuses to run as root: as
# root the service runs as RUN_AS (default nobody) through setpriv.
# Usage: scripts/crash-restart-check.sh [JAR]   env: PORT (18490), PLAN_SECONDS (60), KEEP=1 keeps the temp dir
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-target/consolidation-planner.jar}
port=${PORT:-18490}
plan_seconds=${PLAN_SECONDS:-60}
base="http://127.0.0.1:$port"
# the first admin of the fresh data directory; every API call signs in with it
admin_user=crash-check
admin_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
auth=(-u "$admin_user:$admin_password")
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -B package -DskipTests first" >&2; exit 2; }
jar=$(readlink -f "$jar")
work=$(mktemp -d /tmp/dcp-crash.XXXXXX)
mkdir -p "$work/tmp"
as_user=()
if [ "$(id -u)" = 0 ]; then
  user=${RUN_AS:-nobody}
  chown -R "$user" "$work"
  as_user=(setpriv --reuid="$(id -u "$user")" --regid="$(id -g "$user")" --clear-groups)
fi
service_pid=""
cleanup() {
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null || true
  sleep 2
  # a postmaster left on this check's own data directory (only ours: matched by its path)
  if [ -f "$work/db/postmaster.pid" ]; then kill -INT "$(head -1 "$work/db/postmaster.pid")" 2>/dev/null || true; fi
  [ "${KEEP:-0}" = 1 ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

start() {   # $1: log file
  "${as_user[@]}" env HOME="$work" ADMIN_USERNAME="$admin_user" ADMIN_PASSWORD="$admin_password" EMBEDDED_DB_DIR="$work/db" UPLOAD_TEMP_DIR="$work/upload-tmp" PORT="$port" \
    java -Djava.io.tmpdir="$work/tmp" -Xmx1g -jar "$jar" > "$1" 2>&1 &
  service_pid=$!
}
wait_healthy() {   # prints seconds until UP
  local t0=$SECONDS
  until curl -sf -m 2 "$base/actuator/health" | grep -q '"UP"'; do
    kill -0 "$service_pid" 2>/dev/null || { echo "service exited; see its log" >&2; exit 1; }
    [ $((SECONDS - t0)) -gt 600 ] && { echo "not healthy after 600 s" >&2; exit 1; }
    sleep 1
  done
  echo $((SECONDS - t0))
}
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
status() { curl -sf "${auth[@]}" "$base/api/v1/plans/$plan" | field "['status']"; }

echo "# $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), work dir $work"
start "$work/run1.log"
echo "first start (initdb) healthy after $(wait_healthy) s"
workload=$(curl -sf "${auth[@]}" -F file=@sample-workloads/generic-small.csv -F inventory=@sample-workloads/inventory-small.csv \
  "$base/api/v1/workloads" | field "['id']")
plan=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' "$base/api/v1/plans" -d "{\"workloadId\":\"$workload\",
  \"hostPool\":[{\"model\":\"dell-r6515\",\"count\":20}],\"virtualization\":\"HARDWARE_ASSISTED\",
  \"objective\":\"POWER\",\"timeLimitSeconds\":$plan_seconds}" | field "['id']")
until [ "$(status)" = SOLVING ]; do sleep 1; done
sleep 5
first_run_dirs=$(find "$work/upload-tmp" -mindepth 1 -maxdepth 1 -type d -name 'run-*' | wc -l)
postmaster=$(head -1 "$work/db/postmaster.pid")
kill -9 "$service_pid"
wait "$service_pid" 2>/dev/null || true
sleep 1
if kill -0 "$postmaster" 2>/dev/null; then echo "after kill -9: postmaster $postmaster orphaned and still running"; fi
t0=$SECONDS
start "$work/run2.log"
healthy=$(wait_healthy)
echo "one start after kill -9: healthy after $healthy s (target: 60 s)"
grep -h "orphaned PostgreSQL\|stale" "$work/run2.log" | sed 's/^.*WARN [0-9]* --- \[[^]]*\] \[ *[^]]*\] /  log: /' || true
until [ "$(status)" = COMPLETED ] || [ "$(status)" = FAILED ]; do sleep 2; done
echo "plan $(status) $((SECONDS - t0)) s after the restart began: $(curl -sf "${auth[@]}" "$base/api/v1/plans/$plan" | field "['hostsUsed']") hosts"
echo "upload temp folders: $first_run_dirs run folder(s) before the kill, now $(find "$work/upload-tmp" -mindepth 1 -maxdepth 1 -type d -name 'run-*' | wc -l) (this run's only)"
echo "password file mode: $(stat -c %a "$work/db/dcp-db-password"); pg_hba.conf: $(grep -v "^#" "$work/db/pg_hba.conf" | tr "\n" ";")"
