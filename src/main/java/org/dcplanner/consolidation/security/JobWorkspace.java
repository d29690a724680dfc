package org.dcplanner.consolidation.security;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** A background job runs in the workspace of the row it works on ({@link CurrentUser#inWorkspace}). */
public final class JobWorkspace {
    private JobWorkspace() {}

    /** The workspace of a plan, selected by the plan's id. */
    public static final String OF_PLAN = "select workspace from plans where id = ?";

    /**
     * Runs {@code work} in the workspace {@code workspaceQuery} selects for {@code id} (one text column, one
     * parameter); unscoped when the row is gone (the job then finds nothing to do) or has no workspace.
     */
    public static void run(JdbcTemplate jdbc, String workspaceQuery, UUID id, Runnable work) {
        List<String> workspace = jdbc.queryForList(workspaceQuery, String.class, id);
        CurrentUser.inWorkspace(workspace.isEmpty() ? null : workspace.get(0), work);
    }
}
