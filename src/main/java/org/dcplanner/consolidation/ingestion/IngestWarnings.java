package org.dcplanner.consolidation.ingestion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts what ingestion absorbed or assumed (duplicates, gaps, default sizes); each kind becomes one warning. */
public final class IngestWarnings {
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, String> templates = new LinkedHashMap<>();

    /**
     * @param code     stable slug, e.g. {@code duplicate-rows}
     * @param n        how many more occurrences
     * @param template message with one {@code %d} for the total count
     */
    public void add(String code, long n, String template) {
        if (n <= 0) return;
        counts.computeIfAbsent(code, c -> new long[1])[0] += n;
        templates.putIfAbsent(code, template);
    }

    public long count(String code) {
        long[] c = counts.get(code);
        return c == null ? 0 : c[0];
    }

    public List<IngestWarning> toList() {
        List<IngestWarning> list = new ArrayList<>();
        counts.forEach((code, n) -> list.add(new IngestWarning(code, n[0], String.format(templates.get(code), n[0]))));
        return list;
    }

    /** One kind of absorbed input problem, with how often it happened. */
    public record IngestWarning(String code, long count, String message) {
    }
}
