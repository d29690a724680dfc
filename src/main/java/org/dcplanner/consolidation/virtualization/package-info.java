/**
 * Module virtualization: how a hypervisor turns a VM's guest demand into host-side demand. The approach
 * ({@link org.dcplanner.consolidation.virtualization.VirtualizationApproach}), the overhead model
 * ({@link org.dcplanner.consolidation.virtualization.OverheadModel},
 * {@link org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel}) with its parameters
 * ({@code app.overhead.*}) and the per-class workload profile. Below planning and simulation, which both size
 * demand through it; depends on ingestion only (metrics, workload classes).
 */
package org.dcplanner.consolidation.virtualization;
