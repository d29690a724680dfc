package org.dcplanner.consolidation.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBodyProblemsTest {
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    record Body(Double ratio, Integer count, Boolean flag, java.time.Instant from) {}

    private String detail(String body, Class<?> type) {
        return RequestBodyProblems.detail(catchThrowable(() -> json.readValue(body, type)));
    }

    @Test
    void namesTheJsonToSendNotTheJavaType() {
        assertThat(detail("[]", Map.class)).isEqualTo("the request body: expected a JSON object");
        assertThat(detail("{\"ratio\": \"abc\"}", Body.class)).isEqualTo("'ratio': 'abc' is not a number");
        assertThat(detail("{\"count\": \"many\"}", Body.class)).isEqualTo("'count': 'many' is not a whole number");
        assertThat(detail("{\"flag\": \"maybe\"}", Body.class))
                .isEqualTo("'flag': 'maybe' is not a boolean (true or false)");
        // the time module's own parse error under Jackson's is not what the client needs to read
        assertThat(detail("{\"from\": \"yesterday\"}", Body.class))
                .isEqualTo("'from': 'yesterday' is not a timestamp (ISO-8601, e.g. 2026-01-05T00:00:00Z)");
    }
}
