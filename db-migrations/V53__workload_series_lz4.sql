-- Series are compressed by TOAST with lz4 where the server has it: a month of 5-minute samples per VM
-- (34 KB) stored in 72 % of its raw size on a synthetic estate (docs/benchmarks.md, ingest at scale).
-- Series below TOAST's 2 KB threshold (a day at 300 s) stay as they are. Without lz4 (a server built
-- without it) the column keeps its current setting rather than falling back to the slower pglz.
do $$
begin
    if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
        execute 'alter table workload_series alter column samples set storage extended';
        execute 'alter table workload_series alter column samples set compression lz4';
    end if;
end $$;
