-- Sign-in: users (password hashes in Spring Security's {id}-prefixed format), API tokens (only the
-- SHA-256 of each token is stored), and the audit log of writes and sign-ins.
create table app_user (
    id            uuid primary key,
    username      text        not null unique,
    password_hash text,                                -- null for users who sign in only through OIDC
    role          text        not null check (role in ('VIEWER', 'PLANNER', 'ADMIN')),
    workspace     text        not null,
    created_at    timestamptz not null default now()
);

create table api_token (
    id           uuid primary key,
    user_id      uuid        not null references app_user (id) on delete cascade,
    name         text        not null,
    token_sha256 bytea       not null unique,           -- SHA-256 of the 256-bit random token
    created_at   timestamptz not null default now(),
    last_used_at timestamptz
);
create index api_token_user_idx on api_token (user_id);

create table audit_log (
    id             bigserial primary key,
    at             timestamptz not null default now(),
    username       text,                                 -- null when the caller was not signed in
    workspace      text,
    method         text        not null,
    path           text        not null,
    status         integer     not null,
    remote_address text,
    target         text                                  -- the Location of what a write created, if any
);
create index audit_log_at_idx on audit_log (at desc);
