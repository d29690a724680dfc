package org.dcplanner.consolidation.ingestion.format;

import java.io.IOException;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;
import org.dcplanner.consolidation.ingestion.source.TextLines;
import org.dcplanner.consolidation.ingestion.source.TraceSource;

/**
 * Bitbrains GWA-T-12 per-VM files: a header and rows of 11 fields separated by {@code ;} and a TAB.
 * "Timestamp [ms]" holds epoch seconds in the published files (values of 10^11 and more are taken as
 * milliseconds). Used: CPU usage [MHZ]; memory usage [KB] / 1024 as MiB; disk read + write KB/s; network
 * received + transmitted KB/s. The VM's size is the maximum cores, provisioned MHz and provisioned memory
 * over its rows; rows stating 0 cores / 0 MHz keep their usage values and are counted as a warning.
 * The redundant "CPU usage [%]" must agree with 100 x usage MHz / provisioned MHz within
 * {@value #CPU_PERCENT_TOLERANCE} percentage point (the published files agree to 10^-14); a row where they
 * contradict each other is refused, naming the file, line and field.
 */
public final class BitbrainsParser implements TraceParser {
    static final String[] COLUMNS = {
        "Timestamp [ms]",
        "CPU cores",
        "CPU capacity provisioned [MHZ]",
        "CPU usage [MHZ]",
        "CPU usage [%]",
        "Memory capacity provisioned [KB]",
        "Memory usage [KB]",
        "Disk read throughput [KB/s]",
        "Disk write throughput [KB/s]",
        "Network received throughput [KB/s]",
        "Network transmitted throughput [KB/s]"
    };
    /** Largest accepted gap, in percentage points, between CPU usage [%] and 100 x usage MHz / provisioned MHz. */
    static final double CPU_PERCENT_TOLERANCE = 1.0;

    private final String[] cells = new String[COLUMNS.length];

    @Override
    public void parse(String path, TextLines lines, ParsedTraces out) throws IOException {
        String header = lines.readLine();
        if (header == null) throw IngestProblems.invalid("empty-file", "The file is empty", path, 0, null);
        if (split(header, path, 1) != COLUMNS.length || !cells[0].startsWith("Timestamp")) {
            throw IngestProblems.invalid(
                    "bad-header",
                    "Line 1 is not the GWA-T-12 header (" + COLUMNS.length + " columns starting with 'Timestamp [ms]')",
                    path,
                    1,
                    null);
        }
        String name = TraceSource.baseName(path).replaceFirst("(?i)\\.csv$", "");
        VmTrace vm = out.newVm(name, path, false);
        long rows = 0;
        long[] zeroCapacity = {0};
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) continue;
            long n = lines.lineNumber();
            if (split(line, path, n) != COLUMNS.length) {
                throw IngestProblems.invalid(
                        "field-count",
                        "Line " + n + " has a different number of fields than the " + COLUMNS.length + " of the header",
                        path,
                        n,
                        null);
            }
            out.row(() -> {
                double ts = number(0, path, n);
                long epochSeconds = (long) (ts >= 1e11 ? ts / 1000 : ts);
                int cores = (int) number(1, path, n);
                double capacityMhz = number(2, path, n);
                float cpuMhz = (float) number(3, path, n);
                checkCpuPercent(number(4, path, n), number(3, path, n), capacityMhz, path, n);
                double memCapacityKb = number(5, path, n);
                float memMib = (float) (number(6, path, n) / 1024);
                float disk = (float) (number(7, path, n) + number(8, path, n));
                float net = (float) (number(9, path, n) + number(10, path, n));
                if (cores == 0 || capacityMhz == 0) zeroCapacity[0]++;
                vm.sizeSeen(cores, capacityMhz, memCapacityKb / 1024);
                vm.add(epochSeconds, cpuMhz, memMib, disk, net, out.warnings(), n);
            });
            rows++;
        }
        if (rows == 0) throw IngestProblems.invalid("empty-file", "The file has a header but no rows", path, 0, null);
        vm.finish();
        out.countSamples(rows * 4);
        out.warnings()
                .add(
                        "zero-capacity-rows",
                        zeroCapacity[0],
                        "%d rows state 0 cores or 0 MHz capacity; their usage"
                                + " was kept and the VM's size comes from its other rows");
    }

    private static void checkCpuPercent(double percent, double usageMhz, double capacityMhz, String path, long line) {
        if (capacityMhz <= 0) return; // nothing to compare with (counted as a zero-capacity row)
        double implied = 100 * usageMhz / capacityMhz;
        if (Math.abs(percent - implied) > CPU_PERCENT_TOLERANCE) {
            throw IngestProblems.invalid(
                    "contradicting-columns",
                    String.format(
                            java.util.Locale.ROOT,
                            "Line %d: CPU usage [%%] is %.3f but CPU usage [MHZ] / CPU capacity provisioned [MHZ] = %.3f / %.3f"
                                    + " means %.3f %%; they may differ by at most %.1f percentage point",
                            line,
                            percent,
                            usageMhz,
                            capacityMhz,
                            implied,
                            CPU_PERCENT_TOLERANCE),
                    path,
                    line,
                    COLUMNS[4]);
        }
    }

    private double number(int column, String path, long line) {
        return Fields.nonNegative(cells[column], path, line, COLUMNS[column]);
    }

    /** Splits on ';' (the TAB after it is whitespace the number parser ignores); returns the field count. */
    private int split(String line, String path, long lineNumber) {
        int count = 0;
        int from = 0;
        while (true) {
            int sep = line.indexOf(';', from);
            int end = sep < 0 ? line.length() : sep;
            int begin = from;
            while (begin < end && line.charAt(begin) <= ' ') begin++;
            while (end > begin && line.charAt(end - 1) <= ' ') end--;
            if (count < cells.length) cells[count] = line.substring(begin, end);
            count++;
            if (sep < 0) break;
            from = sep + 1;
        }
        if (count == 1) {
            throw IngestProblems.invalid(
                    "wrong-separator",
                    "Line " + lineNumber + " has no ';' separator; GWA-T-12 files"
                            + " separate fields with ';' and a TAB",
                    path,
                    lineNumber,
                    null);
        }
        return count;
    }
}
