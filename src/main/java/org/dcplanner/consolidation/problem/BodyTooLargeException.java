package org.dcplanner.consolidation.problem;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A request body is (or went, while being read) past its cap: 413 body-too-large. */
public class BodyTooLargeException extends IOException {
    private final long limitBytes;

    public BodyTooLargeException(long limitBytes) {
        super("request body larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    ProblemDetail problem() {
        ProblemDetail pd = ApiProblems.of(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "body-too-large",
                "Request body too large",
                "The request body exceeds the limit of " + limitBytes + " bytes for its content type "
                        + "(app.limits.max-json-body, app.limits.max-text-body)");
        pd.setProperty("limitBytes", limitBytes);
        return pd;
    }
}
