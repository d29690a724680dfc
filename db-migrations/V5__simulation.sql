-- Execution engine: the latest replay of a plan's placement per virtualization approach.
-- Summary, per-host and per-VM outcomes as JSON; per-host utilization series as gzip'd little-endian
-- float32 [resource][host * steps + step] (resources in Metric order: CPU, MEMORY, DISK, NETWORK).
create table simulation_run (
    plan_id            uuid        not null,
    virtualization     text        not null,
    status             text        not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    error              text,
    overhead_overrides jsonb       not null default '{}'::jsonb,
    requested_at       timestamptz not null,
    started_at         timestamptz,
    finished_at        timestamptz,
    grid_start         timestamptz,
    step_seconds       integer,
    steps              integer,
    host_count         integer,
    summary            jsonb,
    hosts              jsonb,
    vms                jsonb,
    host_series        bytea,
    primary key (plan_id, virtualization)
);
