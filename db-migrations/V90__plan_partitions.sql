-- A large plan solved in partitions (docs/planning.md "Plans at scale"): one row per partition, each solved as its
-- own job (task solve-plan-partition) on any node, then merged by the plan's merge-plan task.
create table plan_partitions (
    plan_id      uuid      not null references plans (id) on delete cascade,
    part         integer   not null check (part >= 0),
    -- the partition's VMs and its slice of the pool (indexes into the plan's vm_names and slot_models)
    vm_indexes   integer[] not null,
    slot_indexes integer[] not null,
    status       text      not null check (status in ('QUEUED', 'SOLVING', 'DONE')),
    -- fencing token of the partition's solve: a revived execution increments it, a stale one's writes touch nothing
    attempt      integer   not null default 0,
    picked_by    text,
    -- best placement so far: per VM of the partition, its slot (index into the plan's slot_models)
    vm_slot      integer[],
    hosts_used   integer,
    started_at   timestamp with time zone,
    finished_at  timestamp with time zone,
    primary key (plan_id, part)
);
