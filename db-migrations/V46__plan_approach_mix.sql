-- Virtualization AUTO chooses the approach per VM: how many VMs got each approach, stored when solving starts
-- ({"PARAVIRTUAL": 30, "HARDWARE_ASSISTED": 30}; one entry for a plan with one approach). Older plans: null.
alter table plans add column approach_mix jsonb;
