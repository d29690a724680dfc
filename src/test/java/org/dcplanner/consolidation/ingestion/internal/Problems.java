package org.dcplanner.consolidation.ingestion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.dcplanner.consolidation.problem.ApiException;

/** Assertions on the problem+json an ingestion error becomes. */
public final class Problems {
    private Problems() {}

    /** Runs the call, expects an ApiException, and returns its problem's type slug, status and location members. */
    public static Map<String, Object> problemOf(ThrowingCallable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call);
        assertThat(e).as("expected an ApiException").isNotNull();
        var pd = e.problem();
        var props = pd.getProperties() == null ? Map.<String, Object>of() : pd.getProperties();
        var m = new java.util.HashMap<String, Object>(props);
        m.put("type", pd.getType().toString().replace("/problems/", ""));
        m.put("status", pd.getStatus());
        m.put("detail", pd.getDetail());
        return m;
    }
}
