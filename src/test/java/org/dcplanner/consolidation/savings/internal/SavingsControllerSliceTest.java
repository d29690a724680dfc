package org.dcplanner.consolidation.savings.internal;

import static org.dcplanner.consolidation.problem.ProblemResults.badRequest;
import static org.dcplanner.consolidation.problem.ProblemResults.invalid;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import org.dcplanner.consolidation.ControllerSlice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The savings API's web layer alone: unknown query parameters, unreadable assumption values, pages out of range and
 * malformed plan ids are answered 400 naming the field, for JSON and table exports alike, before the service is
 * reached (the assumptions' own ranges are the service's, see SavingsIT).
 */
@ControllerSlice(SavingsController.class)
class SavingsControllerSliceTest {
    private static final String PLAN = "/api/v1/plans/8c1f6d0e-8d7e-4a4e-9a51-1c2f0f6b2a10";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SavingsService service;

    @AfterEach
    void serviceNeverReached() {
        verifyNoInteractions(service);
    }

    @Test
    void anUnknownQueryParameterIsNamedWithTheKnownOnes() throws Exception {
        badRequest(mvc.perform(get(PLAN + "/savings").param("pue2", "1.2")), "pue2", "assumptions: ");
        badRequest(
                mvc.perform(get(PLAN + "/savings").param("pue2", "1.2").accept("text/csv")),
                "pue2",
                "unknown query parameter");
    }

    @Test
    void anAssumptionThatIsNotANumberIsNamed() throws Exception {
        invalid(
                mvc.perform(put(PLAN + "/savings-assumptions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pue\": \"high\"}")),
                "pue",
                "high");
    }

    @Test
    void pagesOutOfRangeAndMalformedIdsAreRefused() throws Exception {
        badRequest(mvc.perform(get(PLAN + "/current-servers").param("size", "0")), "size", "between 1 and");
        invalid(mvc.perform(get("/api/v1/plans/not-a-uuid/savings")), "planId", "not-a-uuid");
    }
}
