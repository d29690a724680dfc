package org.dcplanner.consolidation.savings.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.PlacedPlan;
import org.dcplanner.consolidation.planning.PlanLookup;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.simulation.PlacedPlans;
import org.dcplanner.consolidation.simulation.PlanPowerLookup;
import org.dcplanner.consolidation.simulation.PlanPowerLookup.PlanPower;
import org.springframework.stereotype.Service;

/**
 * The savings feature: before (one server per VM, or the uploaded current inventory) against after
 * (the plan's active hosts with replayed power), under documented, per-plan adjustable assumptions.
 */
@Service
public class SavingsService {
    static final String ONE_SERVER_PER_VM = "ONE_SERVER_PER_VM";
    static final String CURRENT_INVENTORY = "CURRENT_INVENTORY";
    static final String TODAYS_ESTATE = "TODAYS_ESTATE";
    static final String TODAYS_RULE =
            "Today's hosts in use (the RVTools estate the plan started from), each VM where it"
                    + " runs today, power replayed on the plan's workload like the plan's own hosts.";
    static final String CURRENT_RULE = "The uploaded current servers, each row's count, watts, rack units and "
            + "maintenance as given (a row without maintenance takes the override, else the fallback).";
    private final SavingsStore store;
    private final PlanLookup plans;
    private final WorkloadStore workloads;
    private final HostCatalog catalog;
    private final PlanPowerLookup simulation;
    private final OneServerPerVmCache beforeEstates;

    SavingsService(
            SavingsStore store,
            PlanLookup plans,
            WorkloadStore workloads,
            HostCatalog catalog,
            PlanPowerLookup simulation,
            OneServerPerVmCache beforeEstates) {
        this.store = store;
        this.plans = plans;
        this.workloads = workloads;
        this.catalog = catalog;
        this.simulation = simulation;
        this.beforeEstates = beforeEstates;
    }

    /**
     * @param baseline     null = the uploaded inventory if there is one, else today's estate for a plan made from
     *                     today's placement, else one server per VM
     * @param beforeModels null/empty = the built-in models as candidates for the one-server-per-VM estate
     */
    public SavingsReport report(
            UUID planId, Map<String, String> queryAssumptions, String baseline, List<String> beforeModels) {
        PlacedPlan plan = placed(planId);
        Map<String, Double> scenario = store.scenario(planId);
        SavingsAssumptions a = SavingsAssumptions.defaults().with(scenario).with(queryAssumptions);
        Map<String, String> sources = new LinkedHashMap<>();
        for (String n : SavingsAssumptions.NAMES) {
            sources.put(
                    n, queryAssumptions.containsKey(n) ? "query" : scenario.containsKey(n) ? "scenario" : "default");
        }
        MaintenanceRule maintenanceRule = MaintenanceRule.of(a);
        PlanPower power = simulation.planPower(planId);
        int ru = 0;
        double maintenance = 0;
        Map<String, MaintenanceInEffect> maintenanceByModel = new TreeMap<>();
        for (HostModel h : power.hosts()) {
            ru += h.rackUnits();
            maintenance += maintenanceRule.usdPerYear(h);
            maintenanceByModel.putIfAbsent(h.id(), MaintenanceInEffect.of(h, maintenanceRule));
        }
        EstateFigures after =
                EstateFigures.of(power.hosts().size(), power.averageItWatts(), power.peakItWatts(), ru, maintenance, a);
        List<CurrentServer> current = store.currentServers(planId);
        java.util.Optional<PlanPower> today = CURRENT_INVENTORY.equals(baseline) || ONE_SERVER_PER_VM.equals(baseline)
                ? java.util.Optional.empty()
                : simulation.todaysPower(planId);
        String base = baseline != null
                ? baseline
                : !current.isEmpty() ? CURRENT_INVENTORY : today.isPresent() ? TODAYS_ESTATE : ONE_SERVER_PER_VM;
        EstateFigures before;
        Map<String, Integer> modelCounts = Map.of();
        int tooLarge = 0;
        if (TODAYS_ESTATE.equals(base)) {
            PlanPower t = today.orElseThrow(() -> ApiException.unprocessable(
                    "not-from-current-placement",
                    "plan " + planId + " was not planned from today's placement: it has no today's estate to compare"
                            + " with"));
            int todayRu = 0;
            double todayMaintenance = 0;
            for (HostModel h : t.hosts()) {
                todayRu += h.rackUnits();
                todayMaintenance += maintenanceRule.usdPerYear(h);
                maintenanceByModel.putIfAbsent(h.id(), MaintenanceInEffect.of(h, maintenanceRule));
            }
            before = EstateFigures.of(
                    t.hosts().size(), t.averageItWatts(), t.peakItWatts(), todayRu, todayMaintenance, a);
        } else if (CURRENT_INVENTORY.equals(base)) {
            if (current.isEmpty())
                throw ApiException.unprocessable(
                        "no-current-inventory",
                        "no current-server inventory uploaded for plan " + planId
                                + " (PUT .../current-servers as CSV)");
            before = fromInventory(current, a, maintenanceRule);
        } else if (ONE_SERVER_PER_VM.equals(base)) {
            OneServerPerVm.Estate e = oneServerPerVm(plan, beforeModels, maintenanceRule);
            before = EstateFigures.of(
                    e.servers(), e.averageItWatts(), e.peakItWatts(), e.rackUnits(), e.maintenanceUsdPerYear(), a);
            modelCounts = e.modelCounts();
            tooLarge = e.vmsLargerThanAnyModel();
            for (HostModel m : e.models())
                maintenanceByModel.putIfAbsent(m.id(), MaintenanceInEffect.of(m, maintenanceRule));
        } else {
            throw ApiException.badRequest(
                            "baseline must be " + ONE_SERVER_PER_VM + ", " + CURRENT_INVENTORY + " or " + TODAYS_ESTATE)
                    .at(null, null, "baseline");
        }
        EstateFigures saved = before.minus(after);
        return new SavingsReport(
                planId,
                base,
                ONE_SERVER_PER_VM.equals(base)
                        ? OneServerPerVm.RULE
                        : TODAYS_ESTATE.equals(base) ? TODAYS_RULE : CURRENT_RULE,
                power.approach(),
                before,
                after,
                saved,
                percent(before, saved),
                modelCounts,
                tooLarge,
                power.fromStoredSimulation(),
                a,
                sources,
                maintenanceByModel,
                Investment.of(power.hosts(), a.hostsBoughtPercent(), saved.totalUsdPerYear()));
    }

