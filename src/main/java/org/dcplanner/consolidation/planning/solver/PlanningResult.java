package org.dcplanner.consolidation.planning.solver;

import java.util.List;

/**
 * The solver's answer with the references users judge it by.
 *
 * @param vmSlot              per VM, the slot index it runs on (-1 if left unassigned)
 * @param brokenConstraints   names of hard constraints still violated (empty when feasible)
 * @param lowerBoundHosts     max over resource and step of ceil(sum demand / largest slot capacity)
 * @param peakFfdHosts        first-fit decreasing on per-VM peaks (per-VM sizing tools)
 * @param timeSeriesFfdHosts  first-fit decreasing on the time series
 */
public record PlanningResult(
        int[] vmSlot,
        int hostsUsed,
        String score,
        boolean feasible,
        List<String> brokenConstraints,
        int lowerBoundHosts,
        int peakFfdHosts,
        int timeSeriesFfdHosts,
        long scoreCalculationsPerSecond) {}
