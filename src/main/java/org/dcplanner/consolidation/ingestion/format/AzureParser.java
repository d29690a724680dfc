package org.dcplanner.consolidation.ingestion.format;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;
import org.dcplanner.consolidation.ingestion.source.TextLines;

/**
 * Azure Public Dataset V1 (2017) and V2 (2019), files as published (no header, commas; .gz parts are
 * read by the upload): {@code vm_cpu_readings-file-*-of-*.csv} rows are {@code timestamp,vmid,mincpu,
 * maxcpu,avgcpu} (seconds from the trace start, CPU % of the VM); {@code vmtable.csv} rows are
 * {@code vmid,subscriptionid,deploymentid,vmcreated,vmdeleted,maxcpu,avgcpu,p95maxcpu,vmcategory,
 * vmcorecount(bucket),vmmemory(bucket, GB)}. The layout of each row is told by its field count, so the
 * files may come in any order, in one archive. Demand = avgcpu % of the VM's MHz (cores x
 * {@link PublicTraceUnits#CORE_MHZ}); a VM category Delay-insensitive is class batch_io, Interactive web.
 */
public final class AzureParser implements TraceParser {
    private static final String[] READING = {"timestamp", "vmid", "mincpu", "maxcpu", "avgcpu"};
    private static final String[] VMTABLE = {
        "vmid",
        "subscriptionid",
        "deploymentid",
        "vmcreated",
        "vmdeleted",
        "maxcpu",
        "avgcpu",
        "p95maxcpu",
        "vmcategory",
        "vmcorecount",
        "vmmemory"
    };
    private final long startEpochSeconds;

    /** @param start the instant of trace second 0 (null: 1970-01-01T00:00:00Z) */
    public AzureParser(Instant start) {
        this.startEpochSeconds = start == null ? 0 : start.getEpochSecond();
    }

    @Override
    public void parse(String path, TextLines lines, ParsedTraces out) throws IOException {
        long rows = new PositionalCsv(lines)
                .forEachRow(row -> out.row(() -> {
                    if (row.fields() == READING.length) reading(row, out);
                    else if (row.fields() == VMTABLE.length) vmRow(row, out);
                    else throw row.wrongLayout("5 (vm_cpu_readings) or 11 (vmtable)");
                }));
        if (rows == 0) throw IngestProblems.invalid("empty-file", "The file has no rows", path, 0, null);
    }

    private void reading(PositionalCsv.Row row, ParsedTraces out) {
        long t = startEpochSeconds + row.integer(0, READING[0]);
        VmTrace vm = out.vmAcrossFiles(row.text(1, READING[1]), row.file(), true);
        float avg = row.percent(4, READING[4]);
        vm.add(t, avg, Float.NaN, Float.NaN, Float.NaN, out.warnings(), row.line());
        if (!Float.isNaN(avg)) out.countSamples(1);
    }

    private static void vmRow(PositionalCsv.Row row, ParsedTraces out) {
        int cores = (int) bucket(row, 9);
        double memoryGb = bucket(row, 10);
        if (cores <= 0 || memoryGb <= 0) {
            throw IngestProblems.invalid(
                    "zero-size",
                    "A VM of the vmtable needs cores and memory above 0",
                    row.file(),
                    row.line(),
                    cores <= 0 ? VMTABLE[9] : VMTABLE[10]);
        }
        String category = row.text(8, VMTABLE[8]).toLowerCase(Locale.ROOT);
        WorkloadClass cls = category.startsWith("delay")
                ? WorkloadClass.BATCH_IO
                : category.startsWith("interactive") ? WorkloadClass.WEB : null;
        out.declare(new InventoryRow(
                row.line(),
                row.text(0, VMTABLE[0]),
                cores,
                cores * PublicTraceUnits.CORE_MHZ,
                memoryGb * 1024,
                null,
                null,
                cls,
                null));
    }

    /** A V1 count or a V2 bucket such as {@code >24} (taken as its bound, 24). */
    private static double bucket(PositionalCsv.Row row, int i) {
        String v = row.text(i, VMTABLE[i]);
        if (v.startsWith(">")) v = v.substring(1).strip();
        return Fields.nonNegative(v, row.file(), row.line(), VMTABLE[i]);
    }
}
