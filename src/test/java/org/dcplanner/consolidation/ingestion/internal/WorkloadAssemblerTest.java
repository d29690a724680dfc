package org.dcplanner.consolidation.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcplanner.consolidation.ingestion.internal.Problems.problemOf;

import java.time.Instant;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.ingestion.format.InventoryRow;
import org.dcplanner.consolidation.ingestion.format.ParsedTraces;
import org.dcplanner.consolidation.ingestion.format.VmTrace;
import org.junit.jupiter.api.Test;

class WorkloadAssemblerTest {
    private final ParsedTraces parsed = new ParsedTraces(300, 1_000_000);
    private final WorkloadAssembler assembler = new WorkloadAssembler(IngestionProperties.defaults());

    private void cpu(VmTrace vm, long t, float v) {
        vm.add(t, v, Float.NaN, Float.NaN, Float.NaN, parsed.warnings(), 1);
    }

    @Test
    void alignsAveragingInsideAStepCarryingShortGapsAndZeroingLongOnes() {
        VmTrace a = parsed.newVm("a", "a", false);
        cpu(a, 1000, 10); // grid start = 900 (1000 rounded down to 300 s)
        cpu(a, 1100, 20); // same step as 1000 -> average 15
        cpu(a, 1300, 30); // step 1
        cpu(a, 2200, 40); // step 4: gap of 2 steps (2, 3) carried
        cpu(a, 3700, 50); // step 9: gap of 4 steps (5..8) zeroed
        VmTrace b = parsed.newVm("b", "b", false);
        cpu(b, 1300, 1);
        cpu(b, 1600, 2);

        AssembledWorkload w = assembler.assemble(parsed, Map.of(), VmProfile.DEFAULT);

        assertThat(w.grid()).isEqualTo(new TimeGrid(Instant.ofEpochSecond(900), 300, 10));
        assertThat(w.series().of(Metric.CPU, 0)).containsExactly(15, 30, 30, 30, 40, 0, 0, 0, 0, 50);
        assertThat(w.series().of(Metric.CPU, 1)).containsExactly(0, 1, 2, 0, 0, 0, 0, 0, 0, 0);
        var warnings = Map.of("gap-steps-carried", 2L, "gap-steps-zero", 4L, "outside-span-steps", 8L);
        warnings.forEach(
                (code, n) -> assertThat(w.warnings()).anyMatch(x -> x.code().equals(code) && x.count() == n));
    }

    @Test
    void memoryWithoutSamplesIsTheConfiguredMemoryAndPercentBecomesMhz() {
        VmTrace a = parsed.newVm("a", "a", true);
        cpu(a, 0, 50);
        cpu(a, 300, 25);
        var inventory =
                Map.of("a", new InventoryRow(2, "a", 2, 3000.0, 2048.0, null, true, WorkloadClass.DATABASE, "g"));

        AssembledWorkload w = assembler.assemble(parsed, inventory, VmProfile.DEFAULT);

        assertThat(w.series().of(Metric.CPU, 0)).containsExactly(1500, 750);
        assertThat(w.series().of(Metric.MEMORY, 0)).containsExactly(2048, 2048);
        assertThat(w.measured()).containsExactlyInAnyOrder(Metric.CPU, Metric.MEMORY);
        WorkloadVm vm = w.vms().get(0);
        assertThat(vm).isEqualTo(new WorkloadVm(0, "a", 2, 3000, 2048, "linux", true, WorkloadClass.DATABASE, "g"));
        assertThat(w.stats().get(Metric.CPU)[0].peak()).isEqualTo(1500);
    }

    @Test
    void sizesVmsWithoutInventoryOrTraceSizeByTheCloudSimProfileInNameOrder() {
        for (String name : new String[] {"e", "a", "c", "b", "d"}) cpu(parsed.newVm(name, name, true), 0, 100);
        AssembledWorkload w = assembler.assemble(parsed, Map.of(), VmProfile.CLOUDSIM);
        // 5 VMs: blocks of ceil(5/4) = 2 -> types 0,0,1,1,2
        assertThat(w.vms()).extracting(WorkloadVm::name).containsExactly("a", "b", "c", "d", "e");
        assertThat(w.vms()).extracting(WorkloadVm::cpuMhz).containsExactly(2500.0, 2500.0, 2000.0, 2000.0, 1000.0);
        assertThat(w.vms()).extracting(WorkloadVm::memoryMib).containsExactly(870.0, 870.0, 1740.0, 1740.0, 1740.0);
        assertThat(w.warnings()).anyMatch(x -> x.code().equals("size-from-profile") && x.count() == 5);
    }

    @Test
    void refusesAGridBeyondTheCellLimitWhenVmSpansAreFarApart() {
        cpu(parsed.newVm("a", "a", false), 0, 1);
        cpu(parsed.newVm("b", "b", false), 300L * 600_000_000, 1); // each VM spans 1 step, the grid 2 x 600M cells
        assertThat(problemOf(() -> assembler.assemble(parsed, Map.of(), VmProfile.DEFAULT)))
                .containsEntry("type", "grid-too-large")
                .containsEntry("field", "stepSeconds");
    }
}
