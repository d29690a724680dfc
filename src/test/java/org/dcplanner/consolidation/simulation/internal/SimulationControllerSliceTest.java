package org.dcplanner.consolidation.simulation.internal;

import static org.dcplanner.consolidation.problem.ProblemResults.badRequest;
import static org.dcplanner.consolidation.problem.ProblemResults.invalid;
import static org.dcplanner.consolidation.problem.ProblemResults.postJson;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.dcplanner.consolidation.ControllerSlice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The simulation APIs' web layer alone (a plan's replays and policy runs): request bodies, query parameters and ids
 * that cannot be read or are out of their documented range are answered 400 naming the field, before any service
 * is reached.
 */
@ControllerSlice({SimulationController.class, PolicySimulationController.class})
class SimulationControllerSliceTest {
    private static final String PLAN = "/api/v1/plans/8c1f6d0e-8d7e-4a4e-9a51-1c2f0f6b2a10";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SimulationService simulations;

    @MockitoBean
    PolicySimulationService policies;

    @MockitoBean
    OutOfSampleService outOfSample;

    @AfterEach
    void servicesNeverReached() {
        verifyNoInteractions(simulations, policies, outOfSample);
    }

    @Test
    void replayRequestsThatCannotBeCombinedNameTheField() throws Exception {
        badRequest(
                mvc.perform(postJson(PLAN + "/simulations", "{\"policy\": {}, \"from\": \"2026-01-05T00:00:00Z\"}")),
                "policy",
                "out-of-sample");
        badRequest(
                mvc.perform(postJson(
                        PLAN + "/simulations",
                        "{\"overheadOverrides\": {\"full.cpuFactor\": 1.1}, \"workloadId\": "
                                + "\"8c1f6d0e-8d7e-4a4e-9a51-1c2f0f6b2a10\"}")),
                "overheadOverrides",
                "out-of-sample");
    }

    @Test
    void unreadableBodiesNameTheirPath() throws Exception {
        invalid(
                mvc.perform(postJson(PLAN + "/simulations", "{\"virtualization\": \"FOO\"}")),
                "virtualization",
                "'FOO'");
        invalid(
                mvc.perform(postJson(PLAN + "/simulations", "{\"from\": \"yesterday\"}")),
                "from",
                "'yesterday' is not a timestamp (ISO-8601");
        invalid(mvc.perform(postJson(PLAN + "/simulations", "{\"noSuchField\": 1}")), "noSuchField", "noSuchField");
        invalid(mvc.perform(postJson("/api/v1/simulations", "{\"noSuchField\": 1}")), "noSuchField", "noSuchField");
    }

    @Test
    void queryParametersOutOfRangeNameTheParameter() throws Exception {
        badRequest(mvc.perform(get(PLAN + "/simulation").param("maxPoints", "-1")), "maxPoints", "between 0");
        badRequest(mvc.perform(get(PLAN + "/simulation").param("pue", "0.5")), "pue", "between 1 and 5");
        badRequest(mvc.perform(get(PLAN + "/simulation").param("vmSize", "0")), "vmSize", "between 1");
        badRequest(mvc.perform(get(PLAN + "/simulation").param("vmSort", "best")), "vmSort", "'index' or 'worst'");
        invalid(mvc.perform(get(PLAN + "/simulation").param("virtualization", "FOO")), "virtualization", "FOO");
        badRequest(mvc.perform(get(PLAN + "/simulations").param("size", "101")), "size", "between 1 and 100");
        badRequest(mvc.perform(get("/api/v1/simulations").param("size", "0")), "size", "between 1 and 1000");
    }

    @Test
    void malformedIdsNameTheParameter() throws Exception {
        invalid(mvc.perform(get("/api/v1/plans/not-a-uuid/simulation")), "planId", "not-a-uuid");
        invalid(mvc.perform(get("/api/v1/simulations/not-a-uuid")), "id", "not-a-uuid");
    }
}
