package org.dcplanner.consolidation.ingestion.format;

import org.dcplanner.consolidation.ingestion.internal.IngestProblems;

/** Number parsing for trace cells, with errors that name file, line and field. */
final class Fields {
    private Fields() {}

    /** A non-negative number; 422 {@code non-numeric} or {@code negative} otherwise. */
    static double nonNegative(String text, String file, long line, String field) {
        long integer = plainInteger(text);
        if (integer >= 0) return integer;
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw IngestProblems.invalid(
                    "non-numeric", "'" + abbreviate(text) + "' in " + field + " is not a number", file, line, field);
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw IngestProblems.invalid(
                    Double.isNaN(v) || Double.isInfinite(v) ? "non-numeric" : "negative",
                    "'" + abbreviate(text) + "' in " + field + " is " + (v < 0 ? "negative" : "not a finite number"),
                    file,
                    line,
                    field);
        }
        return v;
    }

    /** The value of a string of 1 to 15 ASCII digits (the common case, parsed without Double.parseDouble), else -1. */
    static long plainInteger(String text) {
        int n = text.length();
        if (n == 0 || n > 15) return -1;
        long v = 0;
        for (int i = 0; i < n; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    /** A CPU percentage in [0, 100]; 422 {@code cpu-percent-above-100} above. */
    static double percent(String text, String file, long line, String field) {
        double v = nonNegative(text, file, line, field);
        if (v > 100) {
            throw IngestProblems.invalid(
                    "cpu-percent-above-100", "CPU " + text.trim() + " % is above 100 %", file, line, field);
        }
        return v;
    }

    static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
