-- Workspaces: every workload, plan and custom host model belongs to one (simulations, savings
-- assumptions and current servers belong to their plan). Rows from before sign-in go to 'default'.
alter table workload add column workspace text not null default 'default';
alter table workload alter column workspace drop default;
create index workload_workspace_idx on workload (workspace, created_at desc);

alter table plans add column workspace text not null default 'default';
alter table plans alter column workspace drop default;
create index plans_workspace_idx on plans (workspace, created_at desc);

alter table host_models add column workspace text not null default 'default';
alter table host_models alter column workspace drop default;
create index host_models_workspace_idx on host_models (workspace);
