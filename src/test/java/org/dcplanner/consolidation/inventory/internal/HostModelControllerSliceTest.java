package org.dcplanner.consolidation.inventory.internal;

import static org.dcplanner.consolidation.problem.ProblemResults.badRequest;
import static org.dcplanner.consolidation.problem.ProblemResults.invalid;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.dcplanner.consolidation.ControllerSlice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The host model API's web layer alone: a custom model whose body cannot be read or whose values are refused
 * (power curve, units) is answered 400 naming the field before the catalog is reached, so nothing is stored.
 */
@ControllerSlice(HostModelController.class)
class HostModelControllerSliceTest {
    private static final String CURVE = "[60, 90, 100, 110, 120, 130, 145, 160, 180, 200, 220]";
    private static final String VALID = """
            {"id": "slice-1", "name": "Custom", "cores": 32, "coreMhz": 2400, "memoryMib": 262144,
             "diskKBps": 2000000, "networkKBps": 1250000, "powerWatts": %s, "rackUnits": 1,
             "purchaseCost": 9000, "yearlyMaintenanceCost": 1350, "hardwareAssist": true, "source": "slice"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    HostCatalogService catalog;

    @AfterEach
    void catalogNeverReached() {
        verifyNoInteractions(catalog);
    }

    private ResultActions add(String body) throws Exception {
        return mvc.perform(post("/api/v1/host-models")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void aPowerCurveThatDecreasesOrHasTooFewPointsIsRefused() throws Exception {
        badRequest(add(VALID.formatted(CURVE.replace("110,", "10,"))), "powerWatts", "non-decreasing");
        badRequest(add(VALID.formatted("[1, 2]")), "powerWatts", "exactly 11 points");
    }

    @Test
    void valuesInTheWrongUnitOrShapeAreRefused() throws Exception {
        badRequest(add(VALID.formatted(CURVE).replace("\"cores\": 32", "\"cores\": 0")), "cores", "positive");
        badRequest(add(VALID.formatted(CURVE).replace("\"slice-1\"", "\"Not A Slug\"")), "id", "slug");
        invalid(add(VALID.formatted(CURVE).replace("\"cores\": 32", "\"cores\": \"many\"")), "cores", "many");
        invalid(add(VALID.formatted(CURVE).replace("\"cores\"", "\"cpus\"")), "cpus", "cpus");
    }

    @Test
    void pagesOutOfRangeAreRefused() throws Exception {
        badRequest(mvc.perform(get("/api/v1/host-models").param("size", "1001")), "size", "between 1 and 1000");
    }
}
