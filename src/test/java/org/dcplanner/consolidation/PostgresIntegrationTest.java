package org.dcplanner.consolidation;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every {@code *IT}: the full application on a real PostgreSQL (see {@link TestDatabase}), with
 * sign-in on; the test users exist and the TestRestTemplate signs in as the planner (see {@link TestUsers}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestUsers.class)
public abstract class PostgresIntegrationTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        // the ITs upload the same samples in many classes and expect a new workload each time
        // (CompressedAndRepeatedUploadsIT turns recognition back on)
        registry.add("app.ingestion.recognise-repeats", () -> "false");
    }
}
