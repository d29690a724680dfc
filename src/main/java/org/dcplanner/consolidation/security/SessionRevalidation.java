package org.dcplanner.consolidation.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request on a session re-reads its user: a deleted or disabled user, or one whose password or state changed
 * since the session signed in (another {@link UserAccount#sessionStamp}), loses the session at once and the request
 * goes on unauthenticated (401). Runs right after the session's context is loaded, before Basic or Bearer
 * authentication, which check the stored user themselves.
 */
class SessionRevalidation extends OncePerRequestFilter {
    private final UserRepository users;
    private final ProblemResponses problems;

    SessionRevalidation(UserRepository users, ProblemResponses problems) {
        this.users = users;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<SignedInUser> signedIn = CurrentUser.get();
        if (signedIn.isPresent()) {
            SignedInUser user = signedIn.get();
            Optional<UserAccount> stored;
            try {
                stored = users.find(user.id());
            } catch (RuntimeException e) {
                if (problems.databaseUnavailable(request, response, e)) return;
                throw e;
            }
            if (stored.isEmpty() || stored.get().disabled() || stored.get().sessionStamp() != user.sessionStamp()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
