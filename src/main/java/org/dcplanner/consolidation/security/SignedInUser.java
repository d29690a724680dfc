package org.dcplanner.consolidation.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of every authenticated request (password, session, API token or OIDC): who, role and workspace;
 * {@code disabled}, {@code lockedUntil} and {@code sessionStamp} as stored when the user signed in
 * ({@link UserAccount}): a password sign-in checks the first two, every session request the stamp.
 */
public record SignedInUser(
        UUID id,
        String username,
        String passwordHash,
        Role role,
        String workspace,
        boolean disabled,
        Instant lockedUntil,
        int sessionStamp)
        implements UserDetails {

    static SignedInUser of(UserAccount account) {
        return new SignedInUser(
                account.id(),
                account.username(),
                account.passwordHash(),
                account.role(),
                account.workspace(),
                account.disabled(),
                account.lockedUntil(),
                account.sessionStamp());
    }

    @Override
    public boolean isEnabled() {
        return !disabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || !lockedUntil.isAfter(Instant.now());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    /** Never serialize the hash with the principal (e.g. into a session or a log line). */
    @Override
    public String toString() {
        return "SignedInUser[" + username + ", " + role + ", workspace " + workspace + "]";
    }
}
