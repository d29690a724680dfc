package org.dcplanner.consolidation.savings.internal;

import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;

/**
 * GET /api/v1/plans/{id}/savings: the estate before and after consolidation, the difference
 * (before − after, positive = saved), percentages, and the assumptions used with where each came from.
 *
 * @param baseline             ONE_SERVER_PER_VM or CURRENT_INVENTORY
 * @param beforeRule           how the "before" estate was sized, in words
 * @param beforeModelCounts    servers per model in the one-server-per-VM estate (empty for an uploaded inventory)
 * @param afterFromSimulation  true when "after" power is the stored simulation run, false when replayed for this report
 * @param assumptionSources    per assumption: "default", "scenario" or "query"
 * @param maintenanceByModel   per catalog model of either estate: the yearly maintenance in effect and its source
 * @param investment           buying the plan's hosts against the yearly savings (payback, net cash by year)
 */
public record SavingsReport(
        UUID planId,
        String baseline,
        String beforeRule,
        VirtualizationApproach virtualization,
        EstateFigures before,
        EstateFigures after,
        EstateFigures savings,
        Map<String, Double> savingsPercent,
        Map<String, Integer> beforeModelCounts,
        int vmsLargerThanAnyModel,
        boolean afterFromSimulation,
        SavingsAssumptions assumptions,
        Map<String, String> assumptionSources,
        Map<String, MaintenanceInEffect> maintenanceByModel,
        Investment investment) {}
