package org.dcplanner.consolidation.security;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.problem.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, users (admin), API tokens (own), audit log (admin) and the sign-in options of the sign-in page. */
@RestController
@RequestMapping("/api/v1")
class AccountController {
    private static final int MAX_PAGE = 1000;
    private final UserService users;
    private final ApiTokenService tokens;
    private final AuditLog audit;
    private final ObjectProvider<ClientRegistrationRepository> oidcClients;
    private final SignInLockout lockout;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    AccountController(
            UserService users,
            ApiTokenService tokens,
            AuditLog audit,
            ObjectProvider<ClientRegistrationRepository> oidcClients,
            SignInLockout lockout) {
        this.lockout = lockout;
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.oidcClients = oidcClients;
    }

    /**
     * A user as shown by the API: never the password hash. {@code lockedUntil}: end of a lockout after failed
     * sign-ins, null when the password sign-in is not locked now.
     */
    record UserView(
            UUID id,
            String username,
            Role role,
            String workspace,
            Instant createdAt,
            boolean disabled,
            Instant lockedUntil) {
        static UserView of(UserAccount u) {
            return new UserView(
                    u.id(),
                    u.username(),
                    u.role(),
                    u.workspace(),
                    u.createdAt(),
                    u.disabled(),
                    u.lockedAt(Instant.now()) ? u.lockedUntil() : null);
        }
    }

    record Me(String username, Role role, String workspace) {}

    @GetMapping("/me")
    Me me() {
        SignedInUser u = CurrentUser.require();
        return new Me(u.username(), u.role(), u.workspace());
    }

    record NewUser(String username, String password, Role role, String workspace) {}

    @PostMapping("/users")
    @ApiResponse(
            responseCode = "201",
            description = "Created",
            headers = @Header(name = "Location", description = "the user", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserView.class)))
    @ApiResponse(responseCode = "409", description = "The username is taken")
    ResponseEntity<UserView> createUser(@RequestBody NewUser body) {
        UserAccount created = users.create(body.username(), body.password(), body.role(), body.workspace());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                .body(UserView.of(created));
    }

    @GetMapping("/users")
    List<UserView> listUsers() {
        return users.list().stream().map(UserView::of).toList();
    }

    @GetMapping("/users/{id}")
    UserView user(@PathVariable UUID id) {
        return UserView.of(users.find(id));
    }

    /** The user can no longer sign in; their sessions and API tokens stop working at once. */
    @PostMapping("/users/{id}/disable")
    @ApiResponse(responseCode = "409", description = "Your own account")
    UserView disableUser(@PathVariable UUID id) {
        return UserView.of(users.setDisabled(CurrentUser.require(), id, true));
    }

    @PostMapping("/users/{id}/enable")
    @ApiResponse(responseCode = "409", description = "Your own account")
    UserView enableUser(@PathVariable UUID id) {
        return UserView.of(users.setDisabled(CurrentUser.require(), id, false));
    }

    /** Lifts a lockout after failed sign-ins. */
    @PostMapping("/users/{id}/unlock")
    UserView unlockUser(@PathVariable UUID id) {
        return UserView.of(users.unlock(id));
    }

    @DeleteMapping("/users/{id}")
    @ApiResponse(responseCode = "204", description = "Deleted with its API tokens; its sessions end")
    @ApiResponse(responseCode = "409", description = "Your own account")
    ResponseEntity<Void> deleteUser(@PathVariable UUID id) {
        users.delete(CurrentUser.require(), id);
        return ResponseEntity.noContent().build();
    }

    record PasswordChange(String currentPassword, String newPassword) {}

    /**
     * The caller's own password: {@code currentPassword} required, {@code newPassword} 12..128 characters and
     * different. The caller's other sessions end; this session and the API tokens stay.
     */
    @PutMapping("/me/password")
    @ApiResponse(responseCode = "204", description = "Changed")
    @ApiResponse(responseCode = "409", description = "The account has no password (identity provider sign-in only)")
    ResponseEntity<Void> changePassword(
            @RequestBody PasswordChange body, HttpServletRequest request, HttpServletResponse response) {
        UserAccount changed =
                users.changeOwnPassword(CurrentUser.require(), body.currentPassword(), body.newPassword(), lockout);
        if (request.getSession(false) != null && sessions.containsContext(request)) {
            // this session stays signed in under the new stamp
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            SignedInUser me = SignedInUser.of(changed);
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(me, null, me.getAuthorities()));
            SecurityContextHolder.setContext(context);
            sessions.saveContext(context, request, response);
        }
        return ResponseEntity.noContent().build();
    }

    record NewToken(String name) {}

    @PostMapping("/tokens")
    @ApiResponse(
            responseCode = "201",
            description = "Created; the token is in this answer only",
            headers = @Header(name = "Location", description = "the token", schema = @Schema(type = "string")),
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = ApiTokenService.CreatedToken.class)))
    ResponseEntity<ApiTokenService.CreatedToken> createToken(@RequestBody NewToken body) {
        ApiTokenService.CreatedToken created = tokens.create(CurrentUser.require(), body.name());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.id()))
                .body(created);
    }

    @GetMapping("/tokens")
    List<ApiTokenRepository.TokenView> listTokens() {
        return tokens.list(CurrentUser.require());
    }

    @DeleteMapping("/tokens/{id}")
    @ApiResponse(responseCode = "204", description = "Revoked")
    ResponseEntity<Void> revokeToken(@PathVariable UUID id) {
        tokens.revoke(CurrentUser.require(), id);
        return ResponseEntity.noContent().build();
    }

    record AuditPage(List<AuditLog.Entry> entries, long total, int limit, long offset) {}

    /** Audit entries, newest first: {@code limit} 1..1000 (default 100), {@code offset} >= 0. */
    @GetMapping("/audit")
    AuditPage audit(@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") long offset) {
        if (limit < 1 || limit > MAX_PAGE)
            throw ApiException.badRequest("limit must be in 1.." + MAX_PAGE).at(null, null, "limit");
        if (offset < 0) throw ApiException.badRequest("offset must be >= 0").at(null, null, "offset");
        return new AuditPage(audit.page(limit, offset), audit.count(), limit, offset);
    }

    record SignInOption(String id, String name, String url) {}

    /** Open to everyone: the OIDC providers the sign-in page offers besides the password form. */
    @GetMapping("/sign-in-options")
    Map<String, Object> signInOptions() {
        ClientRegistrationRepository repo = oidcClients.getIfAvailable();
        List<SignInOption> oidc = repo instanceof Iterable<?> registrations
                ? streamOf(registrations)
                        .map(r -> new SignInOption(
                                r.getRegistrationId(),
                                r.getClientName(),
                                "/oauth2/authorization/" + r.getRegistrationId()))
                        .toList()
                : List.of();
        return Map.of("password", true, "oidc", oidc);
    }

    private static java.util.stream.Stream<ClientRegistration> streamOf(Iterable<?> registrations) {
        return java.util.stream.StreamSupport.stream(registrations.spliterator(), false)
                .filter(ClientRegistration.class::isInstance)
                .map(ClientRegistration.class::cast);
    }
}
