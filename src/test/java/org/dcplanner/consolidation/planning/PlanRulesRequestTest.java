package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.PlanRequest.HostGroup;
import org.dcplanner.consolidation.planning.PlanRequest.HostRuleSpec;
import org.dcplanner.consolidation.planning.PlanRequest.PoolEntry;
import org.dcplanner.consolidation.planning.PlanRequest.Rules;
import org.dcplanner.consolidation.planning.PlanRequest.Sizing;
import org.dcplanner.consolidation.planning.PlanRequest.VmGroup;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.junit.jupiter.api.Test;

/** Rules in the plan request: shape errors are 400 naming the field, unknown names and impossible sets 422. */
class PlanRulesRequestTest {
    private static final HostModel SMALL = TestCatalogs.model("small", 4, 1_000);
    private static final HostCatalog CATALOG = TestCatalogs.of(SMALL);
    private static final Sizing RAW = new Sizing(100.0, 0.0, false, 1, true);
    /** 4 VMs of up to 1,500 MHz on hosts of 4 x 1,000 MHz (two pool entries of 3 hosts). */
    private final LoadedWorkload trace = TestWorkloads.cpu(row(), row(), row(), row());

    private static float[] row() {
        return new float[] {100, 1500, 200};
    }

    private String vm(int i) {
        return trace.vms().get(i).name();
    }

    private PlanningProblem build(Rules rules) {
        return build(rules, trace);
    }

    private PlanningProblem build(Rules rules, LoadedWorkload trace) {
        PlanRequest r = new PlanRequest(
                        trace.id(),
                        null,
                        List.of(new PoolEntry("small", 3), new PoolEntry("small", 3)),
                        List.of(Metric.CPU),
                        RAW,
                        VirtualizationChoice.FULL,
                        null,
                        null,
                        null,
                        10,
                        Map.of(),
                        null,
                        null,
                        null,
                        rules,
                        null,
                        null)
                .validated(3600, 30);
        return PlanProblemFactory.build(r, trace, CATALOG, VirtualizationOverheadModel.withDefaults())
                .problem();
    }

    private static Map<String, Object> problem(Throwable t) {
        return ((ApiException) t).problem().getProperties();
    }

    private static int status(Throwable t) {
        return ((ApiException) t).problem().getStatus();
    }

    private Rules rule(String vmGroup, String hostGroup, HostRuleKind kind) {
        return new Rules(
                List.of(new VmGroup("pair", List.of(vm(0), vm(1)))),
                List.of(new VmGroup("db", List.of(vm(2), vm(3)))),
                List.of(new HostGroup("second-entry", List.of(1), null), new HostGroup("host-0", null, List.of(0))),
                List.of(new HostRuleSpec("r", vmGroup, hostGroup, kind)));
    }

    @Test
    void resolvesGroupsEntriesAndSlotsIntoTheProblem() {
        PlanningProblem p = build(rule("db", "second-entry", HostRuleKind.MUST_RUN_ON));
        assertThat(p.rules().affinityGroup()).containsExactly(0, 0, -1, -1);
        var r = p.rules().hostRules().get(0);
        assertThat(r.vms()).containsExactly(2, 3);
        assertThat(r.hostGroup()).containsExactly(false, false, false, true, true, true);
        assertThat(build(rule("pair", "host-0", HostRuleKind.SHOULD_NOT_RUN_ON))
                        .rules()
                        .hostRules()
                        .get(0)
                        .hostGroup())
                .containsExactly(true, false, false, false, false, false);
    }

    @Test
    void inventoryAffinityGroupsJoinTheRequestsAndHostRulesNameThem() {
        List<WorkloadVm> vms = new java.util.ArrayList<>(trace.vms());
        for (int i = 2; i < 4; i++) vms.set(i, vms.get(i).withGroups(null, "inventory-pair"));
        LoadedWorkload withInventory = new LoadedWorkload(trace.id(), trace.name(), trace.grid(), vms, trace.series());
        PlanningProblem p = build(rule("inventory-pair", "host-0", HostRuleKind.MUST_NOT_RUN_ON), withInventory);
        assertThat(p.rules().affinityGroup()).containsExactly(0, 0, 1, 1);
        assertThat(p.rules().hostRules().get(0).vms()).containsExactly(2, 3);
        // with no rules in the request the inventory's groups still bind
        assertThat(build(null, withInventory).rules().affinityGroup()).containsExactly(-1, -1, 0, 0);
    }

