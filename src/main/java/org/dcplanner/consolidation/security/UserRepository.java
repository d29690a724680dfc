package org.dcplanner.consolidation.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Users in PostgreSQL (table app_user). */
@Repository
class UserRepository {
    private final JdbcTemplate jdbc;

    UserRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserAccount> findByUsername(String username) {
        return jdbc.query("select * from app_user where username = ?", UserRepository::map, username).stream()
                .findFirst();
    }

    Optional<UserAccount> find(UUID id) {
        return jdbc.query("select * from app_user where id = ?", UserRepository::map, id).stream()
                .findFirst();
    }

    List<UserAccount> list() {
        return jdbc.query("select * from app_user order by username", UserRepository::map);
    }

    long count() {
        Long n = jdbc.queryForObject("select count(*) from app_user", Long.class);
        return n == null ? 0 : n;
    }

    /** Inserts the user; false when the username is taken. */
    boolean insert(UserAccount u) {
        return jdbc.update(
                        "insert into app_user (id, username, password_hash, role, workspace) values (?, ?, ?, ?, ?)"
                                + " on conflict (username) do nothing",
                        u.id(),
                        u.username(),
                        u.passwordHash(),
                        u.role().name(),
                        u.workspace())
                > 0;
    }

    boolean delete(UUID id) {
        return jdbc.update("delete from app_user where id = ?", id) > 0;
    }

    /** Disables or enables the user; a change ends its sessions (new stamp). False for an unknown id. */
    boolean setDisabled(UUID id, boolean disabled) {
        return jdbc.update(
                        "update app_user set disabled = ?, session_stamp = session_stamp + 1 where id = ?",
                        disabled,
                        id)
                > 0;
    }

    /** The new password hash; the stamp changes (other sessions end) and failed sign-ins are forgotten. */
    void setPassword(UUID id, String passwordHash) {
        jdbc.update(
                "update app_user set password_hash = ?, session_stamp = session_stamp + 1, failed_sign_ins = 0"
                        + " where id = ?",
                passwordHash,
                id);
    }

    /**
     * Counts a failed sign-in of an unlocked user; the {@code limit}-th consecutive one locks the account for
     * {@code lockSeconds} (and starts the count again). The lock's end when this failure locked it, else empty.
     */
    Optional<Instant> failedSignIn(String username, int limit, long lockSeconds) {
        return jdbc
                .query(
                        "update app_user set"
                                + " locked_until = case when failed_sign_ins + 1 >= ?"
                                + "   then now() + make_interval(secs => ?) else locked_until end,"
                                + " failed_sign_ins = case when failed_sign_ins + 1 >= ? then 0 else failed_sign_ins + 1 end"
                                + " where username = ? and (locked_until is null or locked_until <= now())"
                                + " returning case when failed_sign_ins = 0 then locked_until end as locked",
                        (rs, n) -> rs.getTimestamp("locked"),
                        limit,
                        (double) lockSeconds,
                        limit,
                        username)
                .stream()
                .filter(java.util.Objects::nonNull)
                .map(java.sql.Timestamp::toInstant)
                .findFirst();
    }

    /** A successful sign-in: the consecutive failures start again from 0. */
    void signInSucceeded(String username) {
        jdbc.update("update app_user set failed_sign_ins = 0 where username = ? and failed_sign_ins > 0", username);
    }

    /** Lifts a lockout (and forgets the failed sign-ins); false for an unknown id. */
    boolean unlock(UUID id) {
        return jdbc.update("update app_user set locked_until = null, failed_sign_ins = 0 where id = ?", id) > 0;
    }

    private static UserAccount map(ResultSet rs, int n) throws SQLException {
        return new UserAccount(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")),
                rs.getString("workspace"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("disabled"),
                rs.getTimestamp("locked_until") == null
                        ? null
                        : rs.getTimestamp("locked_until").toInstant(),
                rs.getInt("session_stamp"));
    }
}
