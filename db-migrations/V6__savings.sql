-- Savings report: a plan's saved assumption scenario (only the values set, as JSON; defaults live in code)
-- and an optional uploaded inventory of the servers in use today (the "before" estate).
create table savings_assumptions (
    plan_id     uuid primary key,
    assumptions jsonb       not null,
    updated_at  timestamptz not null
);

create table current_server (
    plan_id                uuid             not null,
    line_no                integer          not null,
    name                   text             not null,
    server_count           integer          not null check (server_count > 0),
    average_watts          double precision not null check (average_watts >= 0),
    peak_watts             double precision not null check (peak_watts >= average_watts),
    rack_units             integer          not null check (rack_units > 0),
    yearly_maintenance_usd double precision check (yearly_maintenance_usd >= 0),
    primary key (plan_id, line_no)
);
