package org.dcplanner.consolidation.ingestion.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A series as stored: float32 little-endian, one value per grid step. */
public final class SeriesCodec {
    private SeriesCodec() {}

    public static byte[] encode(float[] series) {
        ByteBuffer b = ByteBuffer.allocate(series.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(series);
        return b.array();
    }

    public static float[] decode(byte[] bytes) {
        float[] series = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(series);
        return series;
    }
}
