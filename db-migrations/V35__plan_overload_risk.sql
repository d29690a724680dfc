-- A plan's overload risk, computed when its solve ends: in-sample share of host-steps over capacity, the plan's own
-- out-of-sample estimate, the risk target (sizing.overloadRiskPercent, null for percentile plans) and the method,
-- as JSON {inSampleHostStepsOverPercent, estimatedOutOfSamplePercent, targetPercent, method}. Older plans: null.
alter table plans add column overload_risk jsonb;
