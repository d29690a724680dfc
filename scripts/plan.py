#!/usr/bin/env python3
"""Capacity planning from Python (standard library only): upload a workload trace, start a
consolidation plan, wait for it, and download the placements (CSV) and the savings report (JSON);
optionally replay the plan on another trace or window (out of sample) and backtest its settings.
See docs/capacity-planning-scripts.md."""
import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid


TOKEN = None  # the API token, set by main()


def call(base, method, path, body=None, headers=None):
    """Returns (status, bytes) without raising on HTTP error statuses; exits with a hint on 401."""
    req = urllib.request.Request(base + path, data=body, method=method,
                                 headers={**(headers or {}), "Authorization": f"Bearer {TOKEN}"})
    try:
        with urllib.request.urlopen(req, timeout=600) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as e:
        if e.code == 401:
            sys.exit("error: the service refused the API token (HTTP 401): it is unknown or revoked; "
                     "set DCP_TOKEN (or --token) to a valid one")
        return e.code, e.read()
    except urllib.error.URLError as e:
        sys.exit(f"error: cannot reach the service at {base} ({e.reason}); start it or pass -u / DCP_URL")


def call_json(base, method, path, payload=None, expect=200):
    body = None if payload is None else json.dumps(payload).encode()
    status, data = call(base, method, path, body, {"Content-Type": "application/json", "Accept": "application/json"})
    if status != expect:
        sys.exit(f"error: {method} {path} answered HTTP {status}: {data.decode(errors='replace')}")
    return json.loads(data)


def multipart(fields, files):
    """Encodes form fields and (name, path) files as multipart/form-data; returns (body, content type)."""
    boundary = "----dcplanner" + uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, path in files.items():
        filename = os.path.basename(path).replace('"', "_")
        with open(path, "rb") as f:
            content = f.read()
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def upload(base, trace, inventory, fmt, profile):
    fields = {k: v for k, v in (("format", fmt), ("vmProfile", profile)) if v}
    files = {"file": trace}
    if inventory:
        files["inventory"] = inventory
    body, content_type = multipart(fields, files)
    status, data = call(base, "POST", "/api/v1/workloads", body, {"Content-Type": content_type})
    if status not in (200, 201):  # 200: the same upload was stored before
        sys.exit(f"error: upload of {trace} rejected (HTTP {status}): {data.decode(errors='replace')}")
    workload = json.loads(data)
    print(f"Workload {workload['id']}: {workload.get('vmCount')} VMs, {workload.get('steps')} steps "
          f"of {workload.get('stepSeconds')} s")
    return workload


def wait_job(base, path, job, seconds, describe):
    """Polls a job resource until its status is final; exits when it takes longer than seconds."""
    give_up = time.time() + seconds
    while job["status"] not in ("COMPLETED", "CANCELLED", "FAILED"):
        if time.time() > give_up:
            sys.exit(f"error: {path} did not finish in time")
        time.sleep(2)
        job = call_json(base, "GET", path)
        print(f"  {job['status']}{describe(job)}")
    return job


def risk_line(result):
    """One line per planned resource: host-steps over capacity, VMs that saw an overload, worst overload."""
    parts = []
    for res, r in result["resources"].items():
        parts.append(f"{res} host-steps over capacity {r['hostStepsOverPercent']:.3f} % ({r['hostStepsOverCapacity']} of "
                     f"{r['hostSteps']}), {r['vmsThatSawOverload']} VMs saw an overload, worst +{r['worstOverloadPercent']:.1f} %")
    return "; ".join(parts)


def replay(base, a, plan, out):
    body = {}
    if a.replay_on:
        body["workloadId"] = upload(base, a.replay_on, a.replay_inventory, a.format, a.profile)["id"]
    if a.replay_from:
        body["from"] = a.replay_from
    if a.replay_to:
        body["to"] = a.replay_to
    run = call_json(base, "POST", f"/api/v1/plans/{plan['id']}/simulations", body, expect=202)
    path = f"/api/v1/plans/{plan['id']}/simulations/{run['id']}"
    run = wait_job(base, path, run, a.job_wait, lambda j: "")
    with open(os.path.join(out, "out-of-sample.json"), "w") as f:
        json.dump(run, f, indent=2)
    if run["status"] != "COMPLETED":
        sys.exit(f"replay failed: {run.get('error')}")
    r = run["result"]
    print(f"Out of sample ({'in' if r['inSample'] else 'not in'} the fitted data) on {r['workloadName']} "
          f"{r['from']} .. {r['to']}: {r['replayedVms']} VMs on {r['hosts']} hosts; {risk_line(r)}; "
          f"{len(r['unplacedVms'])} VMs not in the plan, {len(r['missingPlanVms'])} plan VMs absent")
    print(f"Out-of-sample replay: {os.path.join(out, 'out-of-sample.json')}")


