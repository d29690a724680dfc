package org.dcplanner.consolidation.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
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
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(uploadTooLarge());
    }

    private static ProblemDetail uploadTooLarge() {
        return ApiProblems.of(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "upload-too-large",
                "Upload too large",
                "The upload exceeds the configured size limit (MAX_UPLOAD_SIZE, default 32GB)");
    }

    /**
     * Unreadable request bodies (malformed JSON, a value of the wrong type, an unknown enum constant)
     * become 400 invalid-request naming the JSON path in {@code field} and, for enums, the allowed values.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge.problem());
            }
        }
        Throwable cause = e.getCause() == null ? e : e.getCause();
        ProblemDetail pd = ApiProblems.of(
                HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request body", RequestBodyProblems.detail(cause));
        String field = RequestBodyProblems.field(cause);
        if (field != null) pd.setProperty("field", field);
        return ResponseEntity.badRequest().body(pd);
    }

    /** A path or query parameter of the wrong type (e.g. a malformed UUID) → 400 naming the parameter. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        ProblemDetail pd = ApiProblems.of(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request parameter",
                "parameter '" + name + "' must be " + RequestBodyProblems.expected(e.getRequiredType()) + ", got '"
                        + e.getValue() + "'");
        if (name != null) pd.setProperty("field", name);
        return ResponseEntity.badRequest().body(pd);
    }

    /** Spring MVC's own problems (404, 405, 415, a missing part or parameter) get the project's type URIs too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail pd
                && (pd.getType() == null || "about:blank".equals(pd.getType().toString()))) {
            pd.setType(URI.create("/problems/" + ErrorProblems.type(statusCode.value())));
        }
        return response;
    }

    /** A multipart body that ends early or is not multipart at all (truncated upload, bad boundary) → 400. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest request) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(uploadTooLarge());
        }
        ProblemDetail pd = ApiProblems.of(
                HttpStatus.BAD_REQUEST,
                "invalid-multipart",
                "Invalid multipart body",
                "The multipart/form-data body could not be read (truncated, or a malformed boundary or part header)");
        pd.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.badRequest().body(pd);
    }

    /** The database is unreachable (stopped, restarting, pool exhausted): 503 with Retry-After, quickly. */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        CannotCreateTransactionException.class,
        SQLTransientConnectionException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, ApiProblems.DATABASE_RETRY_AFTER_SECONDS)
                .body(databaseUnavailable(request));
    }

    private static ProblemDetail databaseUnavailable(HttpServletRequest request) {
        ProblemDetail pd = ApiProblems.databaseUnavailable();
        pd.setInstance(URI.create(request.getRequestURI()));
        return pd;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseFailures.isConnectionFailure(e)) return databaseUnavailable(e, request);
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail pd = ApiProblems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "Internal error",
                "The server failed to process the request; see the server log for details");
        pd.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(pd);
    }
}
