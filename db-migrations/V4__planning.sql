-- Plan jobs: the request, the job state, the best placement found so far and its references.
create table plans (
    id                     uuid primary key,
    name                   text        not null,
    workload_id            uuid        not null,
    request                jsonb       not null,
    status                 text        not null check (status in ('QUEUED', 'SOLVING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    cancel_requested       boolean     not null default false,
    -- fencing token: each (re)started solve increments it; writes of an older attempt are ignored
    attempt                integer     not null default 0,
    vm_names               text[]      not null,
    slot_models            text[]      not null,
    steps                  integer     not null,
    step_seconds           integer     not null,
    folded                 boolean     not null,
    -- best assignment so far: per VM the slot index (-1 = unassigned)
    vm_slot                integer[],
    hosts_used             integer,
    score                  text,
    feasible               boolean,
    broken_constraints     jsonb,
    lower_bound_hosts      integer,
    peak_ffd_hosts         integer,
    time_series_ffd_hosts  integer,
    score_calcs_per_second bigint,
    -- list of {attempt, elapsedMillis, hostsUsed, score, feasible}
    progress               jsonb       not null default '[]'::jsonb,
    error                  text,
    created_at             timestamp with time zone not null,
    started_at             timestamp with time zone,
    finished_at            timestamp with time zone,
    updated_at             timestamp with time zone not null
);
create index plans_created_at_idx on plans (created_at desc);
create index plans_workload_idx on plans (workload_id);
