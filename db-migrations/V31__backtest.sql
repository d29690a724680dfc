-- Backtests and sweeps: a job that plans on a training window and replays the placement on a test window,
-- once per fold (rolling windows of a backtest; sizing variants of a sweep). The job's state lives here so
-- it resumes after a restart: a fold's plan id is derived from (job, fold), so a fold never starts two plans.
create table backtest (
    id               uuid        primary key,
    kind             text        not null check (kind in ('BACKTEST', 'SWEEP')),
    name             text        not null,
    status           text        not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    cancel_requested boolean     not null default false,
    request          jsonb       not null,            -- the request as given (defaults filled)
    folds_total      integer     not null,
    error            text,
    created_at       timestamptz not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz
);
create index backtest_created_idx on backtest (created_at desc);

create table backtest_fold (
    backtest_id      uuid        not null references backtest (id) on delete cascade,
    fold             integer     not null,
    label            text        not null,            -- the training window, or the sweep variant
    plan_request     jsonb       not null,            -- the plan to fit (workload, window, sizing)
    test_workload_id uuid        not null,
    test_from        timestamptz,
    test_to          timestamptz,
    status           text        not null check (status in ('PENDING', 'PLANNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    plan_id          uuid,                             -- no foreign key: the fold's figures outlive its plan
    hosts            integer,
    in_sample        jsonb,                            -- replay on the training window (per-resource figures)
    out_of_sample    jsonb,                            -- replay on the test window
    error            text,
    finished_at      timestamptz,
    primary key (backtest_id, fold)
);
