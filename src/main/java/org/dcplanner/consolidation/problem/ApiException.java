package org.dcplanner.consolidation.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error that maps to one RFC 9457 problem+json response. Features throw it (or a subclass) with
 * a status, a stable type slug and a detail sentence; location members (file, line, field) are
 * optional and added with {@link #at}.
 */
public class ApiException extends RuntimeException {
    private final ProblemDetail problem;

    public ApiException(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.problem = ApiProblems.of(status, type, title, detail);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(
                HttpStatus.NOT_FOUND, "not-found", what + " not found", what + " " + id + " does not exist");
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
    }

    public static ApiException unprocessable(String type, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, type, "Unprocessable request", detail);
    }

    /** Adds where the problem is: file name, 1-based line number (or null) and field/column name (or null). */
    public ApiException at(String file, Long line, String field) {
        if (file != null) problem.setProperty("file", file);
        if (line != null) problem.setProperty("line", line);
        if (field != null) problem.setProperty("field", field);
        return this;
    }

    public ApiException with(String name, Object value) {
        problem.setProperty(name, value);
        return this;
    }

    public ProblemDetail problem() {
        return problem;
    }
}
