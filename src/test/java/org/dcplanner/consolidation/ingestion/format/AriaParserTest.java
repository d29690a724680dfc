package org.dcplanner.consolidation.ingestion.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.internal.WorkloadFormat;
import org.dcplanner.consolidation.problem.ApiException;
import org.junit.jupiter.api.Test;

/** Aria Operations' two CSV layouts: Get-OMStat | Export-Csv (long) and vrops-export (wide). */
class AriaParserTest {
    private final ParsedTraces out = new ParsedTraces(300, 1_000_000).collectingRowErrors();
    private static final long T0 = Instant.parse("2026-01-05T00:00:00Z").getEpochSecond();

    @Test
    void longLayoutReadsOneKeyPerRowAndSkipsOtherKeys() throws Exception {
        String text = """
                "Resource","Key","Value","Time","IntervalType"
                "web-1","cpu|usagemhz_average","812","1/5/2026 12:00:00 AM","MINUTES"
                "web-1","cpu|usagemhz_average","790","1/5/2026 12:05:00 AM","MINUTES"
                "web-1","mem|consumed_average","2097152","1/5/2026 12:00:00 AM","MINUTES"
                "web-1","cpu|readyPct","1.5","1/5/2026 12:00:00 AM","MINUTES"
                "db-1","net|usage_average","40","2026-01-05T00:00:00Z","MINUTES"
                """;
        new AriaParser().parse("omstat.csv", TraceText.of("omstat.csv", text), out);
        out.rowErrors().throwIfAny();

        VmTrace web = out.vmsByName().get(1);
        assertThat(web.name()).isEqualTo("web-1");
        assertThat(web.firstSlot()).isEqualTo(T0 / 300);
        assertThat(web.slot(Metric.CPU, 0)).isEqualTo(812f);
        assertThat(web.slot(Metric.CPU, 1)).isEqualTo(790f);
        assertThat(web.slot(Metric.MEMORY, 0)).isEqualTo(2048f);
        assertThat(out.vmsByName().get(0).slot(Metric.NETWORK, 0)).isEqualTo(40f);
        assertThat(out.warnings().count("skipped-statistics")).isEqualTo(1);
        assertThat(FormatDetector.detect(null, text.lines().findFirst().orElseThrow()))
                .contains(WorkloadFormat.ARIA);
    }

    @Test
    void wideLayoutReadsAColumnPerKeyAndIgnoresOtherFields() throws Exception {
        String text = """
                timestamp,resName,cpu|usagemhz_average,mem|consumed_average,cpu|readyPct
                "2026-01-05 00:00:00","app 1","1200.5","1048576","2"
                "2026-01-05 00:05:00","app 1","1300","","3"
                "1767571500000","app-2","10","2048","0"
                """;
        new AriaParser().parse("export.csv", TraceText.of("export.csv", text), out);
        out.rowErrors().throwIfAny();

        VmTrace app = out.vmsByName().get(0);
        assertThat(app.name()).isEqualTo("app 1");
        assertThat(app.slot(Metric.CPU, 0)).isEqualTo(1200.5f);
        assertThat(app.slot(Metric.CPU, 1)).isEqualTo(1300f);
        assertThat(app.slot(Metric.MEMORY, 0)).isEqualTo(1024f);
        VmTrace other = out.vmsByName().get(1);
        assertThat(other.firstSlot()).as("epoch milliseconds").isEqualTo((T0 + 300) / 300);
        assertThat(out.samples()).isEqualTo(5);
        assertThat(FormatDetector.detect(null, text.lines().findFirst().orElseThrow()))
                .contains(WorkloadFormat.ARIA);
    }

    @Test
    void aGetOmStatFileBehindATypeLineIsReadAlsoAsVcenter() throws Exception {
        String text = """
                #TYPE VMware.VimAutomation.vROps.Views.OMStat
                "Resource","Key","Value","Time"
                "web-1","cpu|usagemhz_average","812","1/5/2026 12:00:00 AM"
                """;
        assertThat(FormatDetector.detect(null, text.lines().findFirst().orElseThrow()))
                .contains(WorkloadFormat.ARIA);
        new VcenterParser().parse("omstat.csv", TraceText.of("omstat.csv", text), out);
        assertThat(out.vmsByName().get(0).slot(Metric.CPU, 0)).isEqualTo(812f);
    }

    @Test
    void theWideLayoutNeedsItsCpuColumn() {
        String text = "timestamp,resName,mem|consumed_average\n\"2026-01-05 00:00:00\",\"a\",\"1\"\n";
        assertThatThrownBy(() -> new AriaParser().parse("export.csv", TraceText.of("export.csv", text), out))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.problem().getType().toString()).endsWith("missing-column");
                    assertThat(e.problem().getProperties()).containsEntry("field", "cpu|usagemhz_average");
                });
    }

    @Test
    void aBadTimeOrValueIsARowErrorNamingFileLineAndField() throws Exception {
        String text = """
                timestamp,resName,cpu|usagemhz_average
                "05.01.2026 00:00","a","1"
                "2026-01-05 00:05:00","a","lots"
                """;
        new AriaParser().parse("export.csv", TraceText.of("export.csv", text), out);
        assertThatThrownBy(() -> out.rowErrors().throwIfAny()).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.problem().getType().toString()).endsWith("bad-timestamp");
            assertThat(e.problem().getProperties())
                    .containsEntry("file", "export.csv")
                    .containsEntry("line", 2L)
                    .containsEntry("field", "timestamp")
                    .containsEntry("errorCount", 2L);
        });
    }
}
