package org.dcplanner.consolidation.security;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    private static UserAccount map(ResultSet rs, int n) throws SQLException {
        return new UserAccount(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")),
                rs.getString("workspace"),
                rs.getTimestamp("created_at").toInstant());
    }
}
