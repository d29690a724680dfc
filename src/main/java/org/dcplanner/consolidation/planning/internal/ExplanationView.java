package org.dcplanner.consolidation.planning.internal;

import java.util.List;

/**
 * Why one VM sits where it does.
 *
 * @param bindingStep          step of the highest utilization on the VM's host
 * @param bindingOffsetSeconds that step's start: seconds after the trace start, or after 00:00 UTC when the plan folds days
 * @param bindingUtilization   host demand / usable capacity at that step (1.0 = at the target utilization)
 * @param pinned               the plan request pins the VM to this host (a satisfied pin matches no constraint)
 * @param words                the explanation in sentences: size and peak, share of the host's busiest step, the
 *                             host's headroom, the rules that bind the VM, the nearest other host and why not there
 * @param shareOfHostLoad      this VM's share of its host's load at the binding step (0..1)
 * @param headroom             usable capacity minus load at the binding step, in headroomUnit
 * @param nearestOtherSlot     the nearest other active host (null when none)
 * @param nearestOtherWhyNot   why the VM is not there, in words (capacity at which step, or which rule)
 */
record ExplanationView(
        int vm,
        String vmName,
        int slot,
        String hostModel,
        String bindingResource,
        int bindingStep,
        long bindingOffsetSeconds,
        double bindingUtilization,
        List<String> matchedConstraints,
        boolean pinned,
        String words,
        double shareOfHostLoad,
        double headroom,
        String headroomUnit,
        Integer nearestOtherSlot,
        String nearestOtherWhyNot) {}
