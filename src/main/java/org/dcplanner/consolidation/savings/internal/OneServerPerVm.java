package org.dcplanner.consolidation.savings.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.simulation.PowerCurve;

/**
 * The "one service per server" estate: every VM on its own physical server, the smallest candidate
 * model (by CPU MHz, then memory, then peak watts) whose cores, CPU MHz and memory hold the VM's
 * configured size; a VM larger than every model gets the largest. Each server runs its VM's CPU trace
 * natively (no hypervisor) and draws its SPECpower curve at that utilization.
 * Cost: O(VMs x (models + steps)).
 */
final class OneServerPerVm {
    private OneServerPerVm() {}

    /** The sizing rule in words, as the savings report states it. */
    static final String RULE = "One physical server per VM: the smallest candidate model (by total CPU MHz, then "
            + "memory, then peak watts) whose cores, CPU MHz and memory hold the VM's configured size (a VM larger "
            + "than every model gets the largest); candidates are the built-in models unless beforeModels names others.";

    /**
     * @param modelCounts          servers per model id
     * @param vmsLargerThanAnyModel VMs whose configured size no candidate model holds
     * @param models               the models used, each once
     */
    record Estate(
            int servers,
            double averageItWatts,
            double peakItWatts,
            int rackUnits,
            double maintenanceUsdPerYear,
            Map<String, Integer> modelCounts,
            int vmsLargerThanAnyModel,
            List<HostModel> models) {}

    static Estate size(
            List<WorkloadVm> vms,
            float[][] cpuMhz,
            int steps,
            List<HostModel> candidates,
            MaintenanceRule maintenanceRule) {
        return size(
                vms,
                each -> {
                    for (WorkloadVm vm : vms) each.accept(cpuMhz[vm.index()], vm.index());
                },
                steps,
                candidates,
                maintenanceRule);
    }

    /**
     * The same with the CPU series handed over one VM at a time by {@code cpuSeries} (streamed from the store: a
     * month of 50,000 VMs is never in heap); a VM it never hands over idles at every step.
     */
    static Estate size(
            List<WorkloadVm> vms,
            Consumer<ObjIntConsumer<float[]>> cpuSeries,
            int steps,
            List<HostModel> candidates,
            MaintenanceRule maintenanceRule) {
        List<HostModel> bySize = new ArrayList<>(candidates);
        bySize.sort(Comparator.comparingDouble(HostModel::cpuMhz)
                .thenComparingDouble(HostModel::memoryMib)
                .thenComparingDouble(m -> m.powerWatts()[10])
                .thenComparing(HostModel::id));
        double[] watts = new double[steps];
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, HostModel> used = new TreeMap<>();
        int ru = 0, tooLarge = 0;
        double maintenance = 0;
        HostModel[] modelOf = new HostModel[vms.size()];
        for (WorkloadVm vm : vms) {
            HostModel m = bySize.stream().filter(h -> holds(h, vm)).findFirst().orElse(null);
            if (m == null) {
                tooLarge++;
                m = bySize.get(bySize.size() - 1);
            }
            counts.merge(m.id(), 1, Integer::sum);
            used.putIfAbsent(m.id(), m);
            ru += m.rackUnits();
            maintenance += maintenanceRule.usdPerYear(m);
            modelOf[vm.index()] = m;
        }
        boolean[] seen = new boolean[vms.size()];
        cpuSeries.accept((cpu, vm) -> {
            HostModel m = modelOf[vm];
            double[] curve = m.powerWatts();
            for (int t = 0; t < steps; t++) watts[t] += PowerCurve.watts(curve, cpu[t] / m.cpuMhz());
            seen[vm] = true;
        });
        for (int vm = 0; vm < seen.length; vm++) {
            if (seen[vm]) continue;
            double idle = PowerCurve.watts(modelOf[vm].powerWatts(), 0);
            for (int t = 0; t < steps; t++) watts[t] += idle;
        }
        double sum = 0, peak = 0;
        for (double w : watts) {
            sum += w;
            peak = Math.max(peak, w);
        }
        return new Estate(
                vms.size(),
                steps > 0 ? sum / steps : 0,
                peak,
                ru,
                maintenance,
                counts,
                tooLarge,
                List.copyOf(used.values()));
    }

    private static boolean holds(HostModel h, WorkloadVm vm) {
        return h.cores() >= vm.cores() && h.cpuMhz() >= vm.cpuMhz() && h.memoryMib() >= vm.memoryMib();
    }
}
