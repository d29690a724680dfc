package org.dcplanner.consolidation.ingestion.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;
import org.dcplanner.consolidation.ingestion.internal.IngestionProperties;
import org.springframework.core.io.InputStreamSource;

/**
 * An uploaded file, streamed: a zip archive, a tar archive, a gzip-compressed tar ({@code .tar.gz}) or a
 * gzip-compressed single file ({@code .csv.gz}), each detected by its signature, not its name, is read entry
 * by entry through {@link ZipEntries} with its expansion limits; anything else is one text file. Nothing is
 * buffered whole.
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

    /** The upload's bytes as sent (an RVTools workbook is read whole, not as a file tree). */
    public InputStreamSource content() {
        return content;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void forEachFile(FileVisitor visitor, SkipListener skipped) throws IOException {
        try (InputStream raw = content.getInputStream();
                BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            if (isZip(in)) {
                new ZipEntries(in, name, limits).forEach(visitor, skipped);
            } else if (isGzip(in)) {
                ZipEntries archive = new ZipEntries(in, name, limits);
                BufferedInputStream expanded = new BufferedInputStream(gunzip(archive.raw()), 1 << 16);
                if (isTar(expanded)) archive.forEachTar(expanded, visitor, skipped);
                else archive.single(name.replaceFirst("(?i)\\.gz$", ""), expanded, visitor);
            } else if (isTar(in)) {
                ZipEntries archive = new ZipEntries(in, name, limits);
                archive.forEachTar(archive.raw(), visitor, skipped);
            } else {
                visitor.visit(name, in);
            }
        }
    }

    private InputStream gunzip(InputStream in) throws IOException {
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (ZipException e) {
            throw IngestProblems.invalid("bad-archive", "The gzip file is damaged: " + e.getMessage(), name, 0, null);
        }
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        byte[] sig = in.readNBytes(2);
        in.reset();
        return sig.length == 2 && (sig[0] & 0xff) == 0x1f && (sig[1] & 0xff) == 0x8b;
    }

    /** A POSIX/GNU tar: "ustar" at offset 257 of the first 512-byte header. */
    private static boolean isTar(BufferedInputStream in) throws IOException {
        in.mark(512);
        byte[] header = in.readNBytes(512);
        in.reset();
        return header.length == 512 && new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
    }

    private static boolean isZip(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] sig = in.readNBytes(4);
        in.reset();
        return sig.length == 4 && sig[0] == 'P' && sig[1] == 'K' && sig[2] == 3 && sig[3] == 4;
    }
}
