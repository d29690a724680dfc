-- Placement rules (issue 19): per plan with rules, each affinity group with the hosts it spans and each host rule
-- with the VMs that break it, stored when the plan finishes. Plans without rules, and older plans: null.
alter table plans add column rules jsonb;
