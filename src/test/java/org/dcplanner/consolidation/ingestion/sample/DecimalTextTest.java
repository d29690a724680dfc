package org.dcplanner.consolidation.ingestion.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalTextTest {

    /** Values seen in the real Bitbrains files: our text must match Java's own Double.toString. */
    @ParameterizedTest
    @ValueSource(
            doubles = {
                0.0,
                1.5,
                8218624.0,
                1.00431872E8,
                5.36303616E8,
                87.7799835,
                2599.998982,
                5.0E-4,
                0.0012,
                9999999.5,
                1.0E7,
                41599.988784
            })
    void matchesJavasDoubleLayoutForShortValues(double value) {
        assertThat(DecimalText.javaStyle(value, 10)).isEqualTo(Double.toString(value));
    }

    @Test
    void roundsToTheRequestedDecimalsBeforePrinting() {
        assertThat(DecimalText.javaStyle(160.86666666666667, 4)).isEqualTo("160.8667");
        assertThat(DecimalText.javaStyle(16777216.4, 4)).isEqualTo("1.67772164E7");
        assertThat(DecimalText.javaStyle(0.00004, 4)).isEqualTo("0.0");
        assertThat(DecimalText.fixed(1234.56, 1)).isEqualTo("1234.6");
        assertThat(DecimalText.fixed(0.04, 1)).isEqualTo("0.0");
        assertThat(DecimalText.fixed(8800, 0)).isEqualTo("8800");
    }
}