    /** Saves the plan's scenario (validated against the defaults); returns the effective assumptions. */
    public SavingsAssumptions saveScenario(UUID planId, Map<String, Double> values) {
        placedOrExisting(planId);
        SavingsAssumptions effective = SavingsAssumptions.defaults().with(values);
        store.saveScenario(planId, values);
        return effective;
    }

    public Map<String, Double> scenario(UUID planId) {
        placedOrExisting(planId);
        return store.scenario(planId);
    }

    public List<CurrentServer> uploadCurrentServers(UUID planId, String fileName, String csv) {
        placedOrExisting(planId);
        List<CurrentServer> servers = CurrentServerCsv.parse(fileName, csv);
        store.replaceCurrentServers(planId, servers);
        return servers;
    }

    public List<CurrentServer> currentServers(UUID planId) {
        placedOrExisting(planId);
        return store.currentServers(planId);
    }

    public void deleteCurrentServers(UUID planId) {
        placedOrExisting(planId);
        store.deleteCurrentServers(planId);
    }

    private OneServerPerVm.Estate oneServerPerVm(
            PlacedPlan plan, List<String> beforeModels, MaintenanceRule maintenance) {
        // by default the built-in models: a plan's "before" must not change when someone adds a model to the catalog
        List<HostModel> candidates = beforeModels == null || beforeModels.isEmpty()
                ? catalog.builtIns()
                : beforeModels.stream()
                        .map(id -> catalog.find(id)
                                .orElseThrow(() -> ApiException.badRequest("unknown host model '" + id + "'")
                                        .at(null, null, "beforeModels")))
                        .toList();
        if (candidates.isEmpty()) throw ApiException.unprocessable("empty-catalog", "the host catalog is empty");
        return beforeEstates.get(plan.workloadId(), candidates, maintenance, () -> {
            // the VMs' sizes, then their CPU series streamed one VM at a time
            LoadedWorkload w = workloads.load(plan.workloadId(), EnumSet.noneOf(Metric.class));
            return OneServerPerVm.size(
                    w.vms(),
                    each -> workloads.forEachSeries(plan.workloadId(), Metric.CPU, each),
                    w.grid().steps(),
                    candidates,
                    maintenance);
        });
    }

    private static EstateFigures fromInventory(
            List<CurrentServer> servers, SavingsAssumptions a, MaintenanceRule rule) {
        int count = 0, ru = 0;
        double avg = 0, peak = 0, maintenance = 0;
        for (CurrentServer s : servers) {
            count += s.count();
            avg += s.count() * s.averageWatts();
            peak += s.count() * s.peakWatts(); // peaks assumed to coincide (no time series for current servers)
            ru += s.count() * s.rackUnits();
            maintenance += s.count() * rule.usdPerYear(s.yearlyMaintenanceUsd());
        }
        return EstateFigures.of(count, avg, peak, ru, maintenance, a);
    }

    private static Map<String, Double> percent(EstateFigures before, EstateFigures saved) {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("serverCount", pct(saved.serverCount(), before.serverCount()));
        p.put("itEnergyKWhPerYear", pct(saved.itEnergyKWhPerYear(), before.itEnergyKWhPerYear()));
        p.put("rackUnits", pct(saved.rackUnits(), before.rackUnits()));
        p.put("co2TonnesPerYear", pct(saved.co2TonnesPerYear(), before.co2TonnesPerYear()));
        p.put("totalUsdPerYear", pct(saved.totalUsdPerYear(), before.totalUsdPerYear()));
        return p;
    }

    private static double pct(double saved, double before) {
        return before > 0 ? 100 * saved / before : 0;
    }

    private PlacedPlan placed(UUID planId) {
        return PlacedPlans.require(plans, planId);
    }

    private void placedOrExisting(UUID planId) {
        if (!plans.exists(planId)) throw ApiException.notFound("plan", planId);
    }
}
