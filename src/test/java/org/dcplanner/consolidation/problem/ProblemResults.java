package org.dcplanner.consolidation.problem;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The problem+json shapes the controller slice tests expect (RFC 9457 with the app's field member), and their JSON requests. */
public final class ProblemResults {
    private ProblemResults() {}

    /** A POST of this JSON body, the request most slice checks send. */
    public static MockHttpServletRequestBuilder postJson(String path, String body) {
        return MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    /** A problem+json answer of this status and type ({@code /problems/<type>}). */
    public static ResultActions problem(ResultActions r, int status, String type) throws Exception {
        return r.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/" + type))
                .andExpect(jsonPath("$.status").value(status));
    }

    /** A 400 invalid-request naming the field (its JSON path) and saying {@code detailPart}. */
    public static void invalid(ResultActions r, String field, String detailPart) throws Exception {
        problem(r, 400, "invalid-request")
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(detailPart)));
    }

    /** A 400 bad-request (a value out of its documented range or otherwise refused) naming the field. */
    public static void badRequest(ResultActions r, String field, String detailPart) throws Exception {
        problem(r, 400, "bad-request")
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(detailPart)));
    }
}
