package org.dcplanner.consolidation.savings.internal;

/**
 * A line of the uploaded "before" inventory: identical servers in use today.
 *
 * @param yearlyMaintenanceUsd per server and year; null = the assumption's default
 */
public record CurrentServer(
        String name, int count, double averageWatts, double peakWatts, int rackUnits, Double yearlyMaintenanceUsd) {}
