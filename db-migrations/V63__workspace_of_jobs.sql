-- Policy simulations, backtests/sweeps and Prometheus imports belong to the workspace they were requested
-- from (out-of-sample runs and a workload's estate belong to their plan or workload). Older rows: 'default'.
alter table policy_simulation add column workspace text not null default 'default';
alter table policy_simulation alter column workspace drop default;
create index policy_simulation_workspace_idx on policy_simulation (workspace, requested_at desc);

alter table backtest add column workspace text not null default 'default';
alter table backtest alter column workspace drop default;
create index backtest_workspace_idx on backtest (workspace, kind, created_at desc);

alter table prometheus_import add column workspace text not null default 'default';
alter table prometheus_import alter column workspace drop default;
