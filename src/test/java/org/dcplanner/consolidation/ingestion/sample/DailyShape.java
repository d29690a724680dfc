package org.dcplanner.consolidation.ingestion.sample;

/**
 * The shared demand shape of one tier (all VMs of a tier use it, each with its own phase offset):
 * activity in [0, 1] over time, where 1 is the tier's peak. Times are epoch seconds, read as the
 * data center's local time of day (UTC).
 */
sealed interface DailyShape permits WebDailyShape, BatchNightShape, DatabaseSteadyShape, ComputeBlockShape {
    double SECONDS_PER_DAY = 86_400;
    double SECONDS_PER_HOUR = 3_600;

    /** Activity in [0, 1] at epoch second {@code t}. */
    double activityAt(double t);

    /** Maintenance I/O burst (backups) in [0, 1] at epoch second {@code t}; none by default. */
    default double ioBurstAt(double t) {
        return 0;
    }

    /** Fills {@code out[k]} with the activity at epoch second {@code firstSeconds + k * stepSeconds}. */
    default void fillActivity(double firstSeconds, int stepSeconds, float[] out) {
        for (int k = 0; k < out.length; k++) out[k] = (float) activityAt(firstSeconds + (double) k * stepSeconds);
    }

    /** Fills {@code out[k]} with the I/O burst at epoch second {@code firstSeconds + k * stepSeconds}. */
    default void fillIoBurst(double firstSeconds, int stepSeconds, float[] out) {
        for (int k = 0; k < out.length; k++) out[k] = (float) ioBurstAt(firstSeconds + (double) k * stepSeconds);
    }

    static long day(double epochSeconds) {
        return (long) Math.floor(epochSeconds / SECONDS_PER_DAY);
    }

    static double hourOfDay(double epochSeconds) {
        return (epochSeconds - day(epochSeconds) * SECONDS_PER_DAY) / SECONDS_PER_HOUR;
    }

    /** Saturday or Sunday (epoch day 0, 1970-01-01, was a Thursday). */
    static boolean isWeekend(long epochDay) {
        return Math.floorMod(epochDay + 3, 7) >= 5;
    }

    /** A smooth daily wave: 1 at {@code peakHour}, 0 twelve hours away. */
    static double dailyWave(double hourOfDay, double peakHour) {
        return 0.5 + 0.5 * Math.cos(2 * Math.PI * (hourOfDay - peakHour) / 24);
    }
}
