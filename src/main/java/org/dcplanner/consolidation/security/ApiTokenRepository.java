package org.dcplanner.consolidation.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** API tokens (table api_token): only each token's SHA-256 is stored. */
@Repository
class ApiTokenRepository {
    private final JdbcTemplate jdbc;

    ApiTokenRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A token as listed to its owner: never the secret. */
    record TokenView(UUID id, String name, Instant createdAt, Instant lastUsedAt) {}

    void insert(UUID id, UUID userId, String name, byte[] sha256) {
        jdbc.update(
                "insert into api_token (id, user_id, name, token_sha256) values (?, ?, ?, ?)",
                id,
                userId,
                name,
                sha256);
    }

    /** The id of the user owning the token with this hash, stamping its last use. */
    Optional<UUID> ownerOf(byte[] sha256) {
        return jdbc
                .query(
                        "update api_token set last_used_at = now() where token_sha256 = ? returning user_id",
                        (rs, n) -> rs.getObject(1, UUID.class),
                        sha256)
                .stream()
                .findFirst();
    }

    List<TokenView> listOf(UUID userId) {
        return jdbc.query(
                "select id, name, created_at, last_used_at from api_token where user_id = ? order by created_at desc",
                (rs, n) -> new TokenView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()),
                userId);
    }

    boolean delete(UUID id, UUID userId) {
        return jdbc.update("delete from api_token where id = ? and user_id = ?", id, userId) > 0;
    }
}
