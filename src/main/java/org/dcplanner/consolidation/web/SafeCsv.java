package org.dcplanner.consolidation.web;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The one CSV writer of every export, safe to open in a spreadsheet (no formula injection, OWASP "CSV
 * injection"). The rule: a cell given as a {@link Number} is written as the number it is (a negative number
 * stays a number); every other cell is text, and text starting with {@code =}, {@code +}, {@code -}, {@code @},
 * a tab or a carriage return gets a leading apostrophe, so spreadsheets show it instead of evaluating it.
 * RFC 4180 quoting is FastCSV's.
 */
public final class SafeCsv implements Closeable {
    private final CsvWriter csv;

    private SafeCsv(Writer out) {
        this.csv = CsvWriter.builder().build(out);
    }

    public static SafeCsv to(Writer out) {
        return new SafeCsv(out);
    }

    /** Writes one record: numbers as numbers, anything else (null = empty) as neutralized text. */
    public SafeCsv row(Object... cells) {
        String[] fields = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            Object c = cells[i];
            fields[i] = c == null ? "" : c instanceof Number n ? n.toString() : neutralize(c.toString());
        }
        csv.writeRecord(fields);
        return this;
    }

    /** Text as a spreadsheet will show it, never as a formula: a leading apostrophe before a formula trigger. */
    public static String neutralize(String text) {
        if (text.isEmpty()) return text;
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
