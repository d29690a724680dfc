-- GET /plans/{id}/simulations/comparison computed once per plan (three approaches: a first-fit packing and two
-- replays each, about 20 s for 10,000 VMs on a loaded 2-core machine) and kept: after the plan's replay, or at the
-- first request. A plan's placement does not change once it is finished.
create table approach_comparison (
    plan_id     uuid primary key references plans (id) on delete cascade,
    comparison  jsonb                    not null,
    computed_at timestamp with time zone not null default now()
);
