package org.dcplanner.consolidation.security;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored user; {@code passwordHash} is in Spring Security's {@code {id}hash} format, null for OIDC-only users.
 *
 * @param disabled     set by an admin: no sign-in, and the user's sessions and API tokens are refused
 * @param lockedUntil  sign-in refused until then after too many consecutive failed sign-ins (null: never locked)
 * @param sessionStamp changes with the password and the account's state; a session signed in under another stamp ends
 */
public record UserAccount(
        UUID id,
        String username,
        String passwordHash,
        Role role,
        String workspace,
        Instant createdAt,
        boolean disabled,
        Instant lockedUntil,
        int sessionStamp) {

    /** A new account (stored with the defaults of the other columns). */
    static UserAccount created(UUID id, String username, String passwordHash, Role role, String workspace) {
        return new UserAccount(id, username, passwordHash, role, workspace, null, false, null, 0);
    }

    /** Whether sign-in is refused at {@code now} after too many failed sign-ins. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
