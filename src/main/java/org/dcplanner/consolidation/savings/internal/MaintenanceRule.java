package org.dcplanner.consolidation.savings.internal;

import org.dcplanner.consolidation.inventory.HostModel;

/**
 * Yearly maintenance of one catalog server: the override when the user set one, else the model's catalog figure,
 * else the fallback.
 *
 * @param overrideUsd null = no override
 * @param fallbackUsd for models without a figure of their own
 */
record MaintenanceRule(Double overrideUsd, double fallbackUsd) {
    static final String OVERRIDE = "override";
    static final String CATALOG = "catalog";
    static final String FALLBACK = "fallback";

    static MaintenanceRule of(SavingsAssumptions a) {
        return new MaintenanceRule(a.maintenanceOverrideUsdPerServerYear(), a.maintenanceFallbackUsdPerServerYear());
    }

    double usdPerYear(HostModel m) {
        if (overrideUsd != null) return overrideUsd;
        return m.yearlyMaintenanceCost() > 0 ? m.yearlyMaintenanceCost() : fallbackUsd;
    }

    /** Which figure {@link #usdPerYear} took: override, catalog or fallback. */
    String source(HostModel m) {
        if (overrideUsd != null) return OVERRIDE;
        return m.yearlyMaintenanceCost() > 0 ? CATALOG : FALLBACK;
    }

    /** An uploaded inventory row: the row's own figure (the user's data for that row), else the override, else the fallback. */
    double usdPerYear(Double rowUsd) {
        if (rowUsd != null) return rowUsd;
        return overrideUsd != null ? overrideUsd : fallbackUsd;
    }
}
