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
}
