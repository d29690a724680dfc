-- Plans belong to their workload: deleting a workload deletes its plans (and, through V7's cascades,
-- the plans' replays, savings scenarios and current servers). A trigger rather than a foreign key,
-- because a plan's workload may live in another workload store than this database's tables.
delete from plans p where not exists (select 1 from workload w where w.id = p.workload_id);

create function delete_plans_of_workload() returns trigger language plpgsql as $$
begin
    delete from plans where workload_id = old.id;
    return old;
end;
$$;

create trigger workload_deletes_its_plans after delete on workload
    for each row execute function delete_plans_of_workload();
