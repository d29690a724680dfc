package org.dcplanner.consolidation.ingestion.format;

import java.util.Map;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;

/**
 * A workload from an RVTools export alone: one step holding each running VM's use at the moment of the export.
 * CPU MHz = vCPU Overall, else (with an assumed utilization) the VM's MHz x that share; memory MiB = vMemory
 * Consumed, else none (the VM's configured size then stands for it, as for any trace without memory).
 * Templates and VMs not powered on are left out.
 */
public final class RvToolsSnapshot {
    /** MHz per core when the VM's host is not in vHost: the default VM profile's clock. */
    static final double DEFAULT_CORE_MHZ = 2000;

    private RvToolsSnapshot() {}

    /**
     * @param epochSeconds      the step's time
     * @param assumedCpuPercent share of a VM's MHz it is taken to use when vCPU Overall is absent, or null (then a VM
     *                          without Overall is a row error naming the Overall cell)
     */
    public static void read(RvToolsInventory estate, long epochSeconds, Double assumedCpuPercent, ParsedTraces out) {
        long[] leftOut = {0};
        long[] assumed = {0};
        for (Map.Entry<String, InventoryRow> e : estate.vms().entrySet()) {
            String name = e.getKey();
            InventoryRow size = e.getValue();
            RvToolsInventory.VmUsage use = estate.usage().get(name);
            String power = estate.placement().get(name).powerState();
            if (use.template() || (power != null && !power.equalsIgnoreCase("poweredOn"))) {
                leftOut[0]++;
                continue;
            }
            out.row(() -> {
                float cpuMhz;
                if (use.overallCpuMhz() != null) {
                    cpuMhz = use.overallCpuMhz().floatValue();
                } else if (assumedCpuPercent != null && size.cores() != null) {
                    double vmMhz = size.cpuMhz() != null ? size.cpuMhz() : size.cores() * DEFAULT_CORE_MHZ;
                    cpuMhz = (float) (vmMhz * assumedCpuPercent / 100);
                    assumed[0]++;
                } else {
                    throw IngestProblems.invalid(
                            "missing-value",
                            "VM '" + name + "' has no vCPU Overall (MHz in use)"
                                    + (assumedCpuPercent == null
                                            ? "; pass assumedCpuPercent to size it as its MHz x that share"
                                            : " and no CPUs to size it by assumedCpuPercent"),
                            use.cpuFile(),
                            use.cpuLine(),
                            assumedCpuPercent == null ? "Overall" : "CPUs");
                }
                VmTrace vm = out.vmAcrossFiles(name, use.cpuFile(), false);
                vm.addMetric(Metric.CPU, epochSeconds, cpuMhz, use.cpuLine());
                out.countSamples(1);
                if (use.consumedMemoryMib() != null) {
                    vm.addMetric(
                            Metric.MEMORY, epochSeconds, use.consumedMemoryMib().floatValue(), use.cpuLine());
                    out.countSamples(1);
                }
            });
        }
        out.warnings()
                .add(
                        "snapshot",
                        1,
                        "A one-step snapshot of an RVTools export: each VM's use at the moment of the export, no time"
                                + " series (plans on it cannot measure multiplexing or be back-tested)");
        out.warnings()
                .add(
                        "snapshot-vms-left-out",
                        leftOut[0],
                        "%d templates or VMs not powered on in the RVTools export were left out");
        out.warnings()
                .add(
                        "snapshot-cpu-assumed",
                        assumed[0],
                        "%d VMs have no vCPU Overall; their CPU is their MHz x the assumedCpuPercent given");
    }
}
