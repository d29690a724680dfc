package org.dcplanner.consolidation.security;

import java.time.Instant;
import java.util.UUID;

/** A stored user; {@code passwordHash} is in Spring Security's {@code {id}hash} format, null for OIDC-only users. */
public record UserAccount(
        UUID id, String username, String passwordHash, Role role, String workspace, Instant createdAt) {}
