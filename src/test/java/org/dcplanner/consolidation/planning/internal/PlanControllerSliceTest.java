package org.dcplanner.consolidation.planning.internal;

import static org.dcplanner.consolidation.problem.ProblemResults.invalid;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.dcplanner.consolidation.ControllerSlice;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The plan API's web layer alone (MVC slice with the problem+json handler): bodies and path ids that cannot be read
 * are answered 400 with the JSON path of the bad value, before the service is reached (so nothing can be stored).
 */
@ControllerSlice(PlanController.class)
class PlanControllerSliceTest {
    private static final String VALID = """
            {"workloadId": "8c1f6d0e-8d7e-4a4e-9a51-1c2f0f6b2a10", "hostPool": [{"model": "hp-ml110-g5", "count": 10}],
             "virtualization": "FULL", "sizing": {"percentile": 95}}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PlanService service;

    @AfterEach
    void serviceNeverReached() {
        verifyNoInteractions(service);
    }

    private ResultActions postPlan(String body) throws Exception {
        return mvc.perform(
                post("/api/v1/plans").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void anUnknownEnumValueNamesItsPathAndTheAllowedValues() throws Exception {
        invalid(postPlan(VALID.replace("\"FULL\"", "\"FOO\"")), "virtualization", "'FOO' is not one of");
        invalid(postPlan(VALID.replace("\"FULL\"", "\"FOO\"")), "virtualization", "HARDWARE_ASSISTED");
    }

    @Test
    void wrongTypesNameTheirPath() throws Exception {
        invalid(
                postPlan(VALID.replace("8c1f6d0e-8d7e-4a4e-9a51-1c2f0f6b2a10", "not-a-uuid")),
                "workloadId",
                "is not a UUID");
        invalid(postPlan(VALID.replace("\"count\": 10", "\"count\": \"many\"")), "hostPool[0].count", "many");
        invalid(
                postPlan(VALID.replace("\"percentile\": 95", "\"percentile\": 95, \"overheadInTrace\": \"maybe\"")),
                "sizing.overheadInTrace",
                "maybe");
    }

    @Test
    void aBodyThatIsNotJsonIsInvalidRequest() throws Exception {
        postPlan("{\"workloadId\": ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("not valid JSON")));
    }

    @Test
    void aMalformedIdInThePathNamesTheParameter() throws Exception {
        invalid(mvc.perform(get("/api/v1/plans/not-a-uuid")), "id", "not-a-uuid");
    }
}
