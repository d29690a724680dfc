package org.dcplanner.consolidation.ingestion.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcplanner.consolidation.ingestion.internal.Problems.problemOf;

import org.junit.jupiter.api.Test;

class FieldsTest {
    @Test
    void parsesPlainIntegersFastAndEverythingElseLikeDoubleParseDouble() {
        assertThat(Fields.plainInteger("007")).isEqualTo(7);
        assertThat(Fields.plainInteger("1.5")).isEqualTo(-1);
        assertThat(Fields.plainInteger("-3")).isEqualTo(-1);
        assertThat(Fields.plainInteger("")).isEqualTo(-1);
        assertThat(Fields.nonNegative("1372629804", "f", 1, "t")).isEqualTo(1372629804.0);
        assertThat(Fields.nonNegative(" 1.6777216E7\t", "f", 1, "t")).isEqualTo(16777216.0);
        assertThat(Fields.nonNegative("99999999999999999", "f", 1, "t")).isEqualTo(1e17);
    }

    @Test
    void refusesNegativeNanAndInfinity() {
        assertThat(problemOf(() -> Fields.nonNegative("-0.5", "f", 4, "x"))).containsEntry("type", "negative");
        assertThat(problemOf(() -> Fields.nonNegative("NaN", "f", 4, "x"))).containsEntry("type", "non-numeric");
        assertThat(problemOf(() -> Fields.nonNegative("Infinity", "f", 4, "x"))).containsEntry("type", "non-numeric");
    }
}
