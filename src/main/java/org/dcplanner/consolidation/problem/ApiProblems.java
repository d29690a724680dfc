package org.dcplanner.consolidation.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem details with the project's conventions: a type URI under
 * {@code /problems/}, a human title, and optional {@code file}, {@code line}, {@code field} members
 * so that bad input names exactly where it went wrong.
 */
public final class ApiProblems {
    private ApiProblems() {}

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create("/problems/" + type));
        pd.setTitle(title);
        return pd;
    }

    /** Seconds a 503 {@link #databaseUnavailable} asks the client to wait (its Retry-After header). */
    public static final String DATABASE_RETRY_AFTER_SECONDS = "5";

    /** 503 {@code database-unavailable}: the database cannot be reached right now (stopped, restarting). */
    public static ProblemDetail databaseUnavailable() {
        return of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database-unavailable",
                "Database unavailable",
                "The database cannot be reached right now; the service reconnects by itself, retry shortly");
    }
}
