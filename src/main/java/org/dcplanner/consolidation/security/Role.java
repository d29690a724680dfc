package org.dcplanner.consolidation.security;

/** What a user may do: VIEWER reads, PLANNER also writes in its workspace, ADMIN also manages users, the shared catalog and the audit log. */
public enum Role {
    VIEWER,
    PLANNER,
    ADMIN;

    /** The Spring Security authority, e.g. {@code ROLE_PLANNER}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
