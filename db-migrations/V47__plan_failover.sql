-- Whole-VM HA: the failover map of a plan with an HA reserve (per failure scenario, where each VM of the failed
-- hosts restarts), stored when the plan finishes. Plans without a reserve, and older plans: null.
alter table plans add column failover jsonb;
