package org.dcplanner.consolidation.problem;

import java.util.Locale;

/** Documented ranges of request numbers: a value outside is a 400 naming the field and the range. */
public final class Ranges {
    private Ranges() {}

    /** {@code min <= value <= max}; null passes (optional fields take their default). */
    public static Integer check(String field, Integer value, long min, long max) {
        if (value != null && (value < min || value > max)) throw outside(field, value, min, max);
        return value;
    }

    /** {@code min <= value <= max} and finite; null passes. */
    public static Double check(String field, Double value, double min, double max) {
        if (value != null && !(value >= min && value <= max)) throw outside(field, value, min, max);
        return value;
    }

    public static ApiException outside(String field, Object value, Number min, Number max) {
        return ApiException.badRequest(String.format(
                        Locale.ROOT, "%s must be between %s and %s, got %s", field, plain(min), plain(max), value))
                .at(null, null, field)
                .with("minimum", min)
                .with("maximum", max);
    }

    private static String plain(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
