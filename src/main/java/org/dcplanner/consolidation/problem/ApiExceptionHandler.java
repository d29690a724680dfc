package org.dcplanner.consolidation.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error leaves the service as RFC 9457 problem+json; stack traces stay in the log. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        ProblemDetail pd = e.problem();
        pd.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(pd.getStatus()).body(pd);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail pd = ApiProblems.of(HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large", "Upload too large",
                "The upload exceeds the configured size limit (MAX_UPLOAD_SIZE, default 512MB)");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(pd);
    }

    /**
     * Unreadable request bodies (malformed JSON, a value of the wrong type, an unknown enum constant)
     * become 400 invalid-request naming the JSON path in {@code field} and, for enums, the allowed values.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail pd = ApiProblems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request body",
                RequestBodyProblems.detail(e.getMostSpecificCause()));
        String field = RequestBodyProblems.field(e.getMostSpecificCause());
        if (field != null) pd.setProperty("field", field);
        return ResponseEntity.badRequest().body(pd);
    }

    /** A path or query parameter of the wrong type (e.g. a malformed UUID) → 400 naming the parameter. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        ProblemDetail pd = ApiProblems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request parameter",
                "parameter '" + name + "' must be " + RequestBodyProblems.expected(e.getRequiredType())
                        + ", got '" + e.getValue() + "'");
        if (name != null) pd.setProperty("field", name);
        return ResponseEntity.badRequest().body(pd);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail pd = ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The server failed to process the request; see the server log for details");
        pd.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(pd);
    }
}
