package org.dcplanner.consolidation.ingestion.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows into PostgreSQL with {@code COPY ... FROM STDIN (FORMAT binary)} through the driver's
 * CopyManager: the fastest bulk path, and it runs inside the caller's transaction. Rows are buffered up
 * to 1 MiB before each write. Field order must match the column list of the COPY statement.
 */
final class PgBinaryCopy {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int FLUSH_BYTES = 1 << 20;
    private final CopyIn copy;
    private final Buffer bytes = new Buffer();
    private final DataOutputStream out = new DataOutputStream(bytes);

    private PgBinaryCopy(CopyIn copy) throws IOException {
        this.copy = copy;
        out.write(SIGNATURE);
        out.writeInt(0);
        out.writeInt(0);
    }

    /** Starts {@code COPY table (columns) FROM STDIN (FORMAT binary)} on the (transaction's) connection. */
    static PgBinaryCopy start(Connection connection, String tableAndColumns) throws SQLException, IOException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        return new PgBinaryCopy(pg.getCopyAPI().copyIn("COPY " + tableAndColumns + " FROM STDIN (FORMAT binary)"));
    }

    PgBinaryCopy row(int fields) throws IOException, SQLException {
        if (bytes.size() >= FLUSH_BYTES) flush();
        out.writeShort(fields);
        return this;
    }

    PgBinaryCopy uuid(UUID v) throws IOException {
        out.writeInt(16);
        out.writeLong(v.getMostSignificantBits());
        out.writeLong(v.getLeastSignificantBits());
        return this;
    }

    PgBinaryCopy int4(int v) throws IOException {
        out.writeInt(4);
        out.writeInt(v);
        return this;
    }

    PgBinaryCopy float8(double v) throws IOException {
        out.writeInt(8);
        out.writeDouble(v);
        return this;
    }

    /** A {@code real}, or SQL null when {@code v} is null. */
    PgBinaryCopy float4(Double v) throws IOException {
        if (v == null) return nul();
        out.writeInt(4);
        out.writeFloat(v.floatValue());
        return this;
    }

    PgBinaryCopy bool(boolean v) throws IOException {
        out.writeInt(1);
        out.writeByte(v ? 1 : 0);
        return this;
    }

    /** A {@code text}, or SQL null when {@code v} is null. */
    PgBinaryCopy text(String v) throws IOException {
        if (v == null) return nul();
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
        return this;
    }

    PgBinaryCopy bytea(byte[] v) throws IOException {
        out.writeInt(v.length);
        out.write(v);
        return this;
    }

    private PgBinaryCopy nul() throws IOException {
        out.writeInt(-1);
        return this;
    }

    private void flush() throws SQLException {
        if (bytes.size() == 0) return;
        copy.writeToCopy(bytes.array(), 0, bytes.size());
        bytes.reset();
    }

    /** Abandons the COPY after an error, so the transaction can roll back. */
    void cancel() {
        try {
            if (copy.isActive()) copy.cancelCopy();
        } catch (SQLException ignored) {
            // the rollback that follows reports the real problem
        }
    }

    /** Sends the trailer and ends the COPY; returns the rows written. */
    long finish() throws IOException, SQLException {
        out.writeShort(-1);
        flush();
        return copy.endCopy();
    }

    /** A byte buffer whose array is written out without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(FLUSH_BYTES + (1 << 16));
        }

        byte[] array() {
            return buf;
        }
    }
}
