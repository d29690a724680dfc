package org.dcplanner.consolidation.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Maps an OIDC sign-in to a local account (found by the {@code preferred_username} claim, else the subject):
 * an unknown user gets {@code app.security.oidc.default-role} (VIEWER) in
 * {@code app.security.oidc.default-workspace} (default); an admin can create the account beforehand to choose.
 */
@Component
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {
    private final OidcUserService delegate = new OidcUserService();
    private final UserService users;
    private final Role defaultRole;
    private final String defaultWorkspace;

    OidcAccounts(
            UserService users,
            @Value("${app.security.oidc.default-role:VIEWER}") Role defaultRole,
            @Value("${app.security.oidc.default-workspace:default}") String defaultWorkspace) {
        this.users = users;
        this.defaultRole = defaultRole;
        this.defaultWorkspace = defaultWorkspace;
    }

    /** An OIDC principal that carries its local account. */
    static final class SignedInOidcUser extends DefaultOidcUser {
        private final SignedInUser account;

        SignedInOidcUser(OidcUser user, SignedInUser account) {
            super(account.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.account = account;
        }

        SignedInUser account() {
            return account;
        }

        @Override
        public String getName() {
            return account.username();
        }
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = delegate.loadUser(request);
        String username = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
        UserAccount account = users.oidcAccount(username, defaultRole, defaultWorkspace);
        if (account.disabled())
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", "the account is disabled", null));
        return new SignedInOidcUser(user, SignedInUser.of(account));
    }
}
