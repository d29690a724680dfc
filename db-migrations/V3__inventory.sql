-- Custom host models of the catalog (the built-in models live in code: inventory.BuiltInHostModels).
create table host_models (
    id                      text primary key,
    name                    text             not null,
    cores                   integer          not null check (cores > 0),
    core_mhz                double precision not null check (core_mhz > 0),
    memory_mib              double precision not null check (memory_mib > 0),
    disk_kbps               double precision not null check (disk_kbps > 0),
    network_kbps            double precision not null check (network_kbps > 0),
    power_watts             double precision[] not null check (cardinality(power_watts) = 11),
    rack_units              integer          not null check (rack_units > 0),
    purchase_cost           double precision not null check (purchase_cost >= 0),
    yearly_maintenance_cost double precision not null check (yearly_maintenance_cost >= 0),
    hardware_assist         boolean          not null,
    source                  text,
    created_at              timestamp with time zone not null default now()
);
