package org.dcplanner.consolidation.ingestion.sample;

/**
 * Database: a steady base load with a mild daytime swing (it serves the web tiers), and a nightly
 * backup window of heavy disk I/O starting around {@code backupHour}.
 */
record DatabaseSteadyShape(
        long tierSeed, double peakHour, double base, double swing, double backupHour, double backupMinutes)
        implements DailyShape {
    private static final long BACKUP_KEY = 0xbac0L;

    @Override
    public double activityAt(double t) {
        long day = DailyShape.day(t);
        double volume = DailyShape.isWeekend(day) ? 0.7 : 0.9 + 0.2 * SeedMixer.unit(tierSeed, day);
        return base + swing * volume * DailyShape.dailyWave(DailyShape.hourOfDay(t), peakHour);
    }

    @Override
    public double ioBurstAt(double t) {
        long day = DailyShape.day(t);
        double start = day * SECONDS_PER_DAY
                + (backupHour + 0.25 * SeedMixer.unit(tierSeed ^ BACKUP_KEY, day)) * SECONDS_PER_HOUR;
        return t >= start && t < start + backupMinutes * 60 ? 1 : 0;
    }
}
