package org.dcplanner.consolidation.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The account life cycle a security reviewer checks: own password change (current password required, policy, other
 * sessions end), an admin disabling or deleting a user (sessions and API tokens refused at once), lockout after
 * consecutive failed sign-ins (audited, lifted by an admin), each as real clients see it.
 */
class AccountLifeCycleIT extends PostgresIntegrationTest {
    private static final String PASSWORD = "first-password-0123";
    private static final String NEW_PASSWORD = "second-password-4567";

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    private TestRestTemplate admin() {
        return http.withBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD);
    }

    /** A new planner in workspace default; its id. */
    private UUID newUser(String name) {
        ResponseEntity<JsonNode> created = admin().postForEntity(
                        "/api/v1/users",
                        Map.of("username", name, "password", PASSWORD, "role", "PLANNER", "workspace", "default"),
                        JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return UUID.fromString(created.getBody().get("id").asText());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aUserChangesTheirPasswordWithTheCurrentOneAndTheirOtherSessionsEnd() throws Exception {
        String name = unique("pw");
        newUser(name);
        Browser first = signedIn(name, PASSWORD);
        Browser second = signedIn(name, PASSWORD);

        HttpResponse<String> wrongCurrent = first.put(
                "/api/v1/me/password",
                "{\"currentPassword\":\"not-the-password\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
        assertThat(wrongCurrent.statusCode()).isEqualTo(400);
        assertThat(wrongCurrent.body()).contains("\"field\":\"currentPassword\"", "/problems/wrong-password");
        HttpResponse<String> tooShort = first.put(
                "/api/v1/me/password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"short\"}");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("\"field\":\"newPassword\"");
        HttpResponse<String> same = first.put(
                "/api/v1/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + PASSWORD + "\"}");
        assertThat(same.statusCode()).isEqualTo(400);

        HttpResponse<String> changed = first.put(
                "/api/v1/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(first.get("/api/v1/me").statusCode())
                .as("the session that changed it")
                .isEqualTo(200);
        assertThat(second.get("/api/v1/me").statusCode()).as("another session").isEqualTo(401);
        assertThat(http.withBasicAuth(name, PASSWORD)
                        .getForEntity("/api/v1/me", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth(name, NEW_PASSWORD)
                        .getForEntity("/api/v1/me", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // a viewer may change their own password too (every other write needs PLANNER): past the role check
        ResponseEntity<String> viewer = http.withBasicAuth(TestUsers.VIEWER, TestUsers.PASSWORD)
                .exchange(
                        "/api/v1/me/password",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "short")),
                        String.class);
        assertThat(viewer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(viewer.getBody()).contains("\"field\":\"newPassword\"");
    }

    @Test
    void anAdminDisablesOrDeletesAUserWhoseSessionsAndTokensStopAtOnce() throws Exception {
        String name = unique("off");
        UUID id = newUser(name);
        Browser session = signedIn(name, PASSWORD);
        String token = http.withBasicAuth(name, PASSWORD)
                .postForObject("/api/v1/tokens", Map.of("name", "script"), JsonNode.class)
                .get("token")
                .asText();
        assertThat(withToken(token).statusCode()).isEqualTo(200);

        assertThat(http.postForEntity("/api/v1/users/" + id + "/disable", null, String.class)
                        .getStatusCode())
                .as("a planner")
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> disabled =
                admin().postForEntity("/api/v1/users/" + id + "/disable", null, JsonNode.class);
        assertThat(disabled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(disabled.getBody().get("disabled").asBoolean()).isTrue();
        assertThat(session.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(withToken(token).statusCode()).isEqualTo(401);
        assertThat(http.withBasicAuth(name, PASSWORD)
                        .getForEntity("/api/v1/me", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(signIn(new Browser(), name, PASSWORD).statusCode()).isEqualTo(401);

        assertThat(admin().postForEntity("/api/v1/users/" + id + "/enable", null, JsonNode.class)
                        .getBody()
                        .get("disabled")
                        .asBoolean())
                .isFalse();
        assertThat(withToken(token).statusCode()).isEqualTo(200);
        Browser again = signedIn(name, PASSWORD);

        UUID adminId =
                UUID.fromString(admin().getForObject("/api/v1/users", JsonNode.class).findParents("username").stream()
                        .filter(u -> u.get("username").asText().equals(TestUsers.ADMIN))
                        .findFirst()
                        .orElseThrow()
                        .get("id")
                        .asText());
        ResponseEntity<String> self =
                admin().postForEntity("/api/v1/users/" + adminId + "/disable", null, String.class);
        assertThat(self.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(self.getBody()).contains("/problems/own-account");
        assertThat(admin().exchange("/api/v1/users/" + adminId, HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        assertThat(admin().exchange("/api/v1/users/" + id, HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(again.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(withToken(token).statusCode()).isEqualTo(401);
        assertThat(admin().getForEntity("/api/v1/users/" + id, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(admin().exchange("/api/v1/users/" + id, HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void consecutiveFailedSignInsLockTheAccountAuditedUntilAnAdminUnlocksIt() {
        String name = unique("lock");
        UUID id = newUser(name);
        // a success in between starts the count again: 4 + 4 failures lock nothing
        for (int i = 0; i < 4; i++)
            assertThat(basicStatus(name, "wrong-password-" + i)).isEqualTo(401);
        assertThat(basicStatus(name, PASSWORD)).isEqualTo(200);
        for (int i = 0; i < 4; i++)
            assertThat(basicStatus(name, "wrong-password-" + i)).isEqualTo(401);
        assertThat(basicStatus(name, PASSWORD)).isEqualTo(200);

        for (int i = 0; i < 5; i++)
            assertThat(basicStatus(name, "wrong-password-" + i)).isEqualTo(401);
        assertThat(basicStatus(name, PASSWORD))
                .as("locked: the right password too")
                .isEqualTo(401);
        JsonNode locked = admin().getForObject("/api/v1/users/" + id, JsonNode.class);
        assertThat(locked.get("lockedUntil").isNull()).isFalse();
        List<JsonNode> entries = new ArrayList<>();
        admin().getForObject("/api/v1/audit?limit=200", JsonNode.class)
                .get("entries")
                .forEach(entries::add);
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("method").asText()).isEqualTo("ACCOUNT");
            assertThat(e.get("username").asText()).isEqualTo(name);
            assertThat(e.get("status").asInt()).isEqualTo(423);
            assertThat(e.get("path").asText()).startsWith("locked after 5 consecutive failed sign-ins");
        });

        ResponseEntity<JsonNode> unlocked =
                admin().postForEntity("/api/v1/users/" + id + "/unlock", null, JsonNode.class);
        assertThat(unlocked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(unlocked.getBody().get("lockedUntil").isNull()).isTrue();
        assertThat(basicStatus(name, PASSWORD)).isEqualTo(200);
        assertThat(admin().postForEntity("/api/v1/users/" + UUID.randomUUID() + "/unlock", null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private int basicStatus(String user, String password) {
        return http.withBasicAuth(user, password)
                .getForEntity("/api/v1/me", String.class)
                .getStatusCode()
                .value();
    }

    private HttpResponse<String> withToken(String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri("/api/v1/me"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Browser signedIn(String user, String password) throws Exception {
        Browser b = new Browser();
        HttpResponse<String> r = signIn(b, user, password);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        return b;
    }

    private HttpResponse<String> signIn(Browser b, String user, String password) throws Exception {
        b.get("/api/v1/sign-in-options");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return b.client.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("X-XSRF-TOKEN", b.xsrf())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A browser: cookies (session, XSRF-TOKEN) and the CSRF header on writes, as the web UI sends them. */
    private final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> put(String path, String json) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("X-XSRF-TOKEN", xsrf())
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String xsrf() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
        }
    }
}
