package org.dcplanner.consolidation.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.TestUsers;
import org.dcplanner.consolidation.simulation.internal.SolvedPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/** Sign-in, roles, workspaces, tokens, CSRF, audit and security headers, as real clients see them. */
class SecurityIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    private final HttpClient plain = HttpClient.newHttpClient();

    @Test
    void withoutCredentialsEveryApiCallIs401ProblemJsonAndHealthStaysOpen() throws Exception {
        for (String path :
                List.of("/api/v1/workloads", "/api/v1/plans", "/api/v1/host-models", "/api/v1/me", "/v3/api-docs")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json"));
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
            assertThat(json.readTree(r.body()).get("type").asText()).isEqualTo("/problems/unauthorized");
            assertThat(r.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        }
        HttpResponse<String> delete = send(HttpRequest.newBuilder(uri("/api/v1/workloads/" + UUID.randomUUID()))
                .DELETE());
        assertThat(delete.statusCode()).isEqualTo(401);
        HttpResponse<String> staleSession = send(HttpRequest.newBuilder(uri("/api/v1/workloads/" + UUID.randomUUID()))
                .header("Cookie", "JSESSIONID=forged")
                .DELETE());
        assertThat(staleSession.statusCode())
                .as("a cookie write without the CSRF token")
                .isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health"))).statusCode())
                .isEqualTo(200);
        // no OIDC client registered (see OidcLoginIT): no provider offered, no OIDC login endpoint
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/sign-in-options"))).body())
                .contains("\"oidc\":[]");
        assertThat(send(HttpRequest.newBuilder(uri("/oauth2/authorization/corp")))
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/api/v1/workloads"))
                .header("Authorization", basic(TestUsers.PLANNER, "not-the-password")));
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> badToken = send(
                HttpRequest.newBuilder(uri("/api/v1/workloads")).header("Authorization", "Bearer dcp_not-a-token"));
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(badToken.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void viewerReadsButEveryWriteIs403ProblemJson() {
        TestRestTemplate viewer = http.withBasicAuth(TestUsers.VIEWER, TestUsers.PASSWORD);
        assertThat(viewer.getForEntity("/api/v1/workloads", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(viewer.getForEntity("/api/v1/me", JsonNode.class)
                        .getBody()
                        .get("role")
                        .asText())
                .isEqualTo("VIEWER");
        ResponseEntity<JsonNode> upload =
                viewer.postForEntity("/api/v1/workloads", traceForm("viewer upload"), JsonNode.class);
        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(upload.getBody().get("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(viewer.exchange("/api/v1/workloads/" + UUID.randomUUID(), HttpMethod.DELETE, null, JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viewer.postForEntity("/api/v1/host-models", Map.of("id", "viewer-model"), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // users and audit are for admins only, even for planners
        assertThat(http.getForEntity("/api/v1/audit", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/v1/users", Map.of("username", "x", "password", "y"), JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anotherWorkspacesWorkloadAndPlanAre404AndNotListed() {
        UUID workload = upload(http, "workspace default only");
        UUID plan = SolvedPlans.solve(http, workload, "FULL");
        TestRestTemplate other = http.withBasicAuth(TestUsers.OTHER_PLANNER, TestUsers.PASSWORD);

        for (String path : List.of(
                "/api/v1/workloads/" + workload,
                "/api/v1/workloads/" + workload + "/vms",
                "/api/v1/workloads/" + workload + "/aggregate",
                "/api/v1/plans/" + plan,
                "/api/v1/plans/" + plan + "/placements",
                "/api/v1/plans/" + plan + "/host-ratios",
                "/api/v1/plans/" + plan + "/failover",
                "/api/v1/plans/" + plan + "/simulations",
                "/api/v1/plans/" + plan + "/simulation?virtualization=FULL",
                "/api/v1/plans/" + plan + "/savings",
                "/api/v1/plans/" + plan + "/savings-assumptions")) {
            assertThat(other.getForEntity(path, String.class).getStatusCode())
                    .as(path)
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(other.getForObject("/api/v1/workloads", String.class)).doesNotContain(workload.toString());
        assertThat(other.getForObject("/api/v1/plans", String.class)).doesNotContain(plan.toString());
        assertThat(other.exchange("/api/v1/plans/" + plan, HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.exchange("/api/v1/workloads/" + workload, HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        Map<String, Object> planOnForeignWorkload = Map.of(
                "workloadId",
                workload,
                "name",
                "foreign",
                "hostPool",
                List.of(Map.of("model", "hp-ml110-g5", "count", 2)));
        assertThat(other.postForEntity("/api/v1/plans", planOnForeignWorkload, String.class)
                        .getStatusCode()
                        .is4xxClientError())
                .isTrue();
        assertThat(http.getForEntity("/api/v1/workloads/" + workload, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/v1/plans/" + plan, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select workspace from workload where id = ?", String.class, workload))
                .isEqualTo("default");
        assertThat(jdbc.queryForObject("select workspace from plans where id = ?", String.class, plan))
                .isEqualTo("default");
    }

    @Test
    void customHostModelsBelongToTheirWorkspaceAndBuiltInsAreShared() {
        String id = "ws-model-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> model = HostModelIdsPerWorkspaceIT.model(id, 8, 2500);
        ResponseEntity<String> created = http.postForEntity("/api/v1/host-models", model, String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        TestRestTemplate other = http.withBasicAuth(TestUsers.OTHER_PLANNER, TestUsers.PASSWORD);
        assertThat(other.getForEntity("/api/v1/host-models/" + id, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getForObject("/api/v1/host-models", String.class))
                .doesNotContain(id)
                .contains("hp-ml110-g5");
        assertThat(other.exchange("/api/v1/host-models/" + id, HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.exchange("/api/v1/host-models/hp-ml110-g5", HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.exchange("/api/v1/host-models/" + id, HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // the shared catalog: only admins add to it or delete from it; every workspace sees it
        Map<String, Object> sharedModel = new java.util.HashMap<>(model);
        sharedModel.put("id", id + "-shared");
        assertThat(http.postForEntity("/api/v1/host-models?shared=true", sharedModel, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        TestRestTemplate admin = http.withBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD);
        assertThat(admin.postForEntity("/api/v1/host-models?shared=true", sharedModel, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(other.getForEntity("/api/v1/host-models/" + id + "-shared", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(other.exchange("/api/v1/host-models/" + id + "-shared", HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(admin.exchange("/api/v1/host-models/" + id + "-shared", HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void tokenIsShownOnceWorksAsBearerAndStopsWorkingWhenRevoked() throws Exception {
        ResponseEntity<JsonNode> created =
                http.postForEntity("/api/v1/tokens", Map.of("name", "capacity script"), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String token = created.getBody().get("token").asText();
        String id = created.getBody().get("id").asText();
        assertThat(token).startsWith("dcp_").hasSizeGreaterThan(40);
        byte[] stored = jdbc.queryForObject("select token_sha256 from api_token where id = ?::uuid", byte[].class, id);
        assertThat(stored).isEqualTo(ApiTokenService.sha256(token)).hasSize(32);
        assertThat(jdbc.queryForObject(
                        "select count(*) from api_token where token_sha256 = ?",
                        Long.class,
                        token.getBytes(StandardCharsets.UTF_8)))
                .isZero();

        String listed = http.getForObject("/api/v1/tokens", String.class);
        assertThat(listed).contains(id).contains("capacity script").doesNotContain(token.substring(4));

        HttpResponse<String> me =
                send(HttpRequest.newBuilder(uri("/api/v1/me")).header("Authorization", "Bearer " + token));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json.readTree(me.body()).get("username").asText()).isEqualTo(TestUsers.PLANNER);
        assertThat(json.readTree(me.body()).get("workspace").asText()).isEqualTo("default");
        // a token write needs no CSRF token
        HttpResponse<String> write = send(HttpRequest.newBuilder(uri("/api/v1/tokens"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"by token\"}")));
        assertThat(write.statusCode()).isEqualTo(201);
        // another user cannot revoke it
        assertThat(http.withBasicAuth(TestUsers.OTHER_PLANNER, TestUsers.PASSWORD)
                        .exchange("/api/v1/tokens/" + id, HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(http.exchange("/api/v1/tokens/" + id, HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        HttpResponse<String> revoked =
                send(HttpRequest.newBuilder(uri("/api/v1/me")).header("Authorization", "Bearer " + token));
        assertThat(revoked.statusCode()).isEqualTo(401);
    }

    @Test
    void adminCreatesUsersWhoSignInInTheirWorkspace() {
        TestRestTemplate admin = http.withBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD);
        String name = "user-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> created = admin.postForEntity(
                "/api/v1/users",
                Map.of("username", name, "password", "a-long-password-1", "role", "VIEWER", "workspace", "team-b"),
                JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().has("password")).isFalse();
        assertThat(created.getBody().has("passwordHash")).isFalse();
        assertThat(jdbc.queryForObject("select password_hash from app_user where username = ?", String.class, name))
                .startsWith("{bcrypt}");
        JsonNode me = http.withBasicAuth(name, "a-long-password-1").getForObject("/api/v1/me", JsonNode.class);
        assertThat(me.get("workspace").asText()).isEqualTo("team-b");
        assertThat(admin.postForEntity(
                                "/api/v1/users",
                                Map.of(
                                        "username",
                                        name,
                                        "password",
                                        "a-long-password-1",
                                        "role",
                                        "VIEWER",
                                        "workspace",
                                        "team-b"),
                                JsonNode.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<JsonNode> shortPassword = admin.postForEntity(
                "/api/v1/users",
                Map.of("username", name + "x", "password", "short", "role", "VIEWER", "workspace", "team-b"),
                JsonNode.class);
        assertThat(shortPassword.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(shortPassword.getBody().get("field").asText()).isEqualTo("password");
    }

    @Test
    void cookieSessionWritesNeedTheCsrfTokenAndCrossOriginMultipartIsRefused() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(
                HttpRequest.newBuilder(uri("/api/v1/sign-in-options")).build(), HttpResponse.BodyHandlers.ofString());
        String form = "username=" + URLEncoder.encode(TestUsers.PLANNER, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> withoutToken = browser.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode())
                .as("sign-in without the CSRF token")
                .isEqualTo(403);
        HttpResponse<String> signIn = browser.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("X-XSRF-TOKEN", xsrf(cookies))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(204);
        HttpResponse<String> me =
                browser.send(HttpRequest.newBuilder(uri("/api/v1/me")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);

        // what another site's page can send: the session cookie, a multipart form, no X-XSRF-TOKEN
        String boundary = "----evil" + UUID.randomUUID();
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nvm,timestamp,cpuMhz\nvm 0,2026-01-05T00:00:00Z,10\n\r\n--" + boundary
                + "--\r\n";
        long before = jdbc.queryForObject("select count(*) from workload", Long.class);
        HttpResponse<String> crossSite = browser.send(
                HttpRequest.newBuilder(uri("/api/v1/workloads"))
                        .header("Origin", "https://evil.example")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(multipart))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(json.readTree(crossSite.body()).get("type").asText()).isEqualTo("/problems/csrf");
        assertThat(jdbc.queryForObject("select count(*) from workload", Long.class))
                .isEqualTo(before);

        HttpResponse<String> sameSite = browser.send(
                HttpRequest.newBuilder(uri("/api/v1/tokens"))
                        .header("X-XSRF-TOKEN", xsrf(cookies))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"from the UI\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sameSite.statusCode()).isEqualTo(201);

        HttpResponse<String> signOut = browser.send(
                HttpRequest.newBuilder(uri("/logout"))
                        .header("X-XSRF-TOKEN", xsrf(cookies))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(browser.send(HttpRequest.newBuilder(uri("/api/v1/me")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void writesAndFailedSignInsAreAuditedAndAdminsReadTheLog() {
        UUID workload = upload(http, "audited");
        http.exchange("/api/v1/workloads/" + workload, HttpMethod.DELETE, null, String.class);
        http.withBasicAuth(TestUsers.VIEWER, TestUsers.PASSWORD)
                .exchange("/api/v1/workloads/" + workload, HttpMethod.DELETE, null, String.class);
        http.withBasicAuth(TestUsers.VIEWER, "wrong-password-123").getForEntity("/api/v1/workloads", String.class);

        ResponseEntity<JsonNode> page = http.withBasicAuth(TestUsers.ADMIN, TestUsers.PASSWORD)
                .getForEntity("/api/v1/audit?limit=50", JsonNode.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> entries = new java.util.ArrayList<>();
        page.getBody().get("entries").forEach(entries::add);
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("method").asText()).isEqualTo("POST");
            assertThat(e.get("path").asText()).isEqualTo("/api/v1/workloads");
            assertThat(e.get("status").asInt()).isEqualTo(201);
            assertThat(e.get("username").asText()).isEqualTo(TestUsers.PLANNER);
            assertThat(e.get("workspace").asText()).isEqualTo("default");
            assertThat(e.get("remoteAddress").asText()).isEqualTo("127.0.0.1");
            assertThat(e.get("target").asText()).contains(workload.toString());
            assertThat(e.get("at").asText()).isNotBlank();
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("method").asText()).isEqualTo("DELETE");
            assertThat(e.get("path").asText()).isEqualTo("/api/v1/workloads/" + workload);
            assertThat(e.get("username").asText()).isEqualTo(TestUsers.VIEWER);
            assertThat(e.get("status").asInt()).isEqualTo(403);
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("method").asText()).isEqualTo("DELETE");
            assertThat(e.get("username").asText()).isEqualTo(TestUsers.PLANNER);
            assertThat(e.get("status").asInt()).isEqualTo(204);
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("method").asText()).isEqualTo("SIGN-IN");
            assertThat(e.get("username").asText()).isEqualTo(TestUsers.VIEWER);
            assertThat(e.get("status").asInt()).isEqualTo(401);
        });
        assertThat(http.getForEntity("/api/v1/audit?limit=0", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void responsesCarryTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/api/v1/me", "/actuator/health")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", basic(TestUsers.VIEWER, TestUsers.PASSWORD)));
            HttpHeaders h = new HttpHeaders();
            r.headers().map().forEach(h::addAll);
            assertThat(h.getFirst("Content-Security-Policy"))
                    .as(path)
                    .contains("script-src 'self';")
                    .contains("frame-ancestors 'none'")
                    .contains("object-src 'none'");
            assertThat(h.getFirst("Content-Security-Policy"))
                    .as(path)
                    .doesNotContain("script-src 'self' 'unsafe-inline'");
            assertThat(h.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(h.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(h.getFirst("Referrer-Policy")).as(path).isEqualTo("same-origin");
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return plain.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String xsrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    }

    static UUID upload(TestRestTemplate client, String name) {
        ResponseEntity<JsonNode> created = client.postForEntity("/api/v1/workloads", traceForm(name), JsonNode.class);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return UUID.fromString(created.getBody().get("id").asText());
    }

    /** Two web-like VMs over four 300 s steps, generic CSV. */
    static HttpEntity<LinkedMultiValueMap<String, Object>> traceForm(String name) {
        String trace = "vm,timestamp,cpuMhz,memoryMib\n"
                + "vm 0,2026-01-05T00:00:00Z,600,700\nvm 0,2026-01-05T00:05:00Z,1400,700\n"
                + "vm 0,2026-01-05T00:10:00Z,600,700\nvm 0,2026-01-05T00:15:00Z,1400,700\n"
                + "vm 1,2026-01-05T00:00:00Z,1400,700\nvm 1,2026-01-05T00:05:00Z,600,700\n"
                + "vm 1,2026-01-05T00:10:00Z,1400,700\nvm 1,2026-01-05T00:15:00Z,600,700\n";
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(trace.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "trace.csv";
            }
        });
        form.add("name", name);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(form, headers);
    }
}
