package org.dcplanner.consolidation.ingestion.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcplanner.consolidation.ingestion.internal.Problems.problemOf;

import java.time.Instant;
import org.dcplanner.consolidation.ingestion.Metric;
import org.junit.jupiter.api.Test;

class PlanetLabParserTest {
    private final ParsedTraces out = new ParsedTraces(300, 1_000_000);

    @Test
    void readsOnePercentPerLineAt300sFromTheDayInThePath() throws Exception {
        new PlanetLabParser("upload.zip").parse("20110303/host_a slice", TraceText.of("x", "5\n17\n0\n"), out);

        VmTrace vm = out.vmsByName().get(0);
        assertThat(vm.name()).isEqualTo("host_a slice");
        assertThat(vm.cpuIsPercent()).isTrue();
        assertThat(vm.rows()).isEqualTo(3);
        assertThat(vm.extent()).isEqualTo(3);
        assertThat(vm.firstSlot() * 300)
                .isEqualTo(Instant.parse("2011-03-03T00:00:00Z").getEpochSecond());
        assertThat(vm.slot(Metric.CPU, 1)).isEqualTo(17f);
        assertThat(vm.slot(Metric.CPU, 2)).isEqualTo(0f);
        assertThat(vm.measured(Metric.MEMORY)).isFalse();
        assertThat(out.samples()).isEqualTo(3);
    }

    @Test
    void usesTheUploadNameForTheDayWhenThePathHasNone() throws Exception {
        new PlanetLabParser("20110306.zip").parse("vm1", TraceText.of("vm1", "1\n"), out);
        assertThat(out.vmsByName().get(0).firstSlot() * 300)
                .isEqualTo(Instant.parse("2011-03-06T00:00:00Z").getEpochSecond());
    }

    @Test
    void refusesPercentAbove100WithLineAndField() {
        var p = problemOf(() -> new PlanetLabParser("u").parse("vm", TraceText.of("vm", "5\n101\n"), out));
        assertThat(p)
                .containsEntry("type", "cpu-percent-above-100")
                .containsEntry("status", 422)
                .containsEntry("file", "vm")
                .containsEntry("line", 2L)
                .containsEntry("field", "cpuPercent");
    }

    @Test
    void refusesNonNumericAndNegativeValues() {
        assertThat(problemOf(() -> new PlanetLabParser("u").parse("a", TraceText.of("a", "5\n6\nabc\n"), out)))
                .containsEntry("type", "non-numeric")
                .containsEntry("line", 3L);
        assertThat(problemOf(() -> new PlanetLabParser("u").parse("b", TraceText.of("b", "-1\n"), out)))
                .containsEntry("type", "negative")
                .containsEntry("line", 1L);
    }

    @Test
    void allowsTrailingBlankLinesButNotBlankLinesInside() throws Exception {
        new PlanetLabParser("u").parse("a", TraceText.of("a", "1\n2\n\n\n"), out);
        assertThat(out.vmsByName().get(0).rows()).isEqualTo(2);
        assertThat(problemOf(() -> new PlanetLabParser("u").parse("b", TraceText.of("b", "1\n\n2\n"), out)))
                .containsEntry("type", "blank-line")
                .containsEntry("line", 2L);
    }

    @Test
    void averagesLinesIntoACoarserStep() throws Exception {
        ParsedTraces tenMinutes = new ParsedTraces(600, 1_000);
        new PlanetLabParser("u").parse("vm", TraceText.of("vm", "10\n20\n30\n"), tenMinutes);
        VmTrace vm = tenMinutes.vmsByName().get(0);
        assertThat(vm.extent()).isEqualTo(2);
        assertThat(vm.slot(Metric.CPU, 0)).isEqualTo(15f);
        assertThat(vm.slot(Metric.CPU, 1)).isEqualTo(30f);
    }

    @Test
    void refusesMoreStepsThanTheBudget() {
        assertThat(problemOf(() -> new PlanetLabParser("u")
                        .parse("vm", TraceText.of("vm", "1\n".repeat(11)), new ParsedTraces(300, 10))))
                .containsEntry("type", "grid-too-large")
                .containsEntry("field", "stepSeconds");
    }

    @Test
    void refusesTheSameVmTwice() throws Exception {
        new PlanetLabParser("u").parse("d1/vm", TraceText.of("d1/vm", "1\n"), out);
        assertThat(problemOf(() -> new PlanetLabParser("u").parse("d2/vm", TraceText.of("d2/vm", "1\n"), out)))
                .containsEntry("type", "duplicate-vm");
    }
}
