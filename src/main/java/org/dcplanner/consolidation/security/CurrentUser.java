package org.dcplanner.consolidation.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user of the current request, and the workspace every repository query is scoped to.
 * Background jobs (db-scheduler threads) run with no user, in the workspace of what they work on
 * ({@link #inWorkspace}); outside it {@link #workspaceOrSystem()} is null, meaning unscoped.
 * HTTP requests never run without a user: the filter chain requires sign-in for every API path.
 */
public final class CurrentUser {
    /** The workspace of the first admin, of OIDC users by default, and of objects stored before sign-in existed. */
    public static final String DEFAULT_WORKSPACE = "default";
    /** Matches no stored object (workspace names are never empty). */
    static final String NO_WORKSPACE = "";

    /** The workspace a background job works in ({@link #inWorkspace}); null: unscoped. */
    private static final ThreadLocal<String> JOB_WORKSPACE = new ThreadLocal<>();

    private CurrentUser() {}

    /**
     * Runs background work (a job thread, no signed-in user) in one workspace: its queries see that workspace's
     * objects and the shared ones, and what it stores belongs there. Jobs run in the workspace of what they work on
     * (a plan, a simulation, a backtest), so ids unique only per workspace (custom host models) resolve to theirs.
     * A null workspace runs the work unscoped.
     */
    public static void inWorkspace(String workspace, Runnable work) {
        String outer = JOB_WORKSPACE.get();
        JOB_WORKSPACE.set(workspace);
        try {
            work.run();
        } finally {
            if (outer == null) JOB_WORKSPACE.remove();
            else JOB_WORKSPACE.set(outer);
        }
    }

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
     * The caller's workspace; on a thread with no authentication at all (a background job) the job's workspace, or
     * null outside {@link #inWorkspace}, which repositories read as unscoped. An anonymous request gets a workspace no object is in (fail closed).
     */
    public static String workspaceOrSystem() {
        if (SecurityContextHolder.getContext().getAuthentication() == null) return JOB_WORKSPACE.get();
        return get().map(SignedInUser::workspace).orElse(NO_WORKSPACE);
    }

    /** The workspace a new object is stored in: the caller's; {@code default} when a background job creates one. */
    public static String workspaceForNew() {
        if (SecurityContextHolder.getContext().getAuthentication() == null) {
            String job = JOB_WORKSPACE.get();
            return job != null ? job : DEFAULT_WORKSPACE;
        }
        return require().workspace();
    }
}
