package org.dcplanner.consolidation.savings.internal;

import org.dcplanner.consolidation.inventory.HostModel;

/**
 * The yearly maintenance one catalog model's servers are charged in a savings report, and where it came from.
 *
 * @param source "override" (the user's override assumption), "catalog" (the model's own figure) or "fallback"
 *               (the fallback assumption, the model has no figure)
 */
public record MaintenanceInEffect(double usdPerServerYear, String source) {
    static MaintenanceInEffect of(HostModel m, MaintenanceRule rule) {
        return new MaintenanceInEffect(rule.usdPerYear(m), rule.source(m));
    }
}
