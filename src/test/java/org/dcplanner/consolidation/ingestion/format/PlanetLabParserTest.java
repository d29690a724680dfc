package org.dcplanner.consolidation.ingestion.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcplanner.consolidation.ingestion.Problems.problemOf;

import java.time.Instant;
import org.dcplanner.consolidation.ingestion.Metric;
import org.junit.jupiter.api.Test;

class PlanetLabParserTest {
    private final ParsedTraces out = new ParsedTraces();

    @Test
    void readsOnePercentPerLineAt300sFromTheDayInThePath() throws Exception {
        new PlanetLabParser("upload.zip").parse("20110303/host_a slice", TraceText.of("x", "5\n17\n0\n"), out);

        RawVmTrace vm = out.vmsByName().get(0);
        assertThat(vm.name()).isEqualTo("host_a slice");
        assertThat(vm.cpuIsPercent()).isTrue();
        assertThat(vm.size()).isEqualTo(3);
        long day = Instant.parse("2011-03-03T00:00:00Z").getEpochSecond();
        assertThat(vm.timestamp(0)).isEqualTo(day);
        assertThat(vm.timestamp(2)).isEqualTo(day + 600);
        assertThat(vm.value(Metric.CPU, 1)).isEqualTo(17f);
        assertThat(vm.measured(Metric.MEMORY)).isFalse();
        assertThat(out.samples()).isEqualTo(3);
        assertThat(out.stepSecondsHint()).isEqualTo(300);
    }

    @Test
    void usesTheUploadNameForTheDayWhenThePathHasNone() throws Exception {
        new PlanetLabParser("20110306.zip").parse("vm1", TraceText.of("vm1", "1\n"), out);
        assertThat(out.vmsByName().get(0).timestamp(0)).isEqualTo(Instant.parse("2011-03-06T00:00:00Z").getEpochSecond());
    }

    @Test
    void refusesPercentAbove100WithLineAndField() {
        var p = problemOf(() -> new PlanetLabParser("u").parse("vm", TraceText.of("vm", "5\n101\n"), out));
        assertThat(p).containsEntry("type", "cpu-percent-above-100").containsEntry("status", 422)
                .containsEntry("file", "vm").containsEntry("line", 2L).containsEntry("field", "cpuPercent");
    }

    @Test
    void refusesNonNumericAndNegativeValues() {
        assertThat(problemOf(() -> new PlanetLabParser("u").parse("a", TraceText.of("a", "5\n6\nabc\n"), out)))
                .containsEntry("type", "non-numeric").containsEntry("line", 3L);
        assertThat(problemOf(() -> new PlanetLabParser("u").parse("b", TraceText.of("b", "-1\n"), out)))
                .containsEntry("type", "negative").containsEntry("line", 1L);
    }

    @Test
    void allowsTrailingBlankLinesButNotBlankLinesInside() throws Exception {
        new PlanetLabParser("u").parse("a", TraceText.of("a", "1\n2\n\n\n"), out);
        assertThat(out.vmsByName().get(0).size()).isEqualTo(2);
        assertThat(problemOf(() -> new PlanetLabParser("u").parse("b", TraceText.of("b", "1\n\n2\n"), out)))
                .containsEntry("type", "blank-line").containsEntry("line", 2L);
    }

    @Test
    void refusesTheSameVmTwice() throws Exception {
        new PlanetLabParser("u").parse("d1/vm", TraceText.of("d1/vm", "1\n"), out);
        assertThat(problemOf(() -> new PlanetLabParser("u").parse("d2/vm", TraceText.of("d2/vm", "1\n"), out)))
                .containsEntry("type", "duplicate-vm");
    }
}
