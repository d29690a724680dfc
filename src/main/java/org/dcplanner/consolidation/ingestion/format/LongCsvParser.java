package org.dcplanner.consolidation.ingestion.format;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;
import org.dcplanner.consolidation.ingestion.source.TextLines;

/**
 * The generic long format: header {@code vm,timestamp,cpuMhz,memoryMib,diskKBps,networkKBps}
 * ({@code cpuPercent} may replace {@code cpuMhz}; memory, disk and network columns are optional and
 * empty cells are missing values). Timestamps are ISO-8601 instants or integer epoch seconds. Rows of
 * many VMs may interleave in any order, but each VM's rows are in time order. Integer timestamps of
 * 10^11 and more are taken as epoch milliseconds.
 */
public final class LongCsvParser implements TraceParser {
    static final List<String> COLUMNS =
            List.of("vm", "timestamp", "cpuMhz", "cpuPercent", "memoryMib", "diskKBps", "networkKBps");

    @Override
    public void parse(String path, TextLines lines, ParsedTraces out) throws IOException {
        CsvTable table = new CsvTable(lines, COLUMNS, Set.of("vm", "timestamp"));
        boolean percent = table.has("cpuPercent");
        if (percent == table.has("cpuMhz")) {
            throw IngestProblems.invalid(
                    "missing-column", "The header needs exactly one of cpuMhz or cpuPercent", path, 1, "cpuMhz");
        }
        long[] rows = {0};
        table.forEachRow(row -> out.row(() -> {
            rows[0]++;
            VmTrace vm = out.vm(vmName(row), path, percent);
            long t = epochSeconds(row.required("timestamp"), path, row.line());
            float cpu = percent ? percent(row) : row.number("cpuMhz");
            float mem = row.number("memoryMib");
            float disk = row.number("diskKBps");
            float net = row.number("networkKBps");
            vm.add(t, cpu, mem, disk, net, out.warnings(), row.line());
            out.countSamples(given(cpu) + given(mem) + given(disk) + given(net));
        }));
        if (rows[0] == 0)
            throw IngestProblems.invalid("empty-file", "The file has a header but no rows", path, 0, null);
    }

    private static String vmName(CsvTable.Row row) {
        String name = row.required("vm");
        if (name.indexOf('\0') >= 0 || name.length() > 512) {
            throw IngestProblems.invalid(
                    "bad-value",
                    "The VM name has a NUL character or is longer than 512 characters",
                    row.file(),
                    row.line(),
                    "vm");
        }
        return name;
    }

    private static float percent(CsvTable.Row row) {
        String v = row.get("cpuPercent");
        return v.isEmpty() ? Float.NaN : (float) Fields.percent(v, row.file(), row.line(), "cpuPercent");
    }

    private static int given(float v) {
        return Float.isNaN(v) ? 0 : 1;
    }

    /** Integer epoch seconds (values of 10^11 and more are taken as milliseconds), or an ISO-8601 instant. */
    static long epochSeconds(String text, String file, long line) {
        try {
            long integer = Fields.plainInteger(text);
            if (integer >= 0) return integer >= 100_000_000_000L ? integer / 1000 : integer;
            if (text.endsWith("Z") || text.endsWith("z"))
                return Instant.parse(text.toUpperCase()).getEpochSecond();
            return OffsetDateTime.parse(text).toEpochSecond();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw IngestProblems.invalid(
                    "bad-timestamp",
                    "'" + Fields.abbreviate(text) + "' is neither an ISO-8601"
                            + " instant (2026-01-05T00:00:00Z) nor epoch seconds",
                    file,
                    line,
                    "timestamp");
        }
    }
}
