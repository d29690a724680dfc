package org.dcplanner.consolidation.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user of the current request, and the workspace every repository query is scoped to.
 * Background jobs (db-scheduler threads) run with no user: {@link #workspaceOrSystem()} is then null,
 * meaning unscoped; they only act on ids a signed-in request already resolved in its workspace.
 * HTTP requests never run without a user: the filter chain requires sign-in for every API path.
 */
public final class CurrentUser {
    /** The workspace of the first admin, of OIDC users by default, and of objects stored before sign-in existed. */
    public static final String DEFAULT_WORKSPACE = "default";
    /** Matches no stored object (workspace names are never empty). */
    static final String NO_WORKSPACE = "";

    private CurrentUser() {}

    /** The signed-in user, if the current thread serves an authenticated request. */
    public static Optional<SignedInUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) return Optional.empty();
        Object principal = auth.getPrincipal();
        if (principal instanceof SignedInUser u) return Optional.of(u);
        if (principal instanceof OidcAccounts.SignedInOidcUser o) return Optional.of(o.account());
        return Optional.empty();
    }

    /** The signed-in user; throws when there is none (use in request-serving code only). */
    public static SignedInUser require() {
        return get().orElseThrow(() -> new IllegalStateException("no signed-in user on this thread"));
    }

    /**
     * The caller's workspace; null on a thread with no authentication at all (a background job), which
     * repositories read as unscoped. An anonymous request gets a workspace no object is in (fail closed).
     */
    public static String workspaceOrSystem() {
        if (SecurityContextHolder.getContext().getAuthentication() == null) return null;
        return get().map(SignedInUser::workspace).orElse(NO_WORKSPACE);
    }

    /** The workspace a new object is stored in: the caller's; {@code default} when a background job creates one. */
    public static String workspaceForNew() {
        if (SecurityContextHolder.getContext().getAuthentication() == null) return DEFAULT_WORKSPACE;
        return require().workspace();
    }
}
