package org.dcplanner.consolidation.problem;

import java.util.List;
import org.springframework.http.ResponseEntity;

/**
 * One page of a list endpoint: {@code page} (0-based, 0..10,000,000) and {@code size} (1..the endpoint's
 * maximum; default per endpoint). The body stays a JSON array; {@code X-Total-Count} carries the total.
 */
public record ListPage(int page, int size) {
    public static final int MAX_PAGE = 10_000_000;
    public static final String TOTAL_HEADER = "X-Total-Count";

    public static ListPage of(Integer page, Integer size, int defaultSize, int maxSize) {
        Ranges.check("page", page, 0, MAX_PAGE);
        Ranges.check("size", size, 1, maxSize);
        return new ListPage(page == null ? 0 : page, size == null ? defaultSize : size);
    }

    public long offset() {
        return (long) page * size;
    }

    /** This page of a list held in memory. */
    public <T> List<T> slice(List<T> all) {
        long from = Math.min(offset(), all.size());
        return all.subList((int) from, (int) Math.min(from + size, all.size()));
    }

    /** 200 with the page's items and the total count header. */
    public <T> ResponseEntity<List<T>> respond(List<T> items, long total) {
        return ResponseEntity.ok()
                .header(TOTAL_HEADER, Long.toString(total))
                .header("X-Page", Integer.toString(page))
                .header("X-Page-Size", Integer.toString(size))
                .body(items);
    }

    public <T> ResponseEntity<List<T>> respond(List<T> all) {
        return respond(slice(all), all.size());
    }
}
