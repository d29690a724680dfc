-- Affinity groups from the inventory (issue 19): VMs sharing a group run on one host. Null: none (and older workloads).
alter table workload_vm add column affinity_group text;
