-- Pulls of a workload from a Prometheus server (POST /api/v1/workloads/prometheus), run as the
-- db-scheduler task "prometheus-import": the request, progress (queries answered) and outcome.
create table prometheus_import (
    id             uuid        primary key,
    request        jsonb       not null,              -- url, start, end, stepSeconds, queries, name, vmProfile
    status         text        not null,              -- QUEUED | RUNNING | COMPLETED | FAILED
    queries_done   int         not null default 0,
    queries_total  int         not null,
    workload_id    uuid        references workload (id) on delete set null,
    error          jsonb,                             -- the problem+json of a failure
    created_at     timestamptz not null default now(),
    finished_at    timestamptz
);
