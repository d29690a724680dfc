package org.dcplanner.consolidation.ingestion.format;

import java.io.IOException;
import java.time.Instant;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;
import org.dcplanner.consolidation.ingestion.source.TextLines;

/**
 * Alibaba cluster-trace v2018, files as published (no header, commas). Each row's layout is told by its
 * field count: {@code container_usage} (11: container_id, machine_id, time_stamp, cpu_util_percent,
 * mem_util_percent, cpi, mem_gps, mpki, net_in, net_out, disk_io_percent), {@code container_meta} (8:
 * container_id, machine_id, time_stamp, app_du, status, cpu_request, cpu_limit, mem_size),
 * {@code machine_usage} (9: machine_id, time_stamp, cpu_util_percent, mem_util_percent, mem_gps, mkpi,
 * net_in, net_out, disk_io_percent) and {@code machine_meta} (7: machine_id, time_stamp,
 * failure_domain_1, failure_domain_2, cpu_num, mem_size, status). A container or machine is one VM; its
 * CPU and memory are percentages of its size: cores = cpu_limit / 100 (100 = one core) or cpu_num, MHz =
 * cores x {@link PublicTraceUnits#CORE_MHZ}, memory = mem_size % of {@link PublicTraceUnits#ALIBABA_MACHINE_MEMORY_MIB}.
 * time_stamp is seconds from the trace start.
 */
public final class AlibabaParser implements TraceParser {
    private static final String[] CONTAINER_USAGE = {
        "container_id",
        "machine_id",
        "time_stamp",
        "cpu_util_percent",
        "mem_util_percent",
        "cpi",
        "mem_gps",
        "mpki",
        "net_in",
        "net_out",
        "disk_io_percent"
    };
    private static final String[] CONTAINER_META = {
        "container_id", "machine_id", "time_stamp", "app_du", "status", "cpu_request", "cpu_limit", "mem_size"
    };
    private static final String[] MACHINE_USAGE = {
        "machine_id",
        "time_stamp",
        "cpu_util_percent",
        "mem_util_percent",
        "mem_gps",
        "mkpi",
        "net_in",
        "net_out",
        "disk_io_percent"
    };
    private static final String[] MACHINE_META = {
        "machine_id", "time_stamp", "failure_domain_1", "failure_domain_2", "cpu_num", "mem_size", "status"
    };
    private final long startEpochSeconds;

    /** @param start the instant of trace second 0 (null: 1970-01-01T00:00:00Z) */
    public AlibabaParser(Instant start) {
        this.startEpochSeconds = start == null ? 0 : start.getEpochSecond();
    }

    @Override
    public void parse(String path, TextLines lines, ParsedTraces out) throws IOException {
        long rows = new PositionalCsv(lines)
                .forEachRow(row -> out.row(() -> {
                    switch (row.fields()) {
                        case 11 -> usage(row, out, CONTAINER_USAGE, 0, 2);
                        case 9 -> usage(row, out, MACHINE_USAGE, 0, 1);
                        case 8 -> containerMeta(row, out);
                        case 7 -> machineMeta(row, out);
                        default ->
                            throw row.wrongLayout("11 (container_usage), 8 (container_meta), 9 (machine_usage) or 7"
                                    + " (machine_meta)");
                    }
                }));
        if (rows == 0) throw IngestProblems.invalid("empty-file", "The file has no rows", path, 0, null);
    }

    private void usage(PositionalCsv.Row row, ParsedTraces out, String[] names, int idField, int timeField) {
        VmTrace vm = out.vmAcrossFiles(row.text(idField, names[idField]), row.file(), true);
        vm.memoryInPercent();
        long t = startEpochSeconds + row.integer(timeField, names[timeField]);
        float cpu = row.percent(timeField + 1, names[timeField + 1]);
        float mem = row.percent(timeField + 2, names[timeField + 2]);
        vm.add(t, cpu, mem, Float.NaN, Float.NaN, out.warnings(), row.line());
        out.countSamples((Float.isNaN(cpu) ? 0 : 1) + (Float.isNaN(mem) ? 0 : 1));
    }

    private static void containerMeta(PositionalCsv.Row row, ParsedTraces out) {
        float limit = row.number(6, CONTAINER_META[6]);
        float memory = row.number(7, CONTAINER_META[7]);
        declare(row, out, row.text(0, CONTAINER_META[0]), Float.isNaN(limit) ? 0 : limit / 100.0, memory);
    }

    private static void machineMeta(PositionalCsv.Row row, ParsedTraces out) {
        declare(row, out, row.text(0, MACHINE_META[0]), row.number(4, MACHINE_META[4]), row.number(5, MACHINE_META[5]));
    }

    private static void declare(PositionalCsv.Row row, ParsedTraces out, String id, double cores, float memoryPercent) {
        Integer wholeCores = cores > 0 ? (int) Math.ceil(cores) : null;
        Double mhz = cores > 0 ? cores * PublicTraceUnits.CORE_MHZ : null;
        Double mib = memoryPercent > 0 ? memoryPercent / 100.0 * PublicTraceUnits.ALIBABA_MACHINE_MEMORY_MIB : null;
        out.declare(new InventoryRow(row.line(), id, wholeCores, mhz, mib, null, null, null, null));
    }
}
