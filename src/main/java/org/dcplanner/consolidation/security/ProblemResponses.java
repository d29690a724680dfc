package org.dcplanner.consolidation.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.dcplanner.consolidation.problem.ApiProblems;
import org.dcplanner.consolidation.problem.DatabaseFailures;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 from the security filters as RFC 9457 problem+json. The 401 challenge names the Bearer
 * scheme only: a Basic challenge would make browsers prompt for and then replay a password on their own,
 * which would defeat the CSRF exemption of requests carrying an Authorization header.
 */
@Component("securityProblemResponses") // not "problemResponses": the OpenAPI module has a bean of that name
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (databaseUnavailable(request, response, e)) return;
        if (isPageNavigation(request)) {
            response.sendRedirect(request.getContextPath() + "/login"); // e.g. /swagger-ui.html opened in a browser
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer realm=\"consolidation-planner\"");
        write(
                request,
                response,
                ApiProblems.of(
                        HttpStatus.UNAUTHORIZED,
                        "unauthorized",
                        "Sign-in required",
                        "this request needs a credential: sign in, or send HTTP Basic with a user's password or"
                                + " 'Authorization: Bearer <API token>'"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemDetail pd = e instanceof CsrfException
                ? ApiProblems.of(
                        HttpStatus.FORBIDDEN,
                        "csrf",
                        "CSRF token missing or invalid",
                        "a request with a session cookie must carry the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header")
                : ApiProblems.of(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Not allowed",
                        "your role does not allow " + request.getMethod() + " " + request.getRequestURI());
        write(request, response, pd);
    }

    /** A failed form sign-in: 401 problem+json without saying whether the user exists or why it was refused. */
    void signInFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (databaseUnavailable(request, response, e)) return;
        write(
                request,
                response,
                ApiProblems.of(
                        HttpStatus.UNAUTHORIZED,
                        "sign-in-failed",
                        "Sign-in failed",
                        "unknown username or wrong password, or the account is disabled or locked after too many"
                                + " failed sign-ins"));
    }

    /**
     * A credential that could not be checked because the database is unreachable: 503 {@code database-unavailable}
     * with Retry-After (not a 401, which would tell a script its credential is wrong). False otherwise.
     */
    boolean databaseUnavailable(HttpServletRequest request, HttpServletResponse response, Throwable e)
            throws IOException {
        if (!DatabaseFailures.isConnectionFailure(e)) return false;
        response.setHeader(HttpHeaders.RETRY_AFTER, ApiProblems.DATABASE_RETRY_AFTER_SECONDS);
        write(request, response, ApiProblems.databaseUnavailable());
        return true;
    }

    private static boolean isPageNavigation(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod())
                && !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && accept != null
                && accept.contains("text/html");
    }

    void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail pd) throws IOException {
        pd.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(pd.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), pd);
    }
}
