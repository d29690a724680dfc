package org.dcplanner.consolidation.ingestion.format;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.dcplanner.consolidation.ingestion.source.TextLines;

final class TraceText {
    private TraceText() {}

    static TextLines of(String file, String text) {
        return of(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static TextLines of(String file, byte[] bytes) {
        return new TextLines(new ByteArrayInputStream(bytes), file, 1 << 20);
    }
}
