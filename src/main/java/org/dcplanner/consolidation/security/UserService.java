package org.dcplanner.consolidation.security;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.dcplanner.consolidation.problem.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creates and finds users; the {@link UserDetailsService} behind form login and HTTP Basic. */
@Service
public class UserService implements UserDetailsService {
    /** Usernames: 1-64 letters, digits and {@code . _ @ -} (an e-mail address fits). */
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    /** Workspaces: 1-63 lower-case letters, digits, {@code _} and {@code -}, starting with a letter or digit. */
    static final Pattern WORKSPACE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    /** Passwords: 12 to 128 characters (long enough to resist guessing, short enough to hash cheaply). */
    static final int MIN_PASSWORD = 12;

    static final int MAX_PASSWORD = 128;

    private final UserRepository users;
    private final PasswordEncoder encoder;

    UserService(UserRepository users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    public SignedInUser loadUserByUsername(String username) {
        return users.findByUsername(username)
                .filter(u -> u.passwordHash() != null)
                .map(SignedInUser::of)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public List<UserAccount> list() {
        return users.list();
    }

    /** Creates a user with a password; 400 naming the field on bad input, 409 when the username is taken. */
    public UserAccount create(String username, String password, Role role, String workspace) {
        if (username == null || !USERNAME.matcher(username).matches())
            throw ApiException.badRequest("username must be 1-64 characters of letters, digits, '.', '_', '@' or '-'")
                    .at(null, null, "username");
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD)
            throw ApiException.badRequest("password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters")
                    .at(null, null, "password");
        if (role == null)
            throw ApiException.badRequest("role must be one of VIEWER, PLANNER, ADMIN")
                    .at(null, null, "role");
        if (workspace == null || !WORKSPACE.matcher(workspace).matches())
            throw ApiException.badRequest(
                            "workspace must be 1-63 characters of lower-case letters, digits, '_' or '-', starting with a letter or digit")
                    .at(null, null, "workspace");
        UserAccount account =
                new UserAccount(UUID.randomUUID(), username, encoder.encode(password), role, workspace, null);
        if (!users.insert(account))
            throw new ApiException(
                            HttpStatus.CONFLICT,
                            "username-taken",
                            "Username taken",
                            "a user named '" + username + "' already exists")
                    .at(null, null, "username");
        return users.find(account.id()).orElseThrow();
    }

    /** Finds or creates the local account of an OIDC user (no password; role and workspace from the defaults). */
    UserAccount oidcAccount(String username, Role role, String workspace) {
        return users.findByUsername(username).orElseGet(() -> {
            users.insert(new UserAccount(UUID.randomUUID(), username, null, role, workspace, null));
            return users.findByUsername(username).orElseThrow();
        });
    }

    boolean anyUser() {
        return users.count() > 0;
    }
}
