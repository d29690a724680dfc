-- What a solving plan's attempt is doing now: SIZING (sizing the demand; risk mode's packing probes) or SOLVING.
alter table plans add column stage text check (stage in ('SIZING', 'SOLVING'));
