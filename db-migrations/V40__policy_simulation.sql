-- Replays with an online consolidation policy (migrations while the trace unfolds): from a plan's placement
-- (plan_id set, the dynamic mode) or with no plan from a power-aware best-fit start on a host pool (the
-- CloudSim-equivalent mode). The request and the outcome (figures and per-step timeline) as JSON.
create table policy_simulation (
    id           uuid        primary key,
    plan_id      uuid        references plans (id) on delete cascade,
    workload_id  uuid        not null references workload (id) on delete cascade,
    request      jsonb       not null,
    status       text        not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    error        text,
    requested_at timestamptz not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    result       jsonb
);
create index policy_simulation_plan on policy_simulation (plan_id);
create index policy_simulation_workload on policy_simulation (workload_id);
