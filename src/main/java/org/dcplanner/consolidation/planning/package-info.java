/**
 * Module planning: packs a workload's VMs onto the fewest hosts of a pool (OptaPlanner), as a background job
 * per plan. Its top-level package is what it publishes to other modules:
 * <ul>
 *   <li>{@link org.dcplanner.consolidation.planning.PlanLookup}: read a plan's placement as a
 *       {@link org.dcplanner.consolidation.planning.PlacedPlan} (hosts, VM to host, sizing, approach; with
 *       {@link org.dcplanner.consolidation.planning.PlacedPlan#withModeledOverhead()}), today's placement of a plan made from
 *       it, and a time-windowed plan's {@link org.dcplanner.consolidation.planning.WindowSchedule};</li>
 *   <li>{@link org.dcplanner.consolidation.planning.PlanCompleted}: the event published when a plan has a
 *       usable placement;</li>
 *   <li>{@link org.dcplanner.consolidation.planning.PlanRequest}: the request (and its sizing) a plan is made from,
 *       with its {@link org.dcplanner.consolidation.planning.Objective};</li>
 *   <li>{@link org.dcplanner.consolidation.planning.BaselineHosts}: the time-series first-fit-decreasing host count
 *       of a workload, the baseline plans are compared with.</li>
 * </ul>
 * {@code internal} (REST API, plan store, solve job, demand sizing) and {@code solver} are internal.
 */
package org.dcplanner.consolidation.planning;
