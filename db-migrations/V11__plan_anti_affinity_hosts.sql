-- Hosts the plan's largest anti-affinity group needs (its VMs one per host; 0 without groups): a second lower
-- bound, stored with the fluid one when solving starts. Plans stored before this column have none (null).
alter table plans add column anti_affinity_hosts integer;
