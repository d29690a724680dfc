package org.dcplanner.consolidation.ingestion.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;
import org.dcplanner.consolidation.ingestion.source.TextLines;

/**
 * VMware Aria Operations (vRealize Operations) statistics in the two CSV layouts its public tools write, told by the
 * header:
 * <ul>
 * <li><b>long</b>, PowerCLI {@code Get-OMStat | Export-Csv}: one row per VM ({@code Resource}), statistic key
 * ({@code Key}) and time ({@code Time}) with its {@code Value}; other columns are skipped;</li>
 * <li><b>wide</b>, the {@code vrops-export} tool's CSV: {@code timestamp,resName} then one column per exported
 * field, named by its statistic key ({@code cpu|usagemhz_average} ...), one row per VM and time.</li>
 * </ul>
 * Keys read: {@code cpu|usagemhz_average} (MHz), {@code mem|consumed_average} (KB), {@code disk|usage_average} and
 * {@code net|usage_average} (KBps); rows of other keys (long) are skipped and counted,
 * columns of other fields (wide) are ignored.
 */
public final class AriaParser implements TraceParser {
    static final List<String> LONG_COLUMNS = List.of("Resource", "Key", "Value", "Time");
    static final String WIDE_TIME = "timestamp";
    static final String WIDE_VM = "resName";

    /** True when a header line is one of the two Aria Operations layouts. */
    public static boolean isAriaHeader(String header) {
        Set<String> names = new java.util.HashSet<>();
        for (String n : header.split(",")) names.add(n.replace("\"", "").strip().toLowerCase(Locale.ROOT));
        return names.containsAll(Set.of(WIDE_TIME.toLowerCase(Locale.ROOT), WIDE_VM.toLowerCase(Locale.ROOT)))
                || names.containsAll(Set.of("resource", "key", "value", "time"));
    }

    @Override
    public void parse(String path, TextLines lines, ParsedTraces out) throws IOException {
        String first = lines.readLine();
        if (first == null) throw IngestProblems.invalid("empty-file", "The file is empty", path, 0, null);
        if (!first.startsWith("#TYPE")) lines.unread(first);
        parseWithoutTypeLine(path, lines, out);
    }

    /** Reads from the header on (an optional PowerShell {@code #TYPE} line already skipped). */
    void parseWithoutTypeLine(String path, TextLines lines, ParsedTraces out) throws IOException {
        String header = lines.readLine();
        if (header == null) throw IngestProblems.invalid("empty-file", "The file has no header", path, 1, null);
        lines.unread(header);
        boolean wide = header.toLowerCase(Locale.ROOT).contains("resname");
        long rows = wide ? wide(path, lines, out) : longLayout(path, lines, out);
        if (rows == 0) throw IngestProblems.invalid("empty-file", "The file has a header but no rows", path, 0, null);
    }

    private long longLayout(String path, TextLines lines, ParsedTraces out) {
        CsvTable table = new CsvTable(lines, LONG_COLUMNS, Set.copyOf(LONG_COLUMNS), true);
        long[] rows = {0};
        table.forEachRow(row -> out.row(() -> {
            rows[0]++;
            Metric metric = metric(row.get("Key"));
            if (metric == null) {
                out.warnings().add("skipped-statistics", 1, "%d rows of other statistic keys were skipped");
                return;
            }
            VmTrace vm = out.vmAcrossFiles(row.required("Resource"), path, false);
            add(out, vm, metric, row.number("Value"), timestamp(row.required("Time"), path, row.line(), "Time"), row);
        }));
        return rows[0];
    }

    private long wide(String path, TextLines lines, ParsedTraces out) {
        List<String> header = new ArrayList<>(List.of(WIDE_TIME, WIDE_VM));
        for (String key : KEYS) header.add(key);
        CsvTable table = new CsvTable(lines, header, Set.of(WIDE_TIME, WIDE_VM, CPU_KEY), true);
        long[] rows = {0};
        table.forEachRow(row -> out.row(() -> {
            rows[0]++;
            VmTrace vm = out.vmAcrossFiles(row.required(WIDE_VM), path, false);
            long t = timestamp(row.required(WIDE_TIME), path, row.line(), WIDE_TIME);
            for (String key : KEYS) {
                if (table.has(key)) add(out, vm, metric(key), row.number(key), t, row);
            }
        }));
        return rows[0];
    }

    private static void add(ParsedTraces out, VmTrace vm, Metric metric, float value, long t, CsvTable.Row row) {
        float v = metric == Metric.MEMORY && !Float.isNaN(value) ? value / 1024 : value;
        vm.addMetric(metric, t, v, row.line());
        if (!Float.isNaN(v)) out.countSamples(1);
    }

    static final String CPU_KEY = "cpu|usagemhz_average";
    private static final List<String> KEYS =
            List.of(CPU_KEY, "mem|consumed_average", "disk|usage_average", "net|usage_average");

    private static Metric metric(String key) {
        return switch (key.strip().toLowerCase(Locale.ROOT)) {
            case CPU_KEY -> Metric.CPU;
            case "mem|consumed_average" -> Metric.MEMORY;
            case "disk|usage_average" -> Metric.DISK;
            case "net|usage_average" -> Metric.NETWORK;
            default -> null;
        };
    }

    /** ISO-8601, epoch seconds or milliseconds, en-US {@code M/d/yyyy h:mm:ss AM}, or {@code yyyy-MM-dd HH:mm:ss} (UTC). */
    private static long timestamp(String text, String file, long line, String field) {
        if (text.length() == 19 && text.charAt(10) == ' ' && text.charAt(4) == '-') {
            try {
                return java.time.LocalDateTime.parse(text.replace(' ', 'T')).toEpochSecond(java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e) {
                throw IngestProblems.invalid(
                        "bad-timestamp",
                        "'" + Fields.abbreviate(text) + "' is not yyyy-MM-dd HH:mm:ss",
                        file,
                        line,
                        field);
            }
        }
        try {
            return VcenterParser.timestamp(text, file, line);
        } catch (org.dcplanner.consolidation.problem.ApiException e) {
            throw IngestProblems.invalid(
                    "bad-timestamp",
                    "'" + Fields.abbreviate(text) + "' is neither ISO-8601, epoch seconds or milliseconds,"
                            + " M/d/yyyy h:mm:ss AM nor yyyy-MM-dd HH:mm:ss",
                    file,
                    line,
                    field);
        }
    }
}
