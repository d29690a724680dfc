package org.dcplanner.consolidation.savings;

import org.dcplanner.consolidation.inventory.HostModel;

/**
 * Yearly maintenance of one catalog server: the user's figure when they set the assumption (query or saved
 * scenario) — it then overrides every model's own figure, before and after alike — else the model's catalog
 * figure, else the default assumption.
 *
 * @param userUsd  the maintenance assumption when the user set it; null = not set
 * @param fallback the default assumption, for models without a figure
 */
record MaintenanceRule(Double userUsd, double fallback) {
    double usdPerYear(HostModel m) {
        if (userUsd != null) return userUsd;
        return m.yearlyMaintenanceCost() > 0 ? m.yearlyMaintenanceCost() : fallback;
    }
}
