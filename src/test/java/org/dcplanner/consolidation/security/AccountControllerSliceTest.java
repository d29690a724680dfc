package org.dcplanner.consolidation.security;

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
 * The users, tokens and audit API's web layer alone: unreadable bodies, unknown roles, malformed ids and audit pages
 * out of range are answered 400 naming the field before a user, token or audit entry is read or written (who may
 * call what is SecurityIT's).
 */
@ControllerSlice(AccountController.class)
class AccountControllerSliceTest {
    @Autowired
    MockMvc mvc;

    @MockitoBean
    UserService users;

    @MockitoBean
    ApiTokenService tokens;

    @MockitoBean
    AuditLog audit;

    @MockitoBean
    SignInLockout lockout;

    @AfterEach
    void nothingReadOrWritten() {
        verifyNoInteractions(users, tokens, audit, lockout);
    }

    @Test
    void anUnknownRoleOrFieldIsNamed() throws Exception {
        invalid(
                mvc.perform(postJson("/api/v1/users", "{\"username\": \"u\", \"password\": \"p\", \"role\": \"GOD\"}")),
                "role",
                "'GOD' is not one of");
        invalid(mvc.perform(postJson("/api/v1/users", "{\"username\": \"u\", \"admin\": true}")), "admin", "admin");
        invalid(mvc.perform(postJson("/api/v1/tokens", "{\"name\": [\"a\"]}")), "name", "name");
    }

    @Test
    void malformedIdsAndAuditPagesOutOfRangeAreRefused() throws Exception {
        invalid(mvc.perform(delete("/api/v1/tokens/not-a-uuid")), "id", "not-a-uuid");
        badRequest(mvc.perform(get("/api/v1/audit").param("limit", "0")), "limit", "limit must be in 1..");
        badRequest(mvc.perform(get("/api/v1/audit").param("offset", "-1")), "offset", "offset must be >= 0");
        invalid(mvc.perform(get("/api/v1/audit").param("limit", "all")), "limit", "all");
    }
}
