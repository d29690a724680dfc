package org.dcplanner.consolidation.ingestion.format;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The binned steps of an upload, outside the Java heap: fixed chunks of {@value #CHUNK} floats in
 * memory-mapped temporary files of {@value #SEGMENT_CHUNKS} chunks each (1 GiB, sparse until written).
 * The files are deleted as soon as they are mapped, so nothing is left behind whatever happens; the
 * operating system's page cache holds the data (spilling to disk when memory is short). Heap use is
 * then a few bytes per VM and chunk instead of 4 bytes per VM, step and metric.
 */
final class SlotStore {
    static final int CHUNK = 1024;
    static final int SEGMENT_CHUNKS = 1 << 18;
    private static final float[] NAN_CHUNK = nanChunk();
    private final List<FloatBuffer> segments = new ArrayList<>();
    private int chunks;

    /** A new chunk of NaN (no sample); returns its id. */
    int allocate() {
        int id = chunks++;
        int segment = id / SEGMENT_CHUNKS;
        if (segment == segments.size()) segments.add(map());
        FloatBuffer b = segments.get(segment);
        b.put((id % SEGMENT_CHUNKS) * CHUNK, NAN_CHUNK);
        return id;
    }

    float get(int chunk, int offset) {
        return segments.get(chunk / SEGMENT_CHUNKS).get((chunk % SEGMENT_CHUNKS) * CHUNK + offset);
    }

    void set(int chunk, int offset, float v) {
        segments.get(chunk / SEGMENT_CHUNKS).put((chunk % SEGMENT_CHUNKS) * CHUNK + offset, v);
    }

    /** Bytes mapped so far (the temporary disk/page-cache footprint). */
    long mappedBytes() {
        return (long) segments.size() * SEGMENT_CHUNKS * CHUNK * Float.BYTES;
    }

    private static FloatBuffer map() {
        try {
            Path file = Files.createTempFile("dcp-ingest-", ".slots");
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw");
                    FileChannel ch = raf.getChannel()) {
                long bytes = (long) SEGMENT_CHUNKS * CHUNK * Float.BYTES;
                raf.setLength(bytes);
                return ch.map(FileChannel.MapMode.READ_WRITE, 0, bytes)
                        .order(ByteOrder.nativeOrder())
                        .asFloatBuffer();
            } finally {
                Files.deleteIfExists(file); // the mapping stays valid; the space is freed when it is unmapped
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map a temporary file for ingestion", e);
        }
    }

    private static float[] nanChunk() {
        float[] a = new float[CHUNK];
        java.util.Arrays.fill(a, Float.NaN);
        return a;
    }
}
