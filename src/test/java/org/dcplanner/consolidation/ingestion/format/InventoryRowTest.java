package org.dcplanner.consolidation.ingestion.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.junit.jupiter.api.Test;

/** An inventory row over the sizes a trace declares itself (Azure's vmtable, Alibaba's meta): given fields win. */
class InventoryRowTest {
    @Test
    void eachFieldTheInventoryGivesWinsAndEachItLeavesEmptyComesFromTheTrace() {
        InventoryRow declared =
                new InventoryRow(7, "vm-1", 2, 4000.0, 8192.0, "linux", true, WorkloadClass.COMPUTE, "web", "front");
        InventoryRow partial = new InventoryRow(3, "vm-1", 4, null, 16384.0, null, false, null, null, "pair");
        assertThat(partial.over(declared))
                .isEqualTo(new InventoryRow(
                        3, "vm-1", 4, 4000.0, 16384.0, "linux", false, WorkloadClass.COMPUTE, "web", "pair"));
        InventoryRow empty = new InventoryRow(5, "vm-1", null, null, null, null, null, null, null, null);
        assertThat(empty.over(declared))
                .isEqualTo(new InventoryRow(
                        5, "vm-1", 2, 4000.0, 8192.0, "linux", true, WorkloadClass.COMPUTE, "web", "front"));
    }
}