    @Test
    void shapeErrorsAre400NamingTheField() {
        Throwable noKind = catchThrowableOfType(ApiException.class, () -> build(rule("db", "host-0", null)));
        assertThat(status(noKind)).isEqualTo(400);
        assertThat(problem(noKind)).containsEntry("field", "rules.hostRules[0].kind");
        Rules badSlot = new Rules(null, null, List.of(new HostGroup("h", null, List.of(-1))), null);
        Throwable slot = catchThrowableOfType(ApiException.class, () -> build(badSlot));
        assertThat(status(slot)).isEqualTo(400);
        assertThat(problem(slot)).containsEntry("field", "rules.hostGroups[0].slots[0]");
        Rules emptyGroup = new Rules(null, List.of(new VmGroup("g", List.of())), null, null);
        assertThat(problem(catchThrowableOfType(ApiException.class, () -> build(emptyGroup))))
                .containsEntry("field", "rules.vmGroups[0].vms");
    }

    @Test
    void unknownNamesAre422NamingThem() {
        Throwable group =
                catchThrowableOfType(ApiException.class, () -> build(rule("nope", "host-0", HostRuleKind.MUST_RUN_ON)));
        assertThat(status(group)).isEqualTo(422);
        assertThat(problem(group)).containsEntry("field", "rules.hostRules[0].vmGroup");
        assertThat(problem(group).get("unknownNames")).isEqualTo(List.of("nope"));
        Throwable hosts =
                catchThrowableOfType(ApiException.class, () -> build(rule("db", "rack-z", HostRuleKind.MUST_RUN_ON)));
        assertThat(problem(hosts)).containsEntry("field", "rules.hostRules[0].hostGroup");
        Rules unknownVm = new Rules(null, List.of(new VmGroup("g", List.of(vm(0), "ghost"))), null, null);
        Throwable vms = catchThrowableOfType(ApiException.class, () -> build(unknownVm));
        assertThat(status(vms)).isEqualTo(422);
        assertThat(problem(vms).get("unknownNames")).isEqualTo(List.of("ghost"));
        Rules entry = new Rules(null, null, List.of(new HostGroup("h", List.of(2), null)), null);
        assertThat(status(catchThrowableOfType(ApiException.class, () -> build(entry))))
                .isEqualTo(422);
    }

    @Test
    void impossibleRuleSetsAre422BeforeSolving() {
        // the affinity pair peaks at 3,000 MHz together: fits one host; all four (6,000) do not
        Rules all = new Rules(List.of(new VmGroup("all", List.of(vm(0), vm(1), vm(2), vm(3)))), null, null, null);
        Throwable big = catchThrowableOfType(ApiException.class, () -> build(all));
        assertThat(status(big)).isEqualTo(422);
        assertThat(((ApiException) big).problem().getType().toString()).endsWith("rule-infeasible");
        // all four VMs (6,000 MHz at step 1) must run on host 0 alone (4,000 MHz)
        Rules crowded = new Rules(
                null,
                List.of(new VmGroup("four", List.of(vm(0), vm(1), vm(2), vm(3)))),
                List.of(new HostGroup("host-0", null, List.of(0))),
                List.of(new HostRuleSpec("crowd", "four", "host-0", HostRuleKind.MUST_RUN_ON)));
        Throwable small = catchThrowableOfType(ApiException.class, () -> build(crowded));
        assertThat(problem(small)).containsEntry("field", "rules.hostRules[0]").containsEntry("step", 1);
        // MUST RUN ON host 0 and MUST NOT RUN ON host 0: no host left
        Rules contradiction = new Rules(
                null,
                List.of(new VmGroup("one", List.of(vm(0)))),
                List.of(new HostGroup("host-0", null, List.of(0))),
                List.of(
                        new HostRuleSpec("on", "one", "host-0", HostRuleKind.MUST_RUN_ON),
                        new HostRuleSpec("off", "one", "host-0", HostRuleKind.MUST_NOT_RUN_ON)));
        assertThat(status(catchThrowableOfType(ApiException.class, () -> build(contradiction))))
                .isEqualTo(422);
        // an anti-affinity pair that must run on one host
        List<WorkloadVm> vms = new java.util.ArrayList<>(trace.vms());
        for (int i = 0; i < 2; i++) vms.set(i, vms.get(i).withGroups("replicas", null));
        LoadedWorkload replicas = new LoadedWorkload(trace.id(), trace.name(), trace.grid(), vms, trace.series());
        Rules onOneHost = new Rules(
                null,
                null,
                List.of(new HostGroup("host-0", null, List.of(0))),
                List.of(new HostRuleSpec("squeeze", "replicas", "host-0", HostRuleKind.MUST_RUN_ON)));
        Throwable room = catchThrowableOfType(ApiException.class, () -> build(onOneHost, replicas));
        assertThat(status(room)).isEqualTo(422);
        assertThat(((ApiException) room).getMessage()).contains("leave it 1 hosts");
    }
}
