package org.dcplanner.consolidation.ingestion.format;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;
import org.dcplanner.consolidation.ingestion.source.TextLines;

/**
 * The optional inventory CSV: header {@code vm,cores,cpuMhz,memoryMib,guestOs,paravirtCapable,workloadClass,
 * antiAffinityGroup} (only {@code vm} required; empty cells fall back). {@code paravirtCapable} is
 * yes/no/true/false; {@code workloadClass} is compute|web|database|batch_io (any case); an empty group is none.
 */
public final class InventoryParser {
    static final List<String> COLUMNS = List.of(
            "vm", "cores", "cpuMhz", "memoryMib", "guestOs", "paravirtCapable", "workloadClass", "antiAffinityGroup");

    /** The rows by VM name, in file order. */
    public Map<String, InventoryRow> parse(TextLines lines) throws IOException {
        CsvTable table = new CsvTable(lines, COLUMNS, Set.of("vm"));
        Map<String, InventoryRow> rows = new LinkedHashMap<>();
        table.forEachRow(row -> {
            String vm = row.required("vm");
            InventoryRow r = new InventoryRow(
                    row.line(),
                    vm,
                    cores(row),
                    positive(row, "cpuMhz"),
                    positive(row, "memoryMib"),
                    blankToNull(row.get("guestOs")),
                    yesNo(row),
                    workloadClass(row),
                    blankToNull(row.get("antiAffinityGroup")));
            InventoryRow before = rows.putIfAbsent(vm, r);
            if (before != null) {
                throw IngestProblems.invalid(
                        "duplicate-vm",
                        "VM '" + vm + "' is listed twice (lines " + before.line() + " and " + row.line() + ")",
                        row.file(),
                        row.line(),
                        "vm");
            }
        });
        return rows;
    }

    private static Integer cores(CsvTable.Row row) {
        Double v = positive(row, "cores");
        if (v == null) return null;
        if (v != Math.rint(v)) {
            throw IngestProblems.invalid(
                    "non-integer", "cores must be a whole number", row.file(), row.line(), "cores");
        }
        return v.intValue();
    }

    private static Double positive(CsvTable.Row row, String column) {
        float v = row.number(column);
        if (Float.isNaN(v)) return null;
        if (v == 0) {
            throw IngestProblems.invalid("zero-size", column + " must be above 0", row.file(), row.line(), column);
        }
        return (double) v;
    }

    private static Boolean yesNo(CsvTable.Row row) {
        return switch (row.lower("paravirtCapable")) {
            case "" -> null;
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default ->
                throw IngestProblems.invalid(
                        "bad-value",
                        "paravirtCapable must be yes, no, true or false",
                        row.file(),
                        row.line(),
                        "paravirtCapable");
        };
    }

    private static WorkloadClass workloadClass(CsvTable.Row row) {
        String v = row.lower("workloadClass");
        if (v.isEmpty()) return null;
        try {
            return WorkloadClass.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw IngestProblems.invalid(
                    "bad-value",
                    "workloadClass must be compute, web, database or batch_io",
                    row.file(),
                    row.line(),
                    "workloadClass");
        }
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
