-- Ingested workloads: one row per workload, one per VM (size + precomputed statistics) and one per
-- VM and metric holding the whole aligned series as float32 little-endian bytes (compact, bulk-loaded
-- with COPY). Deleting a workload deletes its VMs and series.
create table workload (
    id           uuid primary key,
    name         text        not null,
    format       text        not null,                -- planetlab | bitbrains | csv
    vm_profile   text        not null,                -- default | cloudsim (sizes of VMs without inventory/trace size)
    vm_count     int         not null,
    step_seconds int         not null,
    steps        int         not null,
    start_time   timestamptz not null,                -- grid step i covers [start + i*step, start + (i+1)*step)
    metrics      text[]      not null,                -- metric fields with a stored series, e.g. {cpuMhz,memoryMib}
    sample_count bigint      not null,                -- values read from the trace
    warnings     jsonb       not null default '[]',   -- [{code, count, message}]
    created_at   timestamptz not null default now()
);
create index workload_created_idx on workload (created_at desc);

create table workload_vm (
    workload_id         uuid             not null references workload (id) on delete cascade,
    vm_index            int              not null,    -- 0-based, file-name order
    name                text             not null,
    cores               int              not null,
    cpu_mhz             double precision not null,    -- all cores together
    memory_mib          double precision not null,
    guest_os            text,
    paravirt_capable    boolean          not null,
    workload_class      text             not null,    -- COMPUTE | WEB | DATABASE | BATCH_IO
    anti_affinity_group text,
    cpu_mean real, cpu_p95 real, cpu_peak real,       -- MHz
    memory_mean real, memory_p95 real, memory_peak real, -- MiB
    disk_mean real, disk_p95 real, disk_peak real,    -- KB/s, null when the trace has no disk data
    network_mean real, network_p95 real, network_peak real, -- KB/s, null when the trace has no network data
    primary key (workload_id, vm_index)
);

create table workload_series (
    workload_id uuid  not null references workload (id) on delete cascade,
    metric      text  not null,                       -- cpuMhz | memoryMib | diskKBps | networkKBps
    vm_index    int   not null,
    samples     bytea not null,                       -- float32 LE, one per grid step
    primary key (workload_id, metric, vm_index)
);
-- float samples compress poorly; skip TOAST compression to keep writes and reads fast
alter table workload_series alter column samples set storage external;
