package org.dcplanner.consolidation.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dcplanner.consolidation.problem.ApiException;
import org.springframework.stereotype.Service;

/**
 * API tokens for scripts: 256 random bits, shown once at creation as {@code dcp_<base64url>}; only their
 * SHA-256 is stored (a token has full entropy, so a fast hash suffices, unlike passwords).
 */
@Service
public class ApiTokenService {
    static final String PREFIX = "dcp_";
    /** Token names: 1 to 100 characters. */
    static final int MAX_NAME = 100;

    private final SecureRandom random = new SecureRandom();
    private final ApiTokenRepository tokens;
    private final UserRepository users;

    ApiTokenService(ApiTokenRepository tokens, UserRepository users) {
        this.tokens = tokens;
        this.users = users;
    }

    /** A created token: the secret appears here and nowhere else. */
    public record CreatedToken(UUID id, String name, String token) {}

    public CreatedToken create(SignedInUser owner, String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME)
            throw ApiException.badRequest("name must be 1 to " + MAX_NAME + " characters")
                    .at(null, null, "name");
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        tokens.insert(id, owner.id(), name, sha256(token));
        return new CreatedToken(id, name, token);
    }

    public List<ApiTokenRepository.TokenView> list(SignedInUser owner) {
        return tokens.listOf(owner.id());
    }

    /** Revokes one of the owner's tokens; 404 for an unknown id or another user's token. */
    public void revoke(SignedInUser owner, UUID id) {
        if (!tokens.delete(id, owner.id())) throw ApiException.notFound("Token", id);
    }

    /** The user a presented token belongs to, if the token is known and its user not disabled. */
    Optional<SignedInUser> authenticate(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 200) return Optional.empty();
        return tokens.ownerOf(sha256(token))
                .flatMap(users::find)
                .filter(u -> !u.disabled())
                .map(SignedInUser::of);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
