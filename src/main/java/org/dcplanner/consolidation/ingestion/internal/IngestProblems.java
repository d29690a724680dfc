package org.dcplanner.consolidation.ingestion.internal;

import org.dcplanner.consolidation.problem.ApiException;
import org.springframework.http.HttpStatus;

/** The ingestion feature's problem+json errors; every input error names file, line and field where known. */
public final class IngestProblems {
    private IngestProblems() {}

    /** 422: the content is readable but wrong (type slug says what). */
    public static ApiException invalid(String type, String detail, String file, long line, String field) {
        return ApiException.unprocessable(type, detail).at(file, line > 0 ? line : null, field);
    }

    public static ApiException unsupportedFormat(String detail, String file) {
        return new ApiException(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-format", "Unsupported trace format", detail)
                .at(file, null, null);
    }

    public static ApiException tooLarge(String type, String detail, String file) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, type, "Upload too large", detail).at(file, null, null);
    }
}
