package org.dcplanner.consolidation.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dcplanner.consolidation.ApiClient;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The database dies under the running service and comes back: {@code /actuator/health} turns DOWN within seconds,
 * API calls (HTTP Basic and Bearer token) answer 503 problem+json {@code database-unavailable} at once instead of
 * hanging, and the service reconnects by itself. The service reaches its PostgreSQL through a {@link DatabaseLink}
 * this test owns and cuts; its own Spring context (closed after the class), so no other test sees the outage.
 * The limits are loose for a busy machine (the target is DOWN within 5 s and 503 within Hikari's 2-s connection
 * timeout); the failure they catch is a call that hangs (30 s before the fix) or a health that stays UP.
 */
@Import(DatabaseOutageIT.ThroughTheLink.class)
@DirtiesContext
class DatabaseOutageIT extends PostgresIntegrationTest {
    private static final Duration HEALTH_DOWN_WITHIN = Duration.ofSeconds(15);
    private static final Duration CALL_ANSWERED_WITHIN = Duration.ofSeconds(10);
    private static final Duration RECONNECTED_WITHIN = Duration.ofSeconds(60);
    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/(.*)");
    private static DatabaseLink link;

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    /** The service's datasource URL, rewritten to go through the link (created on first use, to the real server). */
    @TestConfiguration(proxyBeanMethods = false)
    static class ThroughTheLink {
        @Bean
        static BeanPostProcessor datasourceThroughTheLink() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSourceProperties properties) {
                        properties.setUrl(throughLink(properties.getUrl()));
                    }
                    return bean;
                }
            };
        }
    }

    static synchronized String throughLink(String url) {
        Matcher m = POSTGRES_URL.matcher(url);
        if (!m.matches()) throw new IllegalStateException("not a PostgreSQL JDBC URL: " + url);
        if (link == null) {
            link = new DatabaseLink(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
        }
        return "jdbc:postgresql://127.0.0.1:" + link.port() + "/" + m.group(3);
    }

    @AfterAll
    static void closeLink() {
        if (link != null) link.close();
    }

    @Test
    void healthTurnsDownCallsFailFastWith503AndTheServiceReconnectsByItself() throws Exception {
        ApiClient api = ApiClient.onPort(port);
        assertThat(link).as("the service's datasource goes through the link").isNotNull();
        assertThat(health(api).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/workloads").statusCode()).isEqualTo(200);
        HttpResponse<String> created = api.postJson("/api/v1/tokens", "{\"name\":\"outage-it\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String token = json.readTree(created.body()).path("token").asText();

        link.cut();
        long cutAt = System.nanoTime();
        Timed health = timed(() -> health(api));
        while (health.response().statusCode() == 200 && elapsed(cutAt).compareTo(HEALTH_DOWN_WITHIN) < 0) {
            Thread.sleep(200);
            health = timed(() -> health(api));
        }
        Duration downAfter = elapsed(cutAt);
        assertThat(health.response().statusCode())
                .as("health %s after %s", health.response().body(), downAfter)
                .isEqualTo(503);
        assertThat(json.readTree(health.response().body()).path("status").asText())
                .isEqualTo("DOWN");
        assertThat(health.took()).isLessThan(CALL_ANSWERED_WITHIN);

        Timed basic = timed(() -> api.get("/api/v1/workloads"));
        assertDatabaseUnavailable(basic);
        Timed bearer = timed(() -> api.send(unauthenticated("/api/v1/plans")
                .header("Authorization", "Bearer " + token)
                .GET()
                .build()));
        assertDatabaseUnavailable(bearer);
        System.out.printf(
                "database cut: health DOWN after %d ms (probe %d ms); GET workloads 503 in %d ms, Bearer GET plans"
                        + " 503 in %d ms%n",
                downAfter.toMillis(),
                health.took().toMillis(),
                basic.took().toMillis(),
                bearer.took().toMillis());

        link.restore();
        long restoredAt = System.nanoTime();
        Timed back = timed(() -> health(api));
        while (back.response().statusCode() != 200 && elapsed(restoredAt).compareTo(RECONNECTED_WITHIN) < 0) {
            Thread.sleep(200);
            back = timed(() -> health(api));
        }
        assertThat(back.response().statusCode())
                .as("health after the database came back: %s", back.response().body())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/workloads").statusCode()).isEqualTo(200);
        System.out.printf(
                "database back: health UP after %d ms%n", elapsed(restoredAt).toMillis());
    }

    /** As a load balancer probes: no credential. */
    private HttpResponse<String> health(ApiClient api) {
        return api.send(unauthenticated("/actuator/health").GET().build());
    }

    private HttpRequest.Builder unauthenticated(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(120));
    }

    private void assertDatabaseUnavailable(Timed call) throws Exception {
        HttpResponse<String> r = call.response();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(r.body());
        assertThat(problem.path("type").asText()).endsWith("database-unavailable");
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(call.took()).isLessThan(CALL_ANSWERED_WITHIN);
    }

    private record Timed(HttpResponse<String> response, Duration took) {}

    private static Timed timed(java.util.function.Supplier<HttpResponse<String>> call) {
        long start = System.nanoTime();
        HttpResponse<String> r = call.get();
        return new Timed(r, elapsed(start));
    }

    private static Duration elapsed(long sinceNanos) {
        return Duration.ofNanos(System.nanoTime() - sinceNanos);
    }
}
