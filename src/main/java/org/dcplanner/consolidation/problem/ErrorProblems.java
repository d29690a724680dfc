package org.dcplanner.consolidation.problem;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** Type slug, title and a safe detail for an HTTP error status that no handler described better. */
final class ErrorProblems {
    private static final Map<Integer, String> TYPES = Map.ofEntries(
            Map.entry(400, "bad-request"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(408, "request-timeout"),
            Map.entry(413, "body-too-large"),
            Map.entry(414, "uri-too-long"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(431, "headers-too-large"),
            Map.entry(500, "internal-error"),
            Map.entry(503, "service-unavailable"),
            Map.entry(505, "http-version-not-supported"));

    private ErrorProblems() {}

    static String type(int status) {
        return TYPES.getOrDefault(status, "http-" + status);
    }

    static String title(int status) {
        HttpStatus s = HttpStatus.resolve(status);
        return s == null ? "HTTP " + status : s.getReasonPhrase();
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read (malformed request line, headers, URL or body)";
            case 413 -> "The request body is larger than the server accepts";
            case 431 -> "The request headers are larger than the server accepts";
            case 500 -> "The server failed to process the request; see the server log for details";
            default -> title(status);
        };
    }

    /** A problem+json document, written by hand because Tomcat's valve runs outside Spring's message converters. */
    static String json(int status) {
        return "{\"type\":\"/problems/" + type(status) + "\",\"title\":\"" + title(status) + "\",\"status\":" + status
                + ",\"detail\":\"" + detail(status) + "\"}";
    }
}
