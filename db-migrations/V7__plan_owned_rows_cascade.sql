-- Replays, savings scenarios and uploaded current servers belong to their plan: deleting the plan deletes them.
delete from simulation_run r where not exists (select 1 from plans p where p.id = r.plan_id);
delete from savings_assumptions s where not exists (select 1 from plans p where p.id = s.plan_id);
delete from current_server c where not exists (select 1 from plans p where p.id = c.plan_id);
alter table simulation_run add constraint simulation_run_plan_fk
    foreign key (plan_id) references plans (id) on delete cascade;
alter table savings_assumptions add constraint savings_assumptions_plan_fk
    foreign key (plan_id) references plans (id) on delete cascade;
alter table current_server add constraint current_server_plan_fk
    foreign key (plan_id) references plans (id) on delete cascade;
