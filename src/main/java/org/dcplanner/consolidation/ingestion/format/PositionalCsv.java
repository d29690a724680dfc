package org.dcplanner.consolidation.ingestion.format;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.Iterator;
import java.util.function.Consumer;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;
import org.dcplanner.consolidation.ingestion.source.TextLines;
import org.dcplanner.consolidation.problem.ApiException;

/**
 * A comma-separated file without a header (the public cluster traces: Azure, Alibaba), read with FastCSV;
 * each row's layout is told by its field count, and cells are named by the published schema in errors.
 */
final class PositionalCsv {
    private final String file;
    private final Iterator<CsvRecord> records;

    PositionalCsv(TextLines text) {
        this.file = text.file();
        this.records = CsvReader.builder()
                .fieldSeparator(',')
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .ofCsvRecord(text)
                .iterator();
    }

    /** Calls the consumer for each row; returns the number of rows. */
    long forEachRow(Consumer<Row> consumer) {
        long n = 0;
        while (true) {
            CsvRecord rec;
            try {
                if (!records.hasNext()) return n;
                rec = records.next();
            } catch (RuntimeException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof ApiException api) throw api;
                }
                throw IngestProblems.invalid("csv-syntax", "Not readable as CSV: " + e.getMessage(), file, 0, null);
            }
            consumer.accept(new Row(rec));
            n++;
        }
    }

    /** One row; {@code names} are the schema's column names, used in errors. */
    final class Row {
        private final CsvRecord rec;

        Row(CsvRecord rec) {
            this.rec = rec;
        }

        String file() {
            return file;
        }

        long line() {
            return rec.getStartingLineNumber();
        }

        int fields() {
            return rec.getFieldCount();
        }

        String text(int i, String name) {
            String v = rec.getField(i).strip();
            if (v.isEmpty()) {
                throw IngestProblems.invalid("missing-value", "Line " + line() + " has no " + name, file, line(), name);
            }
            return v;
        }

        /** A non-negative number, or NaN for an empty cell. */
        float number(int i, String name) {
            String v = rec.getField(i).strip();
            return v.isEmpty() ? Float.NaN : (float) Fields.nonNegative(v, file, line(), name);
        }

        /** A required non-negative whole number of seconds (or other integer unit). */
        long integer(int i, String name) {
            double v = Fields.nonNegative(text(i, name), file, line(), name);
            return (long) v;
        }

        /** A percentage in [0, 100], or NaN for an empty cell. */
        float percent(int i, String name) {
            String v = rec.getField(i).strip();
            return v.isEmpty() ? Float.NaN : (float) Fields.percent(v, file, line(), name);
        }

        RuntimeException wrongLayout(String expected) {
            return IngestProblems.invalid(
                    "field-count",
                    "Line " + line() + " has " + fields() + " fields; expected " + expected,
                    file,
                    line(),
                    null);
        }
    }
}
