package org.dcplanner.consolidation.ingestion.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number text for the sample files, independent of the JDK's float printing: values are rounded
 * from their exact binary value, so every JDK writes the same bytes.
 */
final class DecimalText {
    private static final BigDecimal SCIENTIFIC_FROM = BigDecimal.valueOf(10_000_000);
    private static final BigDecimal SCIENTIFIC_BELOW = new BigDecimal("0.001");

    private DecimalText() {}

    /** Plain decimal with exactly {@code decimals} digits after the point ("12.5", "0.0"). */
    static String fixed(double value, int decimals) {
        return rounded(value, decimals).toPlainString();
    }

    /**
     * The layout of Java's {@code Double.toString}, which the GWA-T-12 Bitbrains files use: at least
     * one fraction digit ("8218624.0"), scientific from 10^7 on ("1.6777216E7") and below 10^-3
     * ("5.0E-4"); rounded to at most {@code decimals} fraction digits first.
     */
    static String javaStyle(double value, int decimals) {
        BigDecimal v = rounded(value, decimals).stripTrailingZeros();
        if (v.signum() == 0) return "0.0";
        BigDecimal abs = v.abs();
        if (abs.compareTo(SCIENTIFIC_FROM) >= 0 || abs.compareTo(SCIENTIFIC_BELOW) < 0) return scientific(v);
        String plain = v.toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    private static String scientific(BigDecimal v) {
        String digits = v.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - v.scale();
        String fraction = digits.length() > 1 ? digits.substring(1) : "0";
        return (v.signum() < 0 ? "-" : "") + digits.charAt(0) + "." + fraction + "E" + exponent;
    }

    private static BigDecimal rounded(double value, int decimals) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("not a finite number: " + value);
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN);
    }
}
