-- Today's estate from an RVTools export uploaded as a workload's inventory: the servers (vHost) and where
-- each VM runs now (vInfo Powerstate, Cluster, Host). Feeds the "before" estate and plans that start from
-- today's placement. Rows go with their workload.
create table workload_estate_host (
    workload_id uuid             not null references workload (id) on delete cascade,
    name        text             not null,            -- vHost Host
    cluster     text,
    vendor      text,
    model       text,
    sockets     int,                                  -- vHost # CPU
    cores       int,                                  -- vHost # Cores (all sockets)
    core_mhz    double precision,                     -- vHost Speed
    memory_mib  double precision,                     -- vHost # Memory
    primary key (workload_id, name)
);

create table workload_vm_placement (
    workload_id  uuid not null,
    vm_index     int  not null,
    power_state  text,                                -- poweredOn | poweredOff | suspended
    cluster      text,
    current_host text,                                -- a workload_estate_host name when vHost lists it
    primary key (workload_id, vm_index),
    foreign key (workload_id, vm_index) references workload_vm (workload_id, vm_index) on delete cascade
);
