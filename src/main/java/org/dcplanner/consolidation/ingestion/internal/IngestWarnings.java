package org.dcplanner.consolidation.ingestion.internal;

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

    /** Files listed per skip rule (the first {@value #LISTED_FILES} named in the warning). */
    private final Map<String, List<String>> skippedFiles = new LinkedHashMap<>();

    static final int LISTED_FILES = 20;

    /** An archive or folder entry not read as a trace: one warning per rule, naming the files. */
    public void skipped(String path, String rule) {
        List<String> files = skippedFiles.computeIfAbsent(rule, r -> new ArrayList<>());
        if (files.size() < LISTED_FILES) files.add(path);
        add("skipped-" + rule, 1, "%d file(s) skipped, not read as traces, by rule '" + rule + "'");
    }

    public long count(String code) {
        long[] c = counts.get(code);
        return c == null ? 0 : c[0];
    }

    public List<IngestWarning> toList() {
        List<IngestWarning> list = new ArrayList<>();
        counts.forEach((code, n) -> {
            String message = String.format(templates.get(code), n[0]);
            List<String> files =
                    code.startsWith("skipped-") ? skippedFiles.get(code.substring("skipped-".length())) : null;
            if (files != null) {
                message += ": " + String.join(", ", files)
                        + (n[0] > files.size() ? " and " + (n[0] - files.size()) + " more" : "");
            }
            list.add(new IngestWarning(code, n[0], message));
        });
        return list;
    }

    /** One kind of absorbed input problem, with how often it happened. */
    public record IngestWarning(String code, long count, String message) {}
}
