/**
 * Module simulation: replays a placed plan step by step (overheads, power, SLA), compares the virtualization
 * approaches and runs a replay when a plan completes ({@link org.dcplanner.consolidation.planning.PlanCompleted}).
 * Reads plans only through planning's published API.
 */
package org.dcplanner.consolidation.simulation;
