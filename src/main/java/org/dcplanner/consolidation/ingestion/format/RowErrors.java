package org.dcplanner.consolidation.ingestion.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.problem.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Errors of single rows, collected so that an upload reports all of them at once instead of only the
 * first: a row's 422 naming a line is kept (the first {@value #KEPT}) and counted, and reading goes on
 * with the next row. Errors of the file's structure (header, archive, limits) still end the read at once.
 */
public final class RowErrors {
    static final int KEPT = 100;
    private final List<ApiException> kept = new ArrayList<>();
    private long count;

    /** Keeps the error when it is about one row (422 with a line), else rethrows it. */
    void add(ApiException e) {
        Object line = e.problem().getProperties() == null
                ? null
                : e.problem().getProperties().get("line");
        if (e.problem().getStatus() != HttpStatus.UNPROCESSABLE_ENTITY.value()
                || line == null
                || "grid-too-large".equals(slug(e))) {
            throw e;
        }
        if (kept.size() < KEPT) kept.add(e);
        count++;
    }

    public long count() {
        return count;
    }

    /**
     * Throws the first row error with all of them attached: {@code errors} (the first {@value #KEPT}, each
     * {@code {type, detail, file, line, field}}) and {@code errorCount} (all of them).
     */
    public void throwIfAny() {
        if (count == 0) return;
        List<Map<String, Object>> list = new ArrayList<>();
        for (ApiException e : kept) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", slug(e));
            m.put("detail", e.problem().getDetail());
            m.putAll(e.problem().getProperties());
            list.add(m);
        }
        ApiException first = kept.get(0);
        throw first.with("errorCount", count).with("errors", list);
    }

    private static String slug(ApiException e) {
        String type = String.valueOf(e.problem().getType());
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
