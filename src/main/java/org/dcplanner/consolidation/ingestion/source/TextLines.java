package org.dcplanner.consolidation.ingestion.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;

/**
 * Reads UTF-8 text line by line with a strict decoder and knows each line's 1-based number, so that
 * non-UTF-8 bytes are reported with their exact line (422 {@code non-utf8}). Line ends are LF or CRLF;
 * a leading BOM is dropped. It is also a {@link Reader} (lines re-emitted with LF) for CSV libraries.
 * Memory is bounded by the read buffer plus the longest line allowed.
 */
public final class TextLines extends Reader {
    private final InputStream in;
    private final String file;
    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] carry = new byte[256];
    private long lineNumber;
    private String readerLine;
    private int readerPos;
    private String pushedBack;

    public TextLines(InputStream in, String file, int maxLineBytes) {
        this(in, file, maxLineBytes, new byte[1 << 16]);
    }

    /**
     * @param buffer read buffer, reusable for the next file once this one is read (many small files
     *               then cost no allocation each)
     */
    public TextLines(InputStream in, String file, int maxLineBytes, byte[] buffer) {
        this.in = in;
        this.file = file;
        this.maxLineBytes = maxLineBytes;
        this.buf = buffer;
    }

    /** The file name used in error reports. */
    public String file() {
        return file;
    }

    /** Number of the line last returned by {@link #readLine()} (1-based). */
    public long lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator, or null at the end of the input. */
    public String readLine() throws IOException {
        if (pushedBack != null) {
            String line = pushedBack;
            pushedBack = null;
            lineNumber++;
            return line;
        }
        int carried = 0;
        while (true) {
            if (pos >= limit && !fill()) {
                if (carried == 0) return null;
                return decode(carry, 0, carried);
            }
            int nl = indexOfNewline(pos, limit);
            int end = nl < 0 ? limit : nl;
            int len = end - pos;
            if ((long) carried + len > maxLineBytes) {
                throw IngestProblems.invalid(
                        "line-too-long",
                        "Line " + (lineNumber + 1) + " is longer than " + maxLineBytes
                                + " bytes; is this a text trace?",
                        file,
                        lineNumber + 1,
                        null);
            }
            if (nl >= 0 && carried == 0) {
                String s = decode(buf, pos, len);
                pos = nl + 1;
                return s;
            }
            if (carried + len > carry.length) carry = Arrays.copyOf(carry, Math.max(carry.length * 2, carried + len));
            System.arraycopy(buf, pos, carry, carried, len);
            carried += len;
            pos = end;
            if (nl >= 0) {
                pos = nl + 1;
                return decode(carry, 0, carried);
            }
        }
    }

    /**
     * The first byte of the text that is not white space or a BOM (peeked, nothing consumed), or -1 for
     * an empty text; tells a JSON document from lines without reading a (possibly huge) first line.
     */
    public int firstSignificantByte() throws IOException {
        if (lineNumber > 0 || pushedBack != null) throw new IllegalStateException("already reading lines");
        if (limit == 0 && !fill()) return -1;
        for (int i = pos; i < limit; i++) {
            int b = buf[i] & 0xff;
            if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) continue;
            return b;
        }
        return -1; // only white space in the first buffer: not a JSON document
    }

    /**
     * The rest of the input as bytes (for a JSON parser that reads a document, not lines); only before
     * any line was read. Line limits and UTF-8 checks are then the parser's.
     */
    public InputStream remainingBytes() {
        if (lineNumber > 0 || pushedBack != null) throw new IllegalStateException("already reading lines");
        InputStream head = new java.io.ByteArrayInputStream(buf, 0, limit);
        return new java.io.SequenceInputStream(head, in);
    }

    /** Puts the line just read back, so the next {@link #readLine()} (or the Reader) returns it again. */
    public void unread(String line) {
        pushedBack = line;
        lineNumber--;
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') return i;
        }
        return -1;
    }

    private boolean fill() throws IOException {
        if (eof) return false;
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private String decode(byte[] b, int off, int len) {
        lineNumber++;
        if (lineNumber == 1
                && len >= 3
                && b[off] == (byte) 0xEF
                && b[off + 1] == (byte) 0xBB
                && b[off + 2] == (byte) 0xBF) {
            off += 3;
            len -= 3;
        }
        if (len > 0 && b[off + len - 1] == '\r') len--;
        boolean ascii = true;
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) return new String(b, off, len, StandardCharsets.ISO_8859_1);
        try {
            return decoder.decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            throw IngestProblems.invalid(
                    "non-utf8",
                    "Line " + lineNumber + " is not valid UTF-8 text; save the file as UTF-8",
                    file,
                    lineNumber,
                    null);
        }
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (readerLine == null || readerPos >= readerLine.length()) {
            String line = readLine();
            if (line == null) return -1;
            readerLine = line + '\n';
            readerPos = 0;
        }
        int n = Math.min(len, readerLine.length() - readerPos);
        readerLine.getChars(readerPos, readerPos + n, cbuf, off);
        readerPos += n;
        return n;
    }

    /** Does not close the underlying stream: archive entries are owned by the archive reader. */
    @Override
    public void close() {
        readerLine = null;
    }
}
