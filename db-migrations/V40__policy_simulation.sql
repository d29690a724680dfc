-- Replays with an online consolidation policy (migrations while the trace unfolds): from a plan's placement
-- (plan_id set, the dynamic mode) or with no plan from a power-aware best-fit start on a host pool (the
-- CloudSim-equivalent mode). The request and the outcome (figures and per-step timeline) as JSON.
-- A run belongs to its plan (foreign key) and to its workload (a trigger, as plans in V8: the workload may
-- live in another workload store than this database's tables).
create table policy_simulation (
    id           uuid        primary key,
    plan_id      uuid        references plans (id) on delete cascade,
    workload_id  uuid        not null,
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

create function delete_policy_simulations_of_workload() returns trigger language plpgsql as $$
begin
    delete from policy_simulation where workload_id = old.id;
    return old;
end;
$$;

create trigger workload_deletes_its_policy_simulations after delete on workload
    for each row execute function delete_policy_simulations_of_workload();
