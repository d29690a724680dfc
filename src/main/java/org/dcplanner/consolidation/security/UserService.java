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
        requirePolicy(password, "password");
        if (role == null)
            throw ApiException.badRequest("role must be one of VIEWER, PLANNER, ADMIN")
                    .at(null, null, "role");
        if (workspace == null || !WORKSPACE.matcher(workspace).matches())
            throw ApiException.badRequest(
                            "workspace must be 1-63 characters of lower-case letters, digits, '_' or '-', starting with a letter or digit")
                    .at(null, null, "workspace");
        UserAccount account =
                UserAccount.created(UUID.randomUUID(), username, encoder.encode(password), role, workspace);
        if (!users.insert(account))
            throw new ApiException(
                            HttpStatus.CONFLICT,
                            "username-taken",
                            "Username taken",
                            "a user named '" + username + "' already exists")
                    .at(null, null, "username");
        return users.find(account.id()).orElseThrow();
    }

    /** 400 naming {@code field} unless the password has {@link #MIN_PASSWORD} to {@link #MAX_PASSWORD} characters. */
    private static void requirePolicy(String password, String field) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD)
            throw ApiException.badRequest("password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters")
                    .at(null, null, field);
    }

    /** The stored user (404 when there is none). */
    public UserAccount find(UUID id) {
        return users.find(id).orElseThrow(() -> ApiException.notFound("User", id));
    }

    /**
     * The caller changes their own password: the current one is required (a wrong one counts as a failed sign-in),
     * the new one follows the policy and differs from it. The user's other sessions end; API tokens stay.
     */
    UserAccount changeOwnPassword(SignedInUser me, String currentPassword, String newPassword, SignInLockout lockout) {
        UserAccount account = find(me.id());
        if (account.passwordHash() == null)
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "no-password",
                    "No password to change",
                    "this account signs in through the identity provider only");
        if (currentPassword == null || !encoder.matches(currentPassword, account.passwordHash())) {
            lockout.failed(account.username(), null);
            throw new ApiException(
                            HttpStatus.BAD_REQUEST, "wrong-password", "Wrong password", "the current password is wrong")
                    .at(null, null, "currentPassword");
        }
        requirePolicy(newPassword, "newPassword");
        if (newPassword.equals(currentPassword))
            throw ApiException.badRequest("the new password must differ from the current one")
                    .at(null, null, "newPassword");
        users.setPassword(account.id(), encoder.encode(newPassword));
        return find(account.id());
    }

    /** An admin disables or enables another user (not themselves: 409); a disabled user's sessions end at once. */
    UserAccount setDisabled(SignedInUser admin, UUID id, boolean disabled) {
        refuseOwnAccount(admin, id, disabled ? "disable" : "enable");
        if (!users.setDisabled(id, disabled)) throw ApiException.notFound("User", id);
        return find(id);
    }

    /** An admin deletes another user (not themselves: 409) with their API tokens; their sessions end at once. */
    void delete(SignedInUser admin, UUID id) {
        refuseOwnAccount(admin, id, "delete");
        if (!users.delete(id)) throw ApiException.notFound("User", id);
    }

    /** An admin lifts a lockout before it ends. */
    UserAccount unlock(UUID id) {
        if (!users.unlock(id)) throw ApiException.notFound("User", id);
        return find(id);
    }

    /** An admin acting on their own account could lock every admin out. */
    private static void refuseOwnAccount(SignedInUser admin, UUID id, String action) {
        if (admin.id().equals(id))
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "own-account",
                    "Not on your own account",
                    "an admin cannot " + action + " their own account; another admin can");
    }

    /** Finds or creates the local account of an OIDC user (no password; role and workspace from the defaults). */
    UserAccount oidcAccount(String username, Role role, String workspace) {
        return users.findByUsername(username).orElseGet(() -> {
            users.insert(UserAccount.created(UUID.randomUUID(), username, null, role, workspace));
            return users.findByUsername(username).orElseThrow();
        });
    }

    boolean anyUser() {
        return users.count() > 0;
    }
}