def backtest(base, a, plan, out):
    template = {k: v for k, v in plan["request"].items() if k not in ("workloadId", "name", "from", "to")}
    body = {"name": f"{plan.get('name') or 'plan'} backtest", "workloadId": plan["workloadId"], "plan": template,
            "trainingDays": a.backtest_training_days, "testDays": a.backtest_test_days, "maxFolds": a.backtest_max_folds}
    job = call_json(base, "POST", "/api/v1/backtests", body, expect=202)
    print(f"Backtest {job['id']}: {job['foldsTotal']} folds")
    job = wait_job(base, f"/api/v1/backtests/{job['id']}", job, a.job_wait,
                   lambda j: f": {j['foldsDone']} of {j['foldsTotal']} folds done")
    with open(os.path.join(out, "backtest.json"), "w") as f:
        json.dump(job, f, indent=2)
    for fold in job["folds"]:
        if fold["status"] == "COMPLETED":
            print(f"  fold {fold['fold'] + 1}: {fold['hosts']} hosts; in sample: {risk_line(fold['inSample'])}; "
                  f"out of sample: {risk_line(fold['outOfSample'])}")
        else:
            print(f"  fold {fold['fold'] + 1}: {fold['status']} {fold.get('error') or ''}")
    if job["status"] != "COMPLETED":
        sys.exit(f"backtest {job['status']}: {job.get('error')}")
    print(f"Backtest: {os.path.join(out, 'backtest.json')}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("trace", help="trace file: .zip of PlanetLab/Bitbrains files, or a generic .csv")
    ap.add_argument("inventory", nargs="?", help="optional inventory CSV (VM sizes, guest OS, classes)")
    ap.add_argument("-u", "--url", default=os.environ.get("DCP_URL", "http://localhost:8080"))
    ap.add_argument("-k", "--token", default=os.environ.get("DCP_TOKEN"),
                    help="API token (POST /api/v1/tokens; default: $DCP_TOKEN, preferred: options show in ps)")
    ap.add_argument("-f", "--format", help="planetlab|bitbrains|csv (default: auto-detect)")
    ap.add_argument("-p", "--profile", help="VM size profile when no inventory: default|cloudsim")
    ap.add_argument("-m", "--model", default="dell-r6515", help="host model id (GET /api/v1/host-models)")
    ap.add_argument("-n", "--count", type=int, default=20, help="hosts of that model in the pool")
    ap.add_argument("-r", "--resources", default="CPU,MEMORY", help="resources to plan, comma separated")
    ap.add_argument("-v", "--virtualization", default="HARDWARE_ASSISTED", help="FULL|PARAVIRTUAL|HARDWARE_ASSISTED|AUTO")
    ap.add_argument("-q", "--percentile", type=float, default=95)
    ap.add_argument("-H", "--headroom", type=float, default=10, help="headroom percent")
    ap.add_argument("-d", "--fold-days", action="store_true", help="fold a multi-day trace into a typical day")
    ap.add_argument("-R", "--overload-risk", type=float,
                    help="size for this share (%%) of host-steps over capacity on unseen days, e.g. 0.1 "
                         "(replaces --percentile and --fold-days; --headroom still applies)")
    ap.add_argument("-t", "--time-limit", type=int, default=30, help="solver time limit in seconds")
    ap.add_argument("-O", "--objective", default="HOSTS", help="HOSTS|COST|POWER")
    ap.add_argument("-T", "--target-utilization", type=float, default=1.0)
    ap.add_argument("-a", "--ha-reserve", type=int, default=0, help="HA reserve hosts")
    ap.add_argument("-P", "--pin", action="append", default=[], metavar="VM=HOST",
                    help="pin a VM to a host number (the dashboard's #: 0 = the pool's first host); repeatable")
    ap.add_argument("-o", "--out", default=os.environ.get("DCP_OUT", "plan-output"), help="output directory")
    ap.add_argument("--plan-wait", type=int, default=0, help="seconds to wait for the plan (default: limit + 300)")
    ap.add_argument("--savings-wait", type=int, default=60, help="seconds to wait for the savings report")
    ap.add_argument("--replay-on", metavar="TRACE", help="replay the plan on this other trace (VMs matched by name)")
    ap.add_argument("--replay-inventory", metavar="CSV", help="inventory of the --replay-on trace")
    ap.add_argument("--replay-from", metavar="ISO", help="replay from this instant (default: the workload's start)")
    ap.add_argument("--replay-to", metavar="ISO", help="replay up to this instant, exclusive (default: its end)")
    ap.add_argument("--backtest-training-days", type=int, metavar="N",
                    help="backtest the plan's settings: plan on N days, replay on the next --backtest-test-days, rolling")
    ap.add_argument("--backtest-test-days", type=int, default=1, metavar="N")
    ap.add_argument("--backtest-max-folds", type=int, default=30, metavar="N")
    ap.add_argument("--job-wait", type=int, default=3600, help="seconds to wait for a replay or backtest")
    a = ap.parse_args()
    if not a.token:
        sys.exit("error: no API token: set DCP_TOKEN (or pass --token); create one in the web UI or with POST /api/v1/tokens")
    global TOKEN
    TOKEN = a.token
    pins = {}
    for pin in a.pin:
        vm, _, host = pin.rpartition("=")
        host = host.strip().lstrip("#")
        if not vm or not host.isdigit():
            sys.exit(f"error: --pin '{pin}': write VM=HOST, e.g. db-0001-1=3")
        pins[vm] = int(host)
    base = a.url.rstrip("/")
    os.makedirs(a.out, exist_ok=True)

    print(f"Uploading {a.trace} ...")
    workload = upload(base, a.trace, a.inventory, a.format, a.profile)

    request = {
        "workloadId": workload["id"], "name": os.path.basename(a.trace),
        "hostPool": [{"model": a.model, "count": a.count}],
        "resources": [r.strip().upper() for r in a.resources.split(",") if r.strip()],
        "sizing": ({"overloadRiskPercent": a.overload_risk, "headroomPercent": a.headroom}
                   if a.overload_risk is not None
                   else {"percentile": a.percentile, "headroomPercent": a.headroom, "foldDays": a.fold_days}),
        "virtualization": a.virtualization, "timeLimitSeconds": a.time_limit, "objective": a.objective,
        "targetUtilization": a.target_utilization, "haReserveHosts": a.ha_reserve,
    }
    if pins:
        request["pinned"] = pins
    plan = call_json(base, "POST", "/api/v1/plans", request, expect=202)
    print(f"Plan {plan['id']} queued on {a.count} x {a.model} ({a.virtualization})")
    give_up = time.time() + (a.plan_wait if a.plan_wait else a.time_limit + 300)
    while plan["status"] not in ("COMPLETED", "CANCELLED", "FAILED"):
        if time.time() > give_up:
            sys.exit(f"error: plan {plan['id']} did not finish in time")
        time.sleep(2)
        plan = call_json(base, "GET", f"/api/v1/plans/{plan['id']}")
        stage = f" ({plan['stage']})" if plan.get("stage") else ""
        print(f"  {plan['status']}{stage}: hosts {plan.get('hostsUsed')} (lower bound {plan.get('lowerBoundHosts')})")
    with open(os.path.join(a.out, "plan.json"), "w") as f:
        json.dump(plan, f, indent=2)
    if plan["status"] == "FAILED":
        sys.exit(f"plan failed: {plan.get('error')}")
    b = plan.get("baselines") or {}
    aa = plan.get("antiAffinityHosts") or 0
    bound = f"{plan['lowerBoundHosts']}" + (f" (an anti-affinity group needs {aa})" if aa > (plan["lowerBoundHosts"] or 0) else "")
    print(f"Plan {plan['status']}: {plan['hostsUsed']} hosts, lower bound {bound}, "
          f"peak-FFD {b.get('peakFfdHosts')}, time-series FFD {b.get('timeSeriesFfdHosts')}, "
          f"feasible {plan['feasible']}, score {plan['score']}")
    applied = plan.get("sizingApplied") or {}
    if applied:
        print(f"Sizing applied: {applied.get('summary')}")
    risk = plan.get("overloadRisk")
    if risk:
        estimate = risk.get("estimatedOutOfSamplePercent")
        print(f"Host-steps over capacity: {risk['inSampleHostStepsOverPercent']:.3f} % in sample, "
              f"estimated {'-' if estimate is None else f'{estimate:.3f}'} % on unseen days"
              + (f" (target {risk['targetPercent']} %)" if risk.get("targetPercent") is not None else ""))

    status, data = call(base, "GET", f"/api/v1/plans/{plan['id']}/placements", headers={"Accept": "text/csv"})
    if status != 200:
        sys.exit(f"error: placements answered HTTP {status}: {data.decode(errors='replace')}")
    with open(os.path.join(a.out, "placements.csv"), "wb") as f:
        f.write(data)
    rows = data.count(b"\n") - 1
    print(f"Placements: {os.path.join(a.out, 'placements.csv')} ({rows} VMs)")

    deadline = time.time() + a.savings_wait
    while True:
        status, data = call(base, "GET", f"/api/v1/plans/{plan['id']}/savings", headers={"Accept": "application/json"})
        if status == 200 or time.time() >= deadline:
            break
        time.sleep(2)
    if status == 200:
        with open(os.path.join(a.out, "savings.json"), "wb") as f:
            f.write(data)
        print(f"Savings: {os.path.join(a.out, 'savings.json')}")
    else:
        print(f"Savings not available (HTTP {status}); placements are still valid", file=sys.stderr)
    with open(os.path.join(a.out, "plan-id"), "w") as f:
        f.write(plan["id"] + "\n")
    if a.replay_on or a.replay_from or a.replay_to:
        replay(base, a, plan, a.out)
    if a.backtest_training_days:
        backtest(base, a, plan, a.out)


if __name__ == "__main__":
    main()
