package org.dcplanner.consolidation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SafeCsvTest {
    private static String write(Object... cells) {
        StringWriter out = new StringWriter();
        try (SafeCsv csv = SafeCsv.to(out)) {
            csv.row(cells);
        }
        return out.toString().stripTrailing();
    }

    @Test
    void textStartingWithAFormulaTriggerGetsAnApostrophe() {
        assertThat(write("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(write("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(write("@SUM(1+1)")).isEqualTo("'@SUM(1+1)");
        assertThat(write("-2+3")).isEqualTo("'-2+3");
        assertThat(write("\tx")).isEqualTo("'\tx");
        assertThat(write("\rx")).isEqualTo("\"'\rx\"");
    }

    @Test
    void plainTextAndNumbersStayAsTheyAre() {
        assertThat(write("web-01", "a=b", "")).isEqualTo("web-01,a=b,");
        assertThat(write(-3, -2.5, 7L, null)).isEqualTo("-3,-2.5,7,");
        assertThat(SafeCsv.neutralize("db 1")).isEqualTo("db 1");
    }
}
