package org.dcplanner.consolidation.ingestion.format;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;
import org.dcplanner.consolidation.ingestion.source.TextLines;

/**
 * Google cluster-data 2019 {@code instance_usage} as a CSV export (BigQuery flattens
 * {@code average_usage.cpus} to {@code average_usage_cpus}; both spellings are read, other columns are
 * skipped). One instance ({@code collection_id-instance_index}) is one VM; a row is one usage window
 * starting at {@code start_time} (microseconds from the trace start). CPU MHz = average_usage.cpus
 * (normalized compute units) x {@link PublicTraceUnits#GOOGLE_MACHINE_MHZ}; memory MiB =
 * average_usage.memory x {@link PublicTraceUnits#GOOGLE_MACHINE_MEMORY_MIB}. An instance's rows must be in
 * time order (export with {@code ORDER BY collection_id, instance_index, start_time}).
 */
public final class GoogleParser implements TraceParser {
    static final List<String> COLUMNS =
            List.of("start_time", "collection_id", "instance_index", "average_usage_cpus", "average_usage_memory");
    private final long startEpochSeconds;

    /** @param start the instant of trace time 0 (null: 1970-01-01T00:00:00Z) */
    public GoogleParser(Instant start) {
        this.startEpochSeconds = start == null ? 0 : start.getEpochSecond();
    }

    @Override
    public void parse(String path, TextLines lines, ParsedTraces out) throws IOException {
        CsvTable table = new CsvTable(lines, COLUMNS, Set.copyOf(COLUMNS.subList(0, 4)), true);
        long[] rows = {0};
        table.forEachRow(row -> out.row(() -> {
            rows[0]++;
            String name = row.required("collection_id") + "-" + row.required("instance_index");
            VmTrace vm = out.vmAcrossFiles(name, path, false);
            long micros = (long) Fields.nonNegative(row.required("start_time"), path, row.line(), "start_time");
            float cpu = row.number("average_usage_cpus");
            float mem = row.number("average_usage_memory");
            vm.add(
                    startEpochSeconds + micros / 1_000_000,
                    Float.isNaN(cpu) ? cpu : (float) (cpu * PublicTraceUnits.GOOGLE_MACHINE_MHZ),
                    Float.isNaN(mem) ? mem : (float) (mem * PublicTraceUnits.GOOGLE_MACHINE_MEMORY_MIB),
                    Float.NaN,
                    Float.NaN,
                    out.warnings(),
                    row.line());
            out.countSamples((Float.isNaN(cpu) ? 0 : 1) + (Float.isNaN(mem) ? 0 : 1));
        }));
        if (rows[0] == 0)
            throw IngestProblems.invalid("empty-file", "The file has a header but no rows", path, 0, null);
    }
}
