package org.dcplanner.consolidation.ingestion.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcplanner.consolidation.ingestion.internal.Problems.problemOf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextLinesTest {
    private static TextLines of(byte[] b, int maxLine) {
        return new TextLines(new ByteArrayInputStream(b), "f", maxLine);
    }

    @Test
    void splitsLfAndCrlfDropsBomAndCountsLinesAcrossBufferBoundaries() throws IOException {
        String big = "x".repeat(100_000);
        byte[] b = ("\uFEFFa\r\nb\n" + big + "\nü").getBytes(StandardCharsets.UTF_8);
        TextLines lines = of(b, 1 << 20);
        assertThat(lines.readLine()).isEqualTo("a");
        assertThat(lines.readLine()).isEqualTo("b");
        assertThat(lines.readLine()).isEqualTo(big);
        assertThat(lines.readLine()).isEqualTo("ü");
        assertThat(lines.lineNumber()).isEqualTo(4);
        assertThat(lines.readLine()).isNull();
    }

    @Test
    void unreadReturnsTheLineAgainWithItsNumber() throws IOException {
        TextLines lines = of("a\nb\n".getBytes(StandardCharsets.UTF_8), 100);
        String first = lines.readLine();
        lines.unread(first);
        assertThat(lines.readLine()).isEqualTo("a");
        assertThat(lines.lineNumber()).isEqualTo(1);
        char[] rest = new char[10];
        assertThat(new String(rest, 0, lines.read(rest, 0, 10))).isEqualTo("b\n");
    }

    @Test
    void reportsInvalidUtf8AndOverlongLinesWithTheirLine() {
        byte[] bad = {'o', 'k', '\n', 'x', (byte) 0xC3, '(', '\n'};
        assertThat(problemOf(() -> {
                    var l = of(bad, 100);
                    l.readLine();
                    l.readLine();
                }))
                .containsEntry("type", "non-utf8")
                .containsEntry("line", 2L)
                .containsEntry("file", "f");
        assertThat(problemOf(() ->
                        of("0123456789abc".getBytes(StandardCharsets.UTF_8), 10).readLine()))
                .containsEntry("type", "line-too-long")
                .containsEntry("line", 1L);
    }
}
