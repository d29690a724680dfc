package org.dcplanner.consolidation.ingestion.internal;

import static org.dcplanner.consolidation.problem.ProblemResults.badRequest;
import static org.dcplanner.consolidation.problem.ProblemResults.invalid;
import static org.dcplanner.consolidation.problem.ProblemResults.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.nio.charset.StandardCharsets;
import org.dcplanner.consolidation.ControllerSlice;
import org.dcplanner.consolidation.ingestion.store.EstateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The workload API's web layer alone: an upload that is empty, names an unknown format or an unreadable start, and
 * pages or ids that cannot be read, are answered with a problem naming the field before the upload is parsed or
 * anything is stored (the parsers' row errors are UploadErrorsIT's, nothing-stored on hostile input BadInputCorpusIT's).
 */
@ControllerSlice(WorkloadController.class)
class WorkloadControllerSliceTest {
    private static final byte[] CSV = "vm,timestamp,cpuMhz\na,0,1\n".getBytes(StandardCharsets.UTF_8);

    @TestConfiguration
    static class Limits {
        @Bean
        IngestionProperties ingestionProperties() {
            return IngestionProperties.defaults();
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    WorkloadIngestionService ingestion;

    @MockitoBean
    WorkloadQueries queries;

    @MockitoBean
    EstateRepository estates;

    @MockitoBean
    UploadGate gate;

    @AfterEach
    void nothingParsedOrStored() {
        verifyNoInteractions(ingestion, queries, estates, gate);
    }

    private ResultActions upload(byte[] content, String... params) throws Exception {
        MockMultipartHttpServletRequestBuilder r =
                multipart("/api/v1/workloads").file(new MockMultipartFile("file", "a.csv", "text/csv", content));
        for (int i = 0; i < params.length; i += 2) r.param(params[i], params[i + 1]);
        return mvc.perform(r);
    }

    @Test
    void anEmptyFileIsUnprocessableAndNamesTheFile() throws Exception {
        problem(upload(new byte[0]), 422, "empty-file")
                .andExpect(jsonPath("$.file").value("a.csv"))
                .andExpect(jsonPath("$.field").value("file"));
    }

    @Test
    void anUnknownFormatNameIsUnsupportedAndNamesTheField() throws Exception {
        problem(upload(CSV, "format", "parquet"), 415, "unsupported-format")
                .andExpect(jsonPath("$.field").value("format"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("planetlab")));
    }

    @Test
    void anUnreadableStartIsABadRequest() throws Exception {
        badRequest(upload(CSV, "start", "monday"), "start", "ISO-8601");
        invalid(upload(CSV, "stepSeconds", "five"), "stepSeconds", "five");
    }

    @Test
    void pagesOutOfRangeAndMalformedIdsAreRefused() throws Exception {
        badRequest(mvc.perform(get("/api/v1/workloads").param("size", "0")), "size", "between 1 and 1000");
        invalid(mvc.perform(get("/api/v1/workloads/not-a-uuid")), "id", "not-a-uuid");
        invalid(mvc.perform(get("/api/v1/workloads/not-a-uuid/vms")), "id", "not-a-uuid");
    }
}
