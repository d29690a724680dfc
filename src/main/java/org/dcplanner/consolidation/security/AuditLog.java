package org.dcplanner.consolidation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every write (any method but GET, HEAD, OPTIONS; sign-in and sign-out included), allowed or
 * refused, and every failed sign-in: who, what (method, path, status, the Location it created), when and
 * from where (the remote address; behind a proxy set {@code server.forward-headers-strategy=native}).
 * Runs inside the security filter chain so that the caller is known when the response is complete.
 */
@Component
public class AuditLog extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One audit entry. */
    public record Entry(
            long id,
            Instant at,
            String username,
            String workspace,
            String method,
            String path,
            int status,
            String remoteAddress,
            String target) {}

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            var user = CurrentUser.get();
            record(
                    user.map(SignedInUser::username).orElse(null),
                    user.map(SignedInUser::workspace).orElse(null),
                    request.getMethod(),
                    request.getRequestURI(),
                    response.getStatus(),
                    request.getRemoteAddr(),
                    response.getHeader("Location"));
        }
    }

    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent event) {
        String from = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress()
                : null;
        record(
                event.getAuthentication().getName(),
                null,
                "SIGN-IN",
                "failed: " + event.getException().getClass().getSimpleName(),
                401,
                from,
                null);
    }

    /** An event of an account that no request of its own performed (a lockout: status 423), as method ACCOUNT. */
    void accountEvent(String username, String what, int status, String from) {
        record(username, null, "ACCOUNT", what, status, from, null);
    }

    private void record(
            String username, String workspace, String method, String path, int status, String from, String target) {
        try {
            jdbc.update(
                    "insert into audit_log (username, workspace, method, path, status, remote_address, target)"
                            + " values (?, ?, ?, ?, ?, ?, ?)",
                    username,
                    workspace,
                    method,
                    truncate(path),
                    status,
                    from,
                    truncate(target));
        } catch (RuntimeException e) {
            log.error("audit entry not written: {} {} {} by {} from {}", method, path, status, username, from, e);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }

    /** The newest entries first; {@code limit} 1..1000. */
    public List<Entry> page(int limit, long offset) {
        return jdbc.query(
                "select * from audit_log order by id desc limit ? offset ?",
                (rs, n) -> new Entry(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("username"),
                        rs.getString("workspace"),
                        rs.getString("method"),
                        rs.getString("path"),
                        rs.getInt("status"),
                        rs.getString("remote_address"),
                        rs.getString("target")),
                limit,
                offset);
    }

    public long count() {
        Long n = jdbc.queryForObject("select count(*) from audit_log", Long.class);
        return n == null ? 0 : n;
    }
}
