package org.dcplanner.consolidation.security;

import java.util.Arrays;

/**
 * SQL scoping of workspace-owned rows (workloads, plans, custom host models) to the caller's workspace.
 * Append {@link #CONDITION} (or {@link #condition(String)} for a qualified column) to a query and bind
 * {@link #args(Object...)}: on a request thread it keeps only the caller's workspace; on a background job
 * thread (no authentication at all) it keeps every row (see {@link CurrentUser#workspaceOrSystem()}).
 */
public final class WorkspaceScope {
    /** The condition on an unqualified {@code workspace} column; binds two parameters. */
    public static final String CONDITION = condition("workspace");

    private WorkspaceScope() {}

    public static String condition(String column) {
        return "(cast(? as text) is null or " + column + " = ?)";
    }

    /** The query's own parameters followed by the two of the condition. */
    public static Object[] args(Object... before) {
        String workspace = CurrentUser.workspaceOrSystem();
        Object[] all = Arrays.copyOf(before, before.length + 2);
        all[before.length] = workspace;
        all[before.length + 1] = workspace;
        return all;
    }
}
