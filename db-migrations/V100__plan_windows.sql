-- A time-windowed plan's windows (GET /plans/{id}/windows and the replay) and each window's action plan
-- (GET /plans/{id}/windows/{w}/actions), computed once when the plan finishes instead of at every request (the
-- schedule needs the sized problem, each action plan orders its migrations against it). They depend only on the
-- finished placement, the request and the workload, none of which change afterwards.
create table plan_windows (
    plan_id     uuid primary key references plans (id) on delete cascade,
    schedule    jsonb                    not null,
    -- per window, in window order: its action plan (the ActionPlanView JSON)
    actions     jsonb                    not null,
    computed_at timestamp with time zone not null default now()
);
