package org.dcplanner.consolidation.planning.internal;

import java.util.List;

/**
 * Why one VM sits where it does.
 *
 * @param bindingStep          step of the highest utilization on the VM's host
 * @param bindingOffsetSeconds that step's start: seconds after the trace start, or after 00:00 UTC when the plan folds days
 * @param bindingUtilization   host demand / usable capacity at that step (1.0 = at the target utilization)
 * @param pinned               the plan request pins the VM to this host (a satisfied pin matches no constraint)
 */
record ExplanationView(int vm, String vmName, int slot, String hostModel, String bindingResource, int bindingStep,
                       long bindingOffsetSeconds, double bindingUtilization, List<String> matchedConstraints,
                       boolean pinned) {
}
