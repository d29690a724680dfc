package org.dcplanner.consolidation.backtest.internal;

import static org.dcplanner.consolidation.problem.ProblemResults.badRequest;
import static org.dcplanner.consolidation.problem.ProblemResults.invalid;
import static org.dcplanner.consolidation.problem.ProblemResults.postJson;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.dcplanner.consolidation.ControllerSlice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The backtest and sweep API's web layer alone: bodies, ids and paging that cannot be read are answered 400 naming
 * the field before the service is reached (range checks of readable bodies are the service's, see BacktestFoldsTest).
 */
@ControllerSlice(BacktestController.class)
class BacktestControllerSliceTest {
    @Autowired
    MockMvc mvc;

    @MockitoBean
    BacktestService service;

    @AfterEach
    void serviceNeverReached() {
        verifyNoInteractions(service);
    }

    @Test
    void wrongTypesNameTheirPath() throws Exception {
        invalid(mvc.perform(postJson("/api/v1/backtests", "{\"trainingDays\": \"seven\"}")), "trainingDays", "seven");
        invalid(mvc.perform(postJson("/api/v1/backtests", "{\"workloadId\": \"w1\"}")), "workloadId", "is not a UUID");
    }

    @Test
    void malformedIdsAndPagesOutOfRangeAreRefused() throws Exception {
        invalid(mvc.perform(get("/api/v1/backtests/not-a-uuid")), "id", "not-a-uuid");
        invalid(mvc.perform(delete("/api/v1/sweeps/not-a-uuid")), "id", "not-a-uuid");
        badRequest(mvc.perform(get("/api/v1/backtests").param("size", "0")), "size", "between 1 and 1000");
        badRequest(mvc.perform(get("/api/v1/sweeps").param("page", "-1")), "page", "page must be between 0");
    }
}
