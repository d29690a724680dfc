package org.dcplanner.consolidation.simulation.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dcplanner.consolidation.problem.ApiException;
import org.junit.jupiter.api.Test;

/** The approach comparison is refused, not attempted, when the trace it replays would not fit the heap. */
class ComparisonMemoryTest {
    private static final long GIB = 1L << 30;

    @Test
    void aFiftyThousandVmMonthIsRefusedOnTenGigabytes() {
        long cells = 50_000L * 8_640 * 2; // CPU + memory, the run that ran out of memory
        assertThatThrownBy(() -> ComparisonMemory.check(cells, 10 * GIB))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("does not fit this node's heap");
    }

    @Test
    void aFiveThousandVmDayFitsHalfAGigabyte() {
        assertThatCode(() -> ComparisonMemory.check(5_000L * 288 * 2, GIB / 2)).doesNotThrowAnyException();
    }

    @Test
    void unknownSizesAreAllowed() {
        assertThatCode(() -> ComparisonMemory.check(0, GIB / 2)).doesNotThrowAnyException();
    }
}
