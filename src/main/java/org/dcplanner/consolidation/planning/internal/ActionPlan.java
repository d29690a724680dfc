package org.dcplanner.consolidation.planning.internal;

import java.util.List;

/**
 * What an operator runs to go from one placement to another, in order: hosts powered on before they receive, live
 * migrations ordered so no host is over capacity at any step of the sizing grid after each one, hosts powered off
 * once emptied. Durations follow CloudSim's migration model (docs/overheads-and-power.md §3, L1: configured memory ÷
 * half the destination's network bandwidth), the migrations run one after another.
 *
 * @param actions the steps in order
 * @param totals  counts, data moved and duration of the whole sequence
 */
public record ActionPlan(List<Action> actions, Totals totals) {
    public ActionPlan {
        actions = List.copyOf(actions);
    }

    /** What a step does. */
    public enum Kind {
        /** Switch a host on (it receives VMs next). */
        POWER_ON,
        /** Live-migrate a VM from one host to another. */
        MIGRATE,
        /** Start a VM that runs nowhere today on its planned host. */
        PLACE,
        /** Switch off a host its last VM left. */
        POWER_OFF
    }

    /**
     * One step.
     *
     * @param order           1-based position in the sequence
     * @param vm              the VM's name (null for power steps)
     * @param fromHost        the host it leaves (migrations), or the host switched on/off
     * @param toHost          the host it goes to (migrations and placements)
     * @param memoryMib       memory copied (configured memory of the VM; 0 for power steps)
     * @param startSeconds    when it starts, seconds after the sequence starts
     * @param durationSeconds how long it takes (0 for power and place steps)
     * @param staging         a detour: the VM moves out of the way and moves again later (breaks a cycle of full hosts)
     * @param overCapacity    no order keeps every host within capacity: this step overloads its destination
     */
    public record Action(
            int order,
            Kind kind,
            String vm,
            String fromHost,
            String toHost,
            double memoryMib,
            double startSeconds,
            double durationSeconds,
            boolean staging,
            boolean overCapacity) {}

    /**
     * @param migrations      live migrations (detours included)
     * @param placements      VMs started on their planned host (they ran nowhere known)
     * @param memoryGib       memory copied by the migrations, GiB
     * @param durationSeconds the whole sequence, migrations one after another
     * @param powerOns        hosts switched on
     * @param powerOffs       hosts switched off
     */
    public record Totals(
            int migrations, int placements, double memoryGib, double durationSeconds, int powerOns, int powerOffs) {}
}
