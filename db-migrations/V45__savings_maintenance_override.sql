-- Savings: the single maintenance assumption becomes two, a fallback (models without a figure) and an override
-- (every catalog server). A saved scenario's maintenanceUsdPerServerYear was applied as an override, so it keeps
-- that meaning under its new name.
update savings_assumptions
   set assumptions = (assumptions - 'maintenanceUsdPerServerYear')
       || jsonb_build_object('maintenanceOverrideUsdPerServerYear', assumptions -> 'maintenanceUsdPerServerYear')
 where assumptions ? 'maintenanceUsdPerServerYear';
