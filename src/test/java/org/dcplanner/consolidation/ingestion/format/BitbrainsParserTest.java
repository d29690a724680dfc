package org.dcplanner.consolidation.ingestion.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.dcplanner.consolidation.ingestion.internal.Problems.problemOf;

import org.dcplanner.consolidation.ingestion.Metric;
import org.junit.jupiter.api.Test;

class BitbrainsParserTest {
    static final String HEADER = String.join(";\t", BitbrainsParser.COLUMNS) + "\n";
    private final ParsedTraces out = new ParsedTraces(300, 1_000_000);

    static String row(
            long ts,
            int cores,
            double capMhz,
            double cpuMhz,
            double memCapKb,
            double memKb,
            double dr,
            double dw,
            double rx,
            double tx) {
        double pct = capMhz == 0 ? 0 : cpuMhz / capMhz * 100;
        return ts + ";\t" + cores + ";\t" + capMhz + ";\t" + cpuMhz + ";\t" + pct + ";\t" + memCapKb + ";\t" + memKb
                + ";\t" + dr + ";\t" + dw + ";\t" + rx + ";\t" + tx + "\n";
    }

    @Test
    void readsUsageInCanonicalUnitsAndSizeAsMaximumOverRows() throws Exception {
        String text = HEADER
                + row(1372629804, 2, 5851.9989, 87.78, 8218624, 1034592.8, 160.8, 21.7, 0.2, 1.4)
                + row(1372630104, 0, 0, 0, 0, 2048, 0, 0, 0, 0)
                + row(1372630404, 2, 5851.9989, 29.2, 9000000, 1024, 1, 2, 3, 4);
        new BitbrainsParser().parse("rnd/2013-7/1.csv", TraceText.of("1.csv", text), out);

        VmTrace vm = out.vmsByName().get(0);
        assertThat(vm.name()).isEqualTo("1");
        assertThat(vm.rows()).isEqualTo(3);
        assertThat(vm.firstSlot()).isEqualTo(1372629804L / 300);
        assertThat(vm.slot(Metric.CPU, 0)).isCloseTo(87.78f, within(1e-4f));
        assertThat(vm.slot(Metric.MEMORY, 0)).isCloseTo(1034592.8f / 1024, within(1e-3f));
        assertThat(vm.slot(Metric.DISK, 0)).isCloseTo(182.5f, within(1e-3f));
        assertThat(vm.slot(Metric.NETWORK, 2)).isEqualTo(7f);
        assertThat(vm.traceCores()).isEqualTo(2);
        assertThat(vm.traceCpuMhz()).isEqualTo(5851.9989);
        assertThat(vm.traceMemoryMib()).isEqualTo(9000000 / 1024.0);
        assertThat(out.warnings().count("zero-capacity-rows")).isEqualTo(1);
        assertThat(out.samples()).isEqualTo(12);
    }

    @Test
    void dropsExactDuplicatesAndKeepsRepeatedTimestampsWithOtherValues() throws Exception {
        String text = HEADER
                + row(100, 1, 2600, 10, 4, 4, 0, 0, 0, 0)
                + row(100, 1, 2600, 10, 4, 4, 0, 0, 0, 0)
                + row(100, 1, 2600, 20, 4, 4, 0, 0, 0, 0)
                + row(400, 1, 2600, 30, 4, 4, 0, 0, 0, 0);
        new BitbrainsParser().parse("20.csv", TraceText.of("20.csv", text), out);
        VmTrace vm = out.vmsByName().get(0);
        assertThat(vm.rows()).isEqualTo(3);
        assertThat(vm.slot(Metric.CPU, 0)).isEqualTo(15f); // 10 and 20 at the same timestamp, averaged
        assertThat(vm.slot(Metric.CPU, 1)).isEqualTo(30f);
        assertThat(out.warnings().count("duplicate-rows")).isEqualTo(1);
        assertThat(out.warnings().count("repeated-timestamps")).isEqualTo(1);
    }

    @Test
    void refusesTimestampsGoingBackwards() {
        String text = HEADER + row(400, 1, 2600, 10, 4, 4, 0, 0, 0, 0) + row(100, 1, 2600, 10, 4, 4, 0, 0, 0, 0);
        assertThat(problemOf(() -> new BitbrainsParser().parse("3.csv", TraceText.of("3.csv", text), out)))
                .containsEntry("type", "unsorted-timestamps")
                .containsEntry("line", 3L)
                .containsEntry("field", "timestamp");
    }

    @Test
    void namesTheColumnOfABadNumberAndReportsAWrongSeparator() {
        String bad = HEADER + row(100, 1, 2600, 10, 4, 4, 0, 0, 0, 0).replace("2600", "n/a");
        assertThat(problemOf(() -> new BitbrainsParser().parse("4.csv", TraceText.of("4.csv", bad), out)))
                .containsEntry("type", "non-numeric")
                .containsEntry("line", 2L)
                .containsEntry("field", "CPU capacity provisioned [MHZ]");
        String commas = HEADER.replace(";\t", ",");
        assertThat(problemOf(() -> new BitbrainsParser().parse("5.csv", TraceText.of("5.csv", commas), out)))
                .containsEntry("type", "wrong-separator")
                .containsEntry("line", 1L);
    }
}
