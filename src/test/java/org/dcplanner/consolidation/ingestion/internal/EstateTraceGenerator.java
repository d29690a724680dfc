package org.dcplanner.consolidation.ingestion.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A seeded generic-CSV trace of a large estate, gzip-compressed, for the ingest-at-scale benchmark: each VM
 * has a base level, a diurnal swing with its own phase, a weekend dip, bursts (a few per week, 15 min to
 * 2 h at 2-4x) and noise; memory follows slowly. Rows are time-major (all VMs at one time, then the next),
 * as a monitoring export is. Values are whole MHz / MiB.
 */
final class EstateTraceGenerator {
    static final long START_EPOCH = 1_767_571_200L; // 2026-01-05T00:00:00Z, a Monday

    private EstateTraceGenerator() {}

    /** Writes the trace of {@code vms steps} (seed 20, 300 s) to {@code file} unless it exists. */
    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        Path file = write(Path.of(args[2]), Integer.parseInt(args[0]), Integer.parseInt(args[1]), 300, 20);
        System.out.printf("%s: %,d MB in %.0f s%n", file, Files.size(file) >> 20, (System.nanoTime() - t0) / 1e9);
    }

    static Path write(Path file, int vms, int steps, int stepSeconds, long seed) throws IOException {
        if (Files.exists(file)) return file;
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        SplittableRandom random = new SplittableRandom(seed);
        double[] base = new double[vms];
        double[] swing = new double[vms];
        double[] phase = new double[vms];
        double[] memory = new double[vms];
        int[] burstLeft = new int[vms];
        double[] burstFactor = new double[vms];
        for (int v = 0; v < vms; v++) {
            base[v] = 200 + random.nextDouble() * 3000;
            swing[v] = random.nextDouble() * 0.8;
            phase[v] = random.nextDouble() * 2 * Math.PI;
            memory[v] = 1024 + random.nextInt(15) * 1024;
        }
        byte[][] names = new byte[vms][];
        for (int v = 0; v < vms; v++) names[v] = String.format("vm-%05d,", v).getBytes(StandardCharsets.US_ASCII);
        double burstChance = stepSeconds / (7 * 86_400.0) * 3; // about three bursts a week
        try (OutputStream out = new BufferedOutputStream(
                new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16) {
                    {
                        def.setLevel(Deflater.BEST_SPEED);
                    }
                },
                1 << 20)) {
            out.write("vm,timestamp,cpuMhz,memoryMib\n".getBytes(StandardCharsets.US_ASCII));
            byte[] line = new byte[64];
            for (int s = 0; s < steps; s++) {
                long t = START_EPOCH + (long) s * stepSeconds;
                double dayAngle = 2 * Math.PI * ((t % 86_400) / 86_400.0);
                int weekday = (int) ((t / 86_400 + 3) % 7); // 1970-01-01 was a Thursday; 0 = Monday
                double week = weekday >= 5 ? 0.6 : 1.0;
                byte[] time = (t + ",").getBytes(StandardCharsets.US_ASCII);
                for (int v = 0; v < vms; v++) {
                    if (burstLeft[v] == 0 && random.nextDouble() < burstChance) {
                        burstLeft[v] = 3 + random.nextInt(22);
                        burstFactor[v] = 2 + random.nextDouble() * 2;
                    }
                    double burst = burstLeft[v] > 0 ? burstFactor[v] : 1;
                    if (burstLeft[v] > 0) burstLeft[v]--;
                    double cpu = base[v]
                            * week
                            * (1 + swing[v] * Math.sin(dayAngle + phase[v]))
                            * burst
                            * (0.9 + 0.2 * random.nextDouble());
                    memory[v] = Math.max(512, memory[v] * (0.995 + 0.01 * random.nextDouble()));
                    out.write(names[v]);
                    out.write(time);
                    int n = digits(line, 0, (long) cpu);
                    line[n++] = ',';
                    n = digits(line, n, (long) memory[v]);
                    line[n++] = '\n';
                    out.write(line, 0, n);
                }
            }
        }
        Files.move(tmp, file);
        return file;
    }

    private static int digits(byte[] b, int at, long v) {
        String s = Long.toString(v);
        for (int i = 0; i < s.length(); i++) b[at + i] = (byte) s.charAt(i);
        return at + s.length();
    }
}
