package org.dcplanner.consolidation.planning;

import java.util.UUID;

/** Published (Spring application event) when a plan reaches COMPLETED or is stopped with a usable best solution. */
public record PlanCompleted(UUID planId) {}
