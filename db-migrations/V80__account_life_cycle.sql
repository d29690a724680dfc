-- Account life cycle: a disabled user can neither sign in nor use a session or API token; consecutive failed
-- sign-ins lock the account until locked_until; session_stamp changes with the password and the account's state,
-- which ends the user's other sessions at their next request.
alter table app_user
    add column disabled        boolean not null default false,
    add column failed_sign_ins integer not null default 0,
    add column locked_until    timestamptz,
    add column session_stamp   integer not null default 0;
