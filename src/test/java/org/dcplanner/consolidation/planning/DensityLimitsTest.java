package org.dcplanner.consolidation.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.inventory.HostCatalog;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.planning.PlanRequest.Limits;
import org.dcplanner.consolidation.planning.PlanRequest.PoolEntry;
import org.dcplanner.consolidation.planning.PlanRequest.Sizing;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory.BuiltProblem;
import org.dcplanner.consolidation.planning.solver.OptaPlannerConsolidationSolver;
import org.dcplanner.consolidation.planning.solver.PlanningResult;
import org.dcplanner.consolidation.planning.solver.SolveOptions;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem;
import org.dcplanner.consolidation.planning.solver.domain.PlanningProblem.LimitRow;
import org.dcplanner.consolidation.planning.solver.start.LowerBounds;
import org.dcplanner.consolidation.problem.ApiException;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.junit.jupiter.api.Test;

/** vCPU:pCPU ratio, memory overcommit and VMs per host: rows the solver, lower bound and baselines all honour. */
class DensityLimitsTest {
    private static final HostModel BIG = TestCatalogs.model("big", 4, 10_000);
    private static final HostCatalog CATALOG = TestCatalogs.of(BIG);
    private static final Sizing RAW = new Sizing(100.0, 0.0, false, 1, true);
    /** 6 small VMs of 2 vCPUs (TestWorkloads.vm): CPU and memory alone would fit them all on one host. */
    private final LoadedWorkload trace = TestWorkloads.cpu(row(), row(), row(), row(), row(), row());

    private static float[] row() {
        return new float[] {100, 200, 150};
    }

    private BuiltProblem build(Limits pool, Limits entry) {
        PlanRequest r = new PlanRequest(
                        trace.id(),
                        null,
                        List.of(new PoolEntry("big", 6, entry)),
                        List.of(Metric.CPU, Metric.MEMORY),
                        RAW,
                        VirtualizationChoice.FULL,
                        null,
                        null,
                        null,
                        10,
                        Map.of(),
                        null,
                        null,
                        pool,
                        null,
                        null,
                        null)
                .validated(3600, 30);
        return PlanProblemFactory.build(r, trace, CATALOG, VirtualizationOverheadModel.withDefaults());
    }

    private static PlanningResult solve(PlanningProblem p) {
        return new OptaPlannerConsolidationSolver()
                .solve(p, new SolveOptions(Duration.ofSeconds(2), () -> false, x -> {}));
    }

    @Test
    void withoutLimitsTheProblemHasOnlyItsMetricRows() {
        PlanningProblem p = build(null, null).problem();
        assertThat(p.limitRows()).isEmpty();
        assertThat(p.demand().length).isEqualTo(2);
        assertThat(solve(p).hostsUsed()).isEqualTo(1);
    }

    @Test
    void vcpuRatioAndVmsPerHostBindTheBoundTheBaselinesAndThePlan() {
        // 2 vCPUs per VM on 4 cores at 1.5 vCPU per core: 6 vCPUs, so 3 VMs a host; the entry caps VMs at 2
        PlanningProblem p =
                build(new Limits(1.5, null, null), new Limits(null, null, 2)).problem();
        assertThat(p.limitRows()).containsExactly(LimitRow.VCPUS, LimitRow.VMS);
        assertThat(p.slots().get(0).capacity()).containsExactly(40_000, 8192, 6, 2);
        assertThat(p.demand()[2][0]).containsOnly(2f);
        assertThat(p.demand()[3][5]).containsOnly(1f);
        assertThat(LowerBounds.lowerBoundHosts(p)).isEqualTo(3);
        PlanningResult r = solve(p);
        assertThat(r.feasible()).isTrue();
        assertThat(r.hostsUsed()).isEqualTo(3);
        assertThat(r.timeSeriesFfdHosts()).isEqualTo(3);
        assertThat(r.peakFfdHosts()).isEqualTo(3);
    }

    @Test
    void memoryOvercommitScalesTheUsableMemory() {
        PlanningProblem p = build(new Limits(null, 1.5, null), null).problem();
        assertThat(p.limitRows()).isEmpty();
        assertThat(p.slots().get(0).capacity()[1]).isEqualTo(8192 * 1.5);
        assertThat(build(new Limits(null, 0.5, null), null)
                        .problem()
                        .slots()
                        .get(0)
                        .capacity()[1])
                .isEqualTo(4096);
    }

    @Test
    void limitsOutOfRangeAreRefusedNamingTheField() {
        assertThatThrownBy(() -> build(new Limits(0.0, null, null), null))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("limits.vcpuPerCore");
        assertThatThrownBy(() -> build(null, new Limits(null, 5.0, null)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("hostPool[0].limits.memoryOvercommit");
        assertThatThrownBy(() -> build(null, new Limits(null, null, 0)))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("hostPool[0].limits.maxVmsPerHost");
    }
}
