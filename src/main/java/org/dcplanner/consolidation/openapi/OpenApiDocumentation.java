package org.dcplanner.consolidation.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /v3/api-docs as the API behaves: title and the build's version, and on every operation
 * the RFC 9457 problem+json errors it can answer (400 for unreadable or out-of-range input, 404 where the path
 * names a resource, 500 and 503), next to the statuses each controller declares (202 + Location for jobs, 201 for
 * uploads, 409, 413, 415, 422 where they are thrown). OpenApiContractIT checks it against the real answers.
 */
@Configuration
class OpenApiDocumentation {
    static final String PROBLEM = "application/problem+json";
    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerToken";

    @Bean
    OpenAPI consolidationPlannerApi(ObjectProvider<BuildProperties> build) {
        BuildProperties props = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("Consolidation planner API")
                        .version(props == null ? "dev" : props.getVersion())
                        .description(
                                "Upload workload traces, plan VM consolidation onto the fewest hosts, replay plans "
                                        + "and read savings. Jobs (plans, replays) answer 202 with a Location to poll. Every error "
                                        + "is RFC 9457 application/problem+json; input errors name the file, line and field.")
                        .license(new License().name("See the repository")))
                .components(new Components()
                        .addSchemas("Problem", problemSchema())
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("A user's name and password, checked on every call"))
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("dcp_ API token")
                                        .description("An API token from POST /api/v1/tokens")))
                // either credential (a browser's session cookie works too; docs/security.md)
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Adds the problem+json errors every operation can answer, unless the operation already documents them. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            if (api.getPaths() == null) return;
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                        ApiResponses responses = op.getResponses();
                        addProblem(
                                responses,
                                "400",
                                "Bad request: a parameter or body field is unreadable, unknown or out of range");
                        // sign-in (docs/security.md): every operation but the sign-in page's options needs a
                        // credential;
                        // writes need PLANNER, users and audit ADMIN; a session write also needs its CSRF token
                        if (path.equals("/api/v1/sign-in-options")) {
                            op.setSecurity(
                                    java.util.List.of()); // open: the sign-in page reads it before anyone signs in
                        } else {
                            addProblem(
                                    responses,
                                    "401",
                                    "No credential, or an unknown one: sign in, HTTP Basic, or Authorization: Bearer <API token>");
                        }
                        if (method != PathItem.HttpMethod.GET
                                || path.startsWith("/api/v1/users")
                                || path.startsWith("/api/v1/audit")) {
                            addProblem(
                                    responses,
                                    "403",
                                    "Not allowed for the caller's role, or a session write without its CSRF token");
                        }
                        if (path.contains("{")) addProblem(responses, "404", "Not found: no such resource");
                        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
                            addProblem(responses, "415", "Unsupported media type");
                        }
                        addProblem(responses, "500", "Internal error");
                        addProblem(responses, "503", "The database is unavailable; try again");
                        // error responses declared by annotations carry the problem+json media type too
                        responses.forEach((code, response) -> {
                            if (code.startsWith("4") || code.startsWith("5")) response.setContent(problemContent());
                        });
                    }));
        };
    }

    private static void addProblem(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code))
            responses.addApiResponse(
                    code, new ApiResponse().description(description).content(problemContent()));
    }

    private static Content problemContent() {
        return new Content()
                .addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Map<String, Schema> props = new java.util.LinkedHashMap<>();
        props.put("type", new StringSchema().description("URI naming the problem type"));
        props.put("title", new StringSchema());
        props.put("status", new IntegerSchema());
        props.put("detail", new StringSchema().description("What is wrong, in one sentence"));
        props.put("instance", new StringSchema());
        props.put("file", new StringSchema().description("Input errors: the file"));
        props.put("line", new IntegerSchema().description("Input errors: the 1-based line"));
        props.put("field", new StringSchema().description("Input errors: the field, column or parameter"));
        return new ObjectSchema().description("RFC 9457 problem details").properties(props);
    }
}
