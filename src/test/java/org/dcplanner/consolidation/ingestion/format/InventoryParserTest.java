package org.dcplanner.consolidation.ingestion.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcplanner.consolidation.ingestion.internal.Problems.problemOf;

import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.junit.jupiter.api.Test;

class InventoryParserTest {
    @Test
    void readsAllColumnsWithFallbacksForEmptyCells() throws Exception {
        String text = """
                vm,cores,cpuMhz,memoryMib,guestOs,paravirtCapable,workloadClass,antiAffinityGroup
                a,4,8000,16384,windows,yes,Database,g1
                b,,,,,,,
                """;
        var rows = new InventoryParser().parse(TraceText.of("inv.csv", text));
        assertThat(rows.get("a"))
                .isEqualTo(new InventoryRow(2, "a", 4, 8000.0, 16384.0, "windows", true, WorkloadClass.DATABASE, "g1"));
        assertThat(rows.get("b")).isEqualTo(new InventoryRow(3, "b", null, null, null, null, null, null, null));
    }

    @Test
    void namesTheLineAndFieldOfBadValues() {
        String h = "vm,paravirtCapable,workloadClass,cores\n";
        assertThat(problemOf(() -> new InventoryParser().parse(TraceText.of("i.csv", h + "a,maybe,web,1\n"))))
                .containsEntry("type", "bad-value")
                .containsEntry("line", 2L)
                .containsEntry("field", "paravirtCapable");
        assertThat(problemOf(() -> new InventoryParser().parse(TraceText.of("i.csv", h + "a,no,gpu,1\n"))))
                .containsEntry("field", "workloadClass");
        assertThat(problemOf(() -> new InventoryParser().parse(TraceText.of("i.csv", h + "a,no,web,1.5\n"))))
                .containsEntry("type", "non-integer")
                .containsEntry("field", "cores");
        assertThat(problemOf(() -> new InventoryParser().parse(TraceText.of("i.csv", h + "a,no,web,1\na,no,web,2\n"))))
                .containsEntry("type", "duplicate-vm")
                .containsEntry("line", 3L);
    }
}
