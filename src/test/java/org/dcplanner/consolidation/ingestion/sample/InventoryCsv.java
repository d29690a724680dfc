package org.dcplanner.consolidation.ingestion.sample;

import java.util.List;
import java.util.Locale;
import org.dcplanner.consolidation.ingestion.WorkloadVm;

/**
 * The inventory CSV that may accompany any trace format: one row per VM with its configured size,
 * guest OS, paravirtualization capability (yes/no), workload class and anti-affinity group (empty
 * when none). Comma separated, UTF-8, LF line ends.
 */
final class InventoryCsv {
    static final String HEADER = "vm,cores,cpuMhz,memoryMib,guestOs,paravirtCapable,workloadClass,antiAffinityGroup";

    private InventoryCsv() {}

    static String write(List<WorkloadVm> vms) {
        var out = new StringBuilder(HEADER).append('\n');
        for (WorkloadVm vm : vms) {
            out.append(vm.name())
                    .append(',')
                    .append(vm.cores())
                    .append(',')
                    .append(DecimalText.fixed(vm.cpuMhz(), 0))
                    .append(',')
                    .append(DecimalText.fixed(vm.memoryMib(), 0))
                    .append(',')
                    .append(vm.guestOs() == null ? "" : vm.guestOs())
                    .append(',')
                    .append(vm.paravirtCapable() ? "yes" : "no")
                    .append(',')
                    .append(vm.workloadClass().name().toLowerCase(Locale.ROOT))
                    .append(',')
                    .append(vm.antiAffinityGroup() == null ? "" : vm.antiAffinityGroup())
                    .append('\n');
        }
        return out.toString();
    }
}
