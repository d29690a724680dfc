-- Out-of-sample replays: a plan's placement replayed on another workload (VMs matched by name) or on a
-- time window of its own or another workload. One row per request; the result (per-resource overload
-- figures, unplaced and missing VMs, per-VM performance) as JSON. Deleting the plan deletes its runs.
create table out_of_sample_run (
    id             uuid        primary key,
    plan_id        uuid        not null references plans (id) on delete cascade,
    workload_id    uuid        not null,               -- the workload replayed on (may be the plan's own)
    window_from    timestamptz,                        -- null: from the workload's start
    window_to      timestamptz,                        -- null: to the workload's end (exclusive)
    virtualization text        not null,
    status         text        not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    error          text,
    requested_at   timestamptz not null default now(),
    started_at     timestamptz,
    finished_at    timestamptz,
    result         jsonb
);
create index out_of_sample_run_plan_idx on out_of_sample_run (plan_id, requested_at desc);
