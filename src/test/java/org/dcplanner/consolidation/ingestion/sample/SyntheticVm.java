package org.dcplanner.consolidation.ingestion.sample;

import org.dcplanner.consolidation.ingestion.WorkloadVm;

/**
 * One generated VM: its size plus what drives its demand. Members of a tier share the shape
 * parameters and levels; each has its own phase offset (seconds added to the clock), intensity
 * (activity multiplier) and noise seed.
 */
record SyntheticVm(
        WorkloadVm vm, DailyShape shape, DemandLevels levels, double phaseSeconds, double intensity, long noiseSeed) {}
