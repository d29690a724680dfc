package org.dcplanner.consolidation.ingestion.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcplanner.consolidation.ingestion.internal.Problems.problemOf;

import java.nio.charset.StandardCharsets;
import org.dcplanner.consolidation.ingestion.Metric;
import org.junit.jupiter.api.Test;

class LongCsvParserTest {
    private final ParsedTraces out = new ParsedTraces(300, 1_000_000);

    @Test
    void readsInterleavedVmsWithIsoAndEpochTimestampsAndEmptyCells() throws Exception {
        String text = """
                vm,timestamp,cpuMhz,memoryMib,diskKBps,networkKBps
                web-1,2026-01-05T00:00:00Z,100,512,,3
                "db,1",1767571200,50,1024,7,
                web-1,2026-01-05T00:05:00Z,120,,,
                """;
        new LongCsvParser().parse("w.csv", TraceText.of("w.csv", text), out);

        var vms = out.vmsByName();
        assertThat(vms).extracting(VmTrace::name).containsExactly("db,1", "web-1");
        VmTrace web = vms.get(1);
        assertThat(web.rows()).isEqualTo(2);
        assertThat(web.extent()).isEqualTo(2);
        assertThat(web.slot(Metric.CPU, 1)).isEqualTo(120f);
        assertThat(web.slot(Metric.MEMORY, 1)).isNaN();
        assertThat(web.measured(Metric.DISK)).isFalse();
        assertThat(vms.get(0).firstSlot()).isEqualTo(1767571200L / 300);
        assertThat(vms.get(0).slot(Metric.DISK, 0)).isEqualTo(7f);
        assertThat(out.samples()).isEqualTo(3 + 3 + 1);
    }

    @Test
    void takesLargeIntegerTimestampsAsMilliseconds() {
        assertThat(LongCsvParser.epochSeconds("1767571200000", "f", 2)).isEqualTo(1767571200L);
        assertThat(LongCsvParser.epochSeconds("1767571200", "f", 2)).isEqualTo(1767571200L);
        assertThat(LongCsvParser.epochSeconds("2026-01-05T01:00:00+01:00", "f", 2))
                .isEqualTo(1767571200L);
    }

    @Test
    void aScanCollectsIntervalsForTheMedianStepAndStops() throws Exception {
        ParsedTraces scan = ParsedTraces.scan(3);
        String text = "vm,timestamp,cpuMhz\na,0,1\nb,0,1\na,60,1\nb,60,1\na,120,1\nb,600,1\nb,660,1\n";
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new LongCsvParser().parse("s.csv", TraceText.of("s.csv", text), scan))
                .isInstanceOf(ParsedTraces.ScanComplete.class);
        assertThat(scan.medianInterval()).isEqualTo(60); // 60, 60, 60 seen before the scan stopped
    }

    @Test
    void convertsNothingYetForCpuPercentButRefusesAbove100() throws Exception {
        new LongCsvParser().parse("p.csv", TraceText.of("p.csv", "vm,timestamp,cpuPercent\na,0,50\n"), out);
        assertThat(out.vmsByName().get(0).cpuIsPercent()).isTrue();
        assertThat(problemOf(() -> new LongCsvParser()
                        .parse("q.csv", TraceText.of("q.csv", "vm,timestamp,cpuPercent\nb,0,50\nb,300,100.5\n"), out)))
                .containsEntry("type", "cpu-percent-above-100")
                .containsEntry("line", 3L)
                .containsEntry("field", "cpuPercent");
    }

    @Test
    void reportsHeaderProblems() {
        assertThat(problemOf(
                        () -> new LongCsvParser().parse("s.csv", TraceText.of("s.csv", "vm;timestamp;cpuMhz\n"), out)))
                .containsEntry("type", "wrong-separator")
                .containsEntry("line", 1L);
        assertThat(problemOf(
                        () -> new LongCsvParser().parse("u.csv", TraceText.of("u.csv", "vm,timestamp,cpu\n"), out)))
                .containsEntry("type", "unknown-column")
                .containsEntry("field", "cpu");
        assertThat(problemOf(() -> new LongCsvParser().parse("m.csv", TraceText.of("m.csv", "vm,cpuMhz\n"), out)))
                .containsEntry("type", "missing-column")
                .containsEntry("field", "timestamp");
    }

    @Test
    void reportsRowProblemsWithLineAndField() {
        String h = "vm,timestamp,cpuMhz,memoryMib\n";
        assertThat(problemOf(() ->
                        new LongCsvParser().parse("n.csv", TraceText.of("n.csv", h + "a,0,1,2\na,300,1,-2\n"), out)))
                .containsEntry("type", "negative")
                .containsEntry("line", 3L)
                .containsEntry("field", "memoryMib");
        assertThat(problemOf(
                        () -> new LongCsvParser().parse("t.csv", TraceText.of("t.csv", h + "b,yesterday,1,2\n"), out)))
                .containsEntry("type", "bad-timestamp")
                .containsEntry("line", 2L)
                .containsEntry("field", "timestamp");
        assertThat(problemOf(() ->
                        new LongCsvParser().parse("o.csv", TraceText.of("o.csv", h + "c,600,1,2\nc,300,1,2\n"), out)))
                .containsEntry("type", "unsorted-timestamps")
                .containsEntry("line", 3L);
        assertThat(problemOf(() -> new LongCsvParser().parse("f.csv", TraceText.of("f.csv", h + "d,600,1\n"), out)))
                .containsEntry("type", "field-count")
                .containsEntry("line", 2L);
    }

    @Test
    void reportsNonUtf8WithItsLine() {
        byte[] latin1 = "vm,timestamp,cpuMhz\na,0,1\nM\u00fcller,0,1\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problemOf(() -> new LongCsvParser().parse("l.csv", TraceText.of("l.csv", latin1), out)))
                .containsEntry("type", "non-utf8")
                .containsEntry("line", 3L)
                .containsEntry("file", "l.csv");
    }
}
