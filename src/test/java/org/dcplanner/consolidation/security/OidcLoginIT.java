package org.dcplanner.consolidation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * OIDC login is switched on by the standard Spring client-registration properties alone: the sign-in
 * options list the provider and its authorization endpoint redirects there (no network: the provider's
 * endpoints are given explicitly and never called). Without the properties (every other IT) it is off.
 */
@TestPropertySource(
        properties = {
            "spring.security.oauth2.client.registration.corp.client-id=planner",
            "spring.security.oauth2.client.registration.corp.client-secret=not-a-secret",
            "spring.security.oauth2.client.registration.corp.client-name=Corporate SSO",
            "spring.security.oauth2.client.registration.corp.authorization-grant-type=authorization_code",
            "spring.security.oauth2.client.registration.corp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
            "spring.security.oauth2.client.registration.corp.scope=openid,profile",
            "spring.security.oauth2.client.provider.corp.authorization-uri=https://idp.example.invalid/authorize",
            "spring.security.oauth2.client.provider.corp.token-uri=https://idp.example.invalid/token",
            "spring.security.oauth2.client.provider.corp.jwk-set-uri=https://idp.example.invalid/jwks",
            "spring.security.oauth2.client.provider.corp.user-name-attribute=sub"
        })
class OidcLoginIT extends PostgresIntegrationTest {
    @LocalServerPort
    int port;

    @Test
    void configuredProviderIsOfferedAndItsLoginRedirectsToIt() throws Exception {
        HttpClient client = HttpClient.newHttpClient(); // follows no redirects
        HttpResponse<String> options = client.send(
                HttpRequest.newBuilder(uri("/api/v1/sign-in-options")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(options.statusCode()).isEqualTo(200);
        assertThat(options.body()).contains("Corporate SSO", "/oauth2/authorization/corp");

        HttpResponse<String> start = client.send(
                HttpRequest.newBuilder(uri("/oauth2/authorization/corp")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        assertThat(start.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location)
                        .startsWith("https://idp.example.invalid/authorize?")
                        .contains("client_id=planner", "scope=openid"));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
