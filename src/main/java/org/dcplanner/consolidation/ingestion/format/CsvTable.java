package org.dcplanner.consolidation.ingestion.format;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;
import org.dcplanner.consolidation.ingestion.source.TextLines;
import org.dcplanner.consolidation.problem.ApiException;

/**
 * A comma-separated file with a header row (RFC 4180 quoting, read with FastCSV over strict UTF-8 text):
 * checks the header against the allowed columns and hands out data rows with their line numbers.
 */
final class CsvTable {
    private final String file;
    private final Map<String, Integer> columns = new HashMap<>();
    private final Iterator<CsvRecord> records;
    private final boolean ignoreUnknown;
    private int width;

    /**
     * @param allowed  column names accepted (case-insensitive), in their canonical spelling
     * @param required columns that must be present
     */
    CsvTable(TextLines text, List<String> allowed, Set<String> required) {
        this(text, allowed, required, false);
    }

    /**
     * @param ignoreUnknown true: columns not in {@code allowed} are skipped (exports with many columns,
     *                      e.g. BigQuery or PowerCLI), false: they are refused (422 {@code unknown-column})
     */
    CsvTable(TextLines text, List<String> allowed, Set<String> required, boolean ignoreUnknown) {
        this.ignoreUnknown = ignoreUnknown;
        this.file = text.file();
        this.records = CsvReader.builder()
                .fieldSeparator(',')
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .ofCsvRecord(text)
                .iterator();
        readHeader(allowed, required);
    }

    private void readHeader(List<String> allowed, Set<String> required) {
        CsvRecord header = next();
        if (header == null) throw IngestProblems.invalid("empty-file", "The file is empty", file, 0, null);
        width = header.getFieldCount();
        String first = header.getField(0);
        if (width == 1 && (first.contains(";") || first.contains("\t") || first.contains("|"))) {
            throw IngestProblems.invalid(
                    "wrong-separator", "The header is not comma-separated; separate fields with ','", file, 1, null);
        }
        for (int i = 0; i < width; i++) {
            String name = header.getField(i).strip();
            // BigQuery flattens nested fields with '_' where the schema writes '.', e.g. average_usage.cpus
            String flat = name.replace('.', '_');
            java.util.Optional<String> match = allowed.stream()
                    .filter(a -> a.equalsIgnoreCase(name) || a.equalsIgnoreCase(flat))
                    .findFirst();
            if (match.isEmpty() && ignoreUnknown) continue;
            String canonical = match.orElseThrow(() -> IngestProblems.invalid(
                    "unknown-column",
                    "Unknown column '" + name + "'; allowed: " + String.join(", ", allowed),
                    file,
                    1,
                    name));
            if (columns.putIfAbsent(canonical, i) != null) {
                throw IngestProblems.invalid("duplicate-column", "Column '" + name + "' appears twice", file, 1, name);
            }
        }
        for (String r : required) {
            if (!columns.containsKey(r)) {
                throw IngestProblems.invalid("missing-column", "The header has no '" + r + "' column", file, 1, r);
            }
        }
    }

    boolean has(String column) {
        return columns.containsKey(column);
    }

    /** Calls the consumer for each data row; field-count mismatches are 422 naming the line. */
    void forEachRow(Consumer<Row> consumer) {
        CsvRecord rec;
        while ((rec = next()) != null) {
            if (rec.getFieldCount() != width) {
                throw IngestProblems.invalid(
                        "field-count",
                        "Line " + rec.getStartingLineNumber() + " has " + rec.getFieldCount()
                                + " fields, the header has " + width,
                        file,
                        rec.getStartingLineNumber(),
                        null);
            }
            consumer.accept(new Row(rec));
        }
    }

    private CsvRecord next() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ApiException api) throw api;
            }
            throw IngestProblems.invalid("csv-syntax", "Not readable as CSV: " + e.getMessage(), file, 0, null);
        }
    }

    /** One data row: cells by canonical column name; absent columns read as empty. */
    final class Row {
        private final CsvRecord rec;

        Row(CsvRecord rec) {
            this.rec = rec;
        }

        long line() {
            return rec.getStartingLineNumber();
        }

        String file() {
            return file;
        }

        /** The stripped cell, or "" when the column is absent. */
        String get(String column) {
            Integer i = columns.get(column);
            return i == null ? "" : rec.getField(i).strip();
        }

        String required(String column) {
            String v = get(column);
            if (v.isEmpty()) {
                throw IngestProblems.invalid(
                        "missing-value", "Line " + line() + " has no " + column, file, line(), column);
            }
            return v;
        }

        /** A non-negative number, or NaN when the cell is empty or the column absent. */
        float number(String column) {
            String v = get(column);
            return v.isEmpty() ? Float.NaN : (float) Fields.nonNegative(v, file, line(), column);
        }

        String lower(String column) {
            return get(column).toLowerCase(Locale.ROOT);
        }
    }
}
