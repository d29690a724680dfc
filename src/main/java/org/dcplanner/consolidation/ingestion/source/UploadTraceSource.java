package org.dcplanner.consolidation.ingestion.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.dcplanner.consolidation.ingestion.IngestionProperties;
import org.springframework.core.io.InputStreamSource;

/**
 * An uploaded file, streamed: a zip archive (detected by its signature, not its name) is read entry by
 * entry through {@link ZipEntries}; anything else is one text file. Nothing is buffered whole.
 */
public final class UploadTraceSource implements TraceSource {
    private final InputStreamSource content;
    private final String name;
    private final IngestionProperties limits;

    public UploadTraceSource(InputStreamSource content, String name, IngestionProperties limits) {
        this.content = content;
        this.name = name == null || name.isBlank() ? "upload" : TraceSource.baseName(name);
        this.limits = limits;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void forEachFile(FileVisitor visitor, SkipListener skipped) throws IOException {
        try (InputStream raw = content.getInputStream(); BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            if (isZip(in)) {
                new ZipEntries(in, name, limits).forEach(visitor, skipped);
            } else {
                visitor.visit(name, in);
            }
        }
    }

    private static boolean isZip(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] sig = in.readNBytes(4);
        in.reset();
        return sig.length == 4 && sig[0] == 'P' && sig[1] == 'K' && sig[2] == 3 && sig[3] == 4;
    }
}
