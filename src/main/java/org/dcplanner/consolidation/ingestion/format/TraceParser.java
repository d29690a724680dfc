package org.dcplanner.consolidation.ingestion.format;

import java.io.IOException;
import org.dcplanner.consolidation.ingestion.source.TextLines;

/** Reads one file of a trace format into {@link ParsedTraces}; input errors are 422 naming file, line and field. */
public interface TraceParser {
    /**
     * @param path  the file's path inside the upload (names the VM for per-VM formats)
     * @param lines the file's text, positioned at line 1
     */
    void parse(String path, TextLines lines, ParsedTraces out) throws IOException;
}
