package org.dcplanner.consolidation.ingestion.format;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;
import org.dcplanner.consolidation.ingestion.source.TextLines;

/**
 * vCenter performance statistics as exported by PowerCLI ({@code Get-Stat -Entity (Get-VM) ... |
 * Sort-Object Entity,MetricId,Timestamp | Export-Csv}): header {@code Value,Timestamp,MetricId,Unit,
 * Description,Entity,EntityId,IntervalSecs,Instance,Uid} (an optional {@code #TYPE} first line; columns
 * beyond Value, Timestamp, MetricId, Entity and Instance are skipped). One row is one statistic of one VM
 * ({@code Entity}); read: {@code cpu.usagemhz.average} (MHz), {@code mem.consumed.average} (KB),
 * {@code disk.usage.average} and {@code net.usage.average} (KBps). Rows of other statistics or of one
 * device ({@code Instance} not empty) are skipped and counted. Each statistic of a VM must be in time
 * order. Timestamps: ISO-8601, or {@code M/d/yyyy h:mm:ss AM} / {@code M/d/yyyy H:mm:ss} taken as UTC.
 */
public final class VcenterParser implements TraceParser {
    static final List<String> COLUMNS = List.of("Value", "Timestamp", "MetricId", "Entity", "Instance");
    private static final DateTimeFormatter US_12H = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);
    private static final DateTimeFormatter US_24H = DateTimeFormatter.ofPattern("M/d/yyyy H:mm:ss", Locale.US);

    @Override
    public void parse(String path, TextLines lines, ParsedTraces out) throws IOException {
        String first = lines.readLine();
        boolean typeLine = first != null && first.startsWith("#TYPE");
        if (first != null && !typeLine) lines.unread(first);
        String header = typeLine ? lines.readLine() : first;
        if (header != null && typeLine) lines.unread(header);
        if (header != null && AriaParser.isAriaHeader(header)) {
            // a Get-OMStat export (Aria Operations) behind a #TYPE line that named no Aria type
            new AriaParser().parseWithoutTypeLine(path, lines, out);
            return;
        }
        CsvTable table = new CsvTable(lines, COLUMNS, Set.of("Value", "Timestamp", "MetricId", "Entity"), true);
        long[] rows = {0};
        table.forEachRow(row -> out.row(() -> {
            rows[0]++;
            Metric metric = metric(row.get("MetricId"));
            if (metric == null || !row.get("Instance").isEmpty()) {
                out.warnings()
                        .add(
                                "skipped-statistics",
                                1,
                                "%d rows of other statistics or of single devices"
                                        + " (Instance not empty) were skipped");
                return;
            }
            VmTrace vm = out.vmAcrossFiles(row.required("Entity"), path, false);
            float v = row.number("Value");
            if (metric == Metric.MEMORY && !Float.isNaN(v)) v /= 1024;
            vm.addMetric(metric, timestamp(row.required("Timestamp"), path, row.line()), v, row.line());
            if (!Float.isNaN(v)) out.countSamples(1);
        }));
        if (rows[0] == 0)
            throw IngestProblems.invalid("empty-file", "The file has a header but no rows", path, 0, null);
    }

    private static Metric metric(String id) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "cpu.usagemhz.average" -> Metric.CPU;
            case "mem.consumed.average" -> Metric.MEMORY;
            case "disk.usage.average" -> Metric.DISK;
            case "net.usage.average" -> Metric.NETWORK;
            default -> null;
        };
    }

    static long timestamp(String text, String file, long line) {
        if (text.indexOf('/') < 0) return LongCsvParser.epochSeconds(text, file, line);
        for (DateTimeFormatter f : new DateTimeFormatter[] {US_12H, US_24H}) {
            try {
                return LocalDateTime.parse(text, f).toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // try the next pattern
            }
        }
        throw IngestProblems.invalid(
                "bad-timestamp",
                "'" + Fields.abbreviate(text) + "' is neither ISO-8601 nor" + " M/d/yyyy h:mm:ss AM",
                file,
                line,
                "Timestamp");
    }
}
