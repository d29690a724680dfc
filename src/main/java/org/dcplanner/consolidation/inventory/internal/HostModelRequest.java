package org.dcplanner.consolidation.inventory.internal;

import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.problem.ApiException;

/** Body of POST /api/v1/host-models: a custom server model; {@link #toModel()} validates every field. */
record HostModelRequest(
        String id,
        String name,
        Integer cores,
        Double coreMhz,
        Double memoryMib,
        Double diskKBps,
        Double networkKBps,
        double[] powerWatts,
        Integer rackUnits,
        Double purchaseCost,
        Double yearlyMaintenanceCost,
        Boolean hardwareAssist,
        String source) {

    private static final String ID_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";

    HostModel toModel() {
        if (id == null || !id.matches(ID_PATTERN)) {
            throw invalid("id", "id must be a slug of lower-case letters, digits, '.', '_' or '-' (1-64 chars)");
        }
        positive("cores", cores);
        positive("coreMhz", coreMhz);
        positive("memoryMib", memoryMib);
        positive("diskKBps", diskKBps);
        positive("networkKBps", networkKBps);
        positive("rackUnits", rackUnits);
        // plausibility: a value orders of magnitude off is a unit mistake (Hz for MHz, bytes for MiB), not a server
        atMost("cores", cores, 1024, "cores per server");
        atMost("coreMhz", coreMhz, 10_000, "MHz per core (was it given in kHz or Hz?)");
        atMost("memoryMib", memoryMib, 64L << 20, "MiB, 64 TiB (was it given in KiB or bytes?)");
        atMost("diskKBps", diskKBps, 100_000_000, "KB/s, 100 GB/s (was it given in bytes/s?)");
        atMost("networkKBps", networkKBps, 100_000_000, "KB/s, 100 GB/s (was it given in bits or bytes/s?)");
        atMost("rackUnits", rackUnits, 48, "rack units, a full rack");
        nonNegative("purchaseCost", purchaseCost);
        nonNegative("yearlyMaintenanceCost", yearlyMaintenanceCost);
        atMost("purchaseCost", purchaseCost, 10_000_000, "USD per server");
        atMost("yearlyMaintenanceCost", yearlyMaintenanceCost, 1_000_000, "USD per server and year");
        if (name != null && name.length() > 200) throw invalid("name", "name must be at most 200 characters");
        if (source != null && source.length() > 2000) throw invalid("source", "source must be at most 2000 characters");
        checkCurve();
        return new HostModel(
                id,
                name == null || name.isBlank() ? id : name,
                cores,
                coreMhz,
                memoryMib,
                diskKBps,
                networkKBps,
                powerWatts,
                rackUnits,
                purchaseCost,
                yearlyMaintenanceCost,
                Boolean.TRUE.equals(hardwareAssist),
                source);
    }

    private void checkCurve() {
        if (powerWatts == null || powerWatts.length != 11) {
            throw invalid(
                    "powerWatts",
                    "powerWatts needs exactly 11 points (watts at 0 %, 10 %, ..., 100 % CPU load), got "
                            + (powerWatts == null ? "none" : powerWatts.length));
        }
        for (int i = 0; i < 11; i++) {
            if (!(powerWatts[i] >= 0) || Double.isInfinite(powerWatts[i])) {
                throw invalid("powerWatts", "powerWatts[" + i + "] must be a finite number >= 0");
            }
            if (i > 0 && powerWatts[i] < powerWatts[i - 1]) {
                throw invalid(
                        "powerWatts",
                        "powerWatts must be non-decreasing, but point " + i + " (" + powerWatts[i] + " W at " + (i * 10)
                                + " %) is below point " + (i - 1) + " (" + powerWatts[i - 1] + " W)");
            }
        }
        if (!(powerWatts[10] > 0)) throw invalid("powerWatts", "powerWatts at 100 % load must be > 0");
        atMost("powerWatts", powerWatts[10], 20_000, "watts per server at full load (was it given in milliwatts?)");
    }

    private static void atMost(String field, Number value, double max, String what) {
        if (value.doubleValue() > max) {
            throw invalid(
                    field,
                    String.format(
                            java.util.Locale.ROOT,
                            "%s must be at most %,.0f %s, got %,.0f",
                            field,
                            max,
                            what,
                            value.doubleValue()));
        }
    }

    private static void positive(String field, Number value) {
        if (value == null || !(value.doubleValue() > 0) || Double.isInfinite(value.doubleValue())) {
            throw invalid(field, field + " must be a positive number");
        }
    }

    private static void nonNegative(String field, Number value) {
        if (value == null || !(value.doubleValue() >= 0) || Double.isInfinite(value.doubleValue())) {
            throw invalid(field, field + " must be a number >= 0");
        }
    }

    private static ApiException invalid(String field, String detail) {
        return ApiException.badRequest(detail).at(null, null, field);
    }
}
