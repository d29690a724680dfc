package org.dcplanner.consolidation.ingestion.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.dcplanner.consolidation.database.EmbeddedPostgresConfig;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadStore;
import org.dcplanner.consolidation.ingestion.format.ParsedTraces;
import org.dcplanner.consolidation.ingestion.format.VmTrace;
import org.dcplanner.consolidation.ingestion.source.FolderTraceSource;
import org.dcplanner.consolidation.ingestion.store.WorkloadRepository;
import org.dcplanner.consolidation.ingestion.store.WorkloadWriter;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingests PlanetLab 20110303 (1052 VMs) and all Bitbrains Rnd 2013-7 VMs from ../shared/traces end to end
 * (read, parse, align, COPY into PostgreSQL, commit) through the service layer, and prints samples/s and
 * peak heap (sampled; run it under -Xmx to show the bound); then times {@link WorkloadStore#load} for
 * PlanetLab and for a synthetic 10,000-VM day. With the argument {@code big}, also a 275 MB long CSV.
 * Database: -Dbench.db.url (user postgres, or -Dbench.db.user) or an embedded PostgreSQL with the service's durable
 * settings (fsync and synchronous commit on; -Dbench.durable=false: zonky's defaults, both off, for the comparison).
 * -Dbench.warmup / -Dbench.runs change the 2 warm-up and 5 measured runs.
 * Run: see docs/benchmarks.md (## Ingestion).
 */
public final class IngestBenchmark {
    private static final int WARMUP = Integer.getInteger("bench.warmup", 2);
    private static final int RUNS = Integer.getInteger("bench.runs", 5);

    public static void main(String[] args) throws Exception {
        Path traces = Path.of(System.getProperty("traces.dir", "../shared/traces"));
        String url = System.getProperty("bench.db.url");
        boolean durable = !"false".equals(System.getProperty("bench.durable"));
        EmbeddedPostgres embedded = url != null
                ? null
                : (durable ? EmbeddedPostgresConfig.durable(EmbeddedPostgres.builder()) : EmbeddedPostgres.builder())
                        .start();
        DataSource ds = embedded != null ? embedded.getPostgresDatabase() : dataSource(url);
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        WorkloadRepository repository = new WorkloadRepository(new JdbcTemplate(ds), json);
        var service = new WorkloadIngestionService(
                IngestionProperties.defaults(),
                new WorkloadWriter(ds, json),
                repository,
                new TransactionTemplate(new DataSourceTransactionManager(ds)),
                new org.dcplanner.consolidation.ingestion.store.EstateRepository(new JdbcTemplate(ds)));
        var store = new PostgresWorkloadStore(
                repository, new org.dcplanner.consolidation.ingestion.store.EstateRepository(new JdbcTemplate(ds)));

        System.out.printf(
                "JVM max heap %d MiB, %d cores, db %s%n",
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(),
                url != null
                        ? url
                        : "embedded PostgreSQL, "
                                + (durable
                                        ? "durable (fsync, synchronous_commit on)"
                                        : "fsync and synchronous_commit off"));
        Thread sampler = sampleHeapUsed();
        for (String folder : List.of("planetlab/20110303", "bitbrains-rnd/2013-7")) {
            Path dir = traces.resolve(folder);
            if (!Files.isDirectory(dir)) {
                System.out.println("skipped (absent): " + dir);
                continue;
            }
            ingest(service, dir, folder);
        }
        loadTimes(service, store, repository, ds, json, traces.resolve("planetlab/20110303"));
        if (args.length > 0 && args[0].equals("big")) bigFile(service);
        sampler.interrupt();
        System.out.printf(
                "peak heap used %d MiB (sampled every 5 ms; garbage not yet collected and Maven's own heap"
                        + " included)%n",
                maxHeapUsed >> 20);
        if (embedded != null) embedded.close();
    }

    private static void ingest(WorkloadIngestionService service, Path dir, String label) {
        List<Double> rates = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        List<Long> cpuMillis = new ArrayList<>();
        WorkloadView last = null;
        for (int run = 0; run < WARMUP + RUNS; run++) {
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            last = service.ingest(new IngestRequest(
                    new FolderTraceSource(dir),
                    null,
                    null,
                    "bench " + label,
                    null,
                    VmProfile.CLOUDSIM,
                    null,
                    null,
                    null));
            long ns = System.nanoTime() - t0;
            long cpuNs = processCpuNanos() - cpu0;
            service.delete(last.id());
            if (run >= WARMUP) {
                rates.add(last.sampleCount() / (ns / 1e9));
                millis.add(ns / 1_000_000);
                cpuMillis.add(cpuNs / 1_000_000);
            }
        }
        Collections.sort(rates);
        Collections.sort(millis);
        Collections.sort(cpuMillis);
        System.out.printf(
                "%-22s %5d VMs x %5d steps, %,9d samples: median %,5d ms wall (JVM CPU %,5d ms) = %,10.0f"
                        + " samples/s (best %,10.0f)%n",
                label,
                last.vmCount(),
                last.steps(),
                last.sampleCount(),
                millis.get(RUNS / 2),
                cpuMillis.get(RUNS / 2),
                rates.get(RUNS / 2),
                rates.get(RUNS - 1));
    }

    /**
     * A long CSV far larger than its grid (1000 VMs sampled every 10 s for a day = 8.64 M rows, about
     * 190 MB, written once to target/), ingested at 300 s steps: heap must not grow with the file.
     */
    private static void bigFile(WorkloadIngestionService service) throws java.io.IOException {
        Path file = Path.of("target", "bench-big-10s.csv");
        if (!Files.exists(file)) {
            Random random = new Random(7);
            try (var out = new java.io.BufferedWriter(new java.io.FileWriter(file.toFile()), 1 << 16)) {
                out.write("vm,timestamp,cpuMhz,memoryMib,diskKBps,networkKBps\n");
                for (long t = 1_767_571_200L; t < 1_767_571_200L + 86_400; t += 10) {
                    for (int vm = 0; vm < 1000; vm++) {
                        out.write("vm-" + vm + "," + t + "," + random.nextInt(4000) + "," + (1024 + random.nextInt(512))
                                + "," + random.nextInt(100) + "," + random.nextInt(100) + "\n");
                    }
                }
            }
        }
        long bytes = Files.size(file);
        long t0 = System.nanoTime();
        var source = new org.dcplanner.consolidation.ingestion.source.UploadTraceSource(
                new org.springframework.core.io.FileSystemResource(file),
                file.getFileName().toString(),
                IngestionProperties.defaults());
        WorkloadView w = service.ingest(
                new IngestRequest(source, null, null, "bench big", null, VmProfile.DEFAULT, 300, null, null));
        double s = (System.nanoTime() - t0) / 1e9;
        service.delete(w.id());
        System.out.printf(
                "big long CSV %,d MB, %,d samples -> %d VMs x %d steps: %.1f s = %,.0f samples/s%n",
                bytes >> 20, w.sampleCount(), w.vmCount(), w.steps(), s, w.sampleCount() / s);
    }

    private static void loadTimes(
            WorkloadIngestionService service,
            WorkloadStore store,
            WorkloadRepository repository,
            DataSource ds,
            ObjectMapper json,
            Path planetlab) {
        if (Files.isDirectory(planetlab)) {
            WorkloadView w = service.ingest(new IngestRequest(
                    new FolderTraceSource(planetlab),
                    null,
                    null,
                    "bench load",
                    null,
                    VmProfile.CLOUDSIM,
                    null,
                    null,
                    null));
            timeLoad(store, w.id(), "load planetlab 1052 x 288, cpu+memory");
            service.delete(w.id());
        }
        ParsedTraces parsed =
                new ParsedTraces(300, IngestionProperties.defaults().maxGridCells());
        Random random = new Random(42);
        for (int vm = 0; vm < 10_000; vm++) {
            VmTrace trace = parsed.newVm(String.format("vm-%05d", vm), "synthetic", true);
            for (int step = 0; step < 288; step++) {
                trace.add(
                        step * 300L, random.nextInt(101), Float.NaN, Float.NaN, Float.NaN, parsed.warnings(), step + 1);
            }
        }
        AssembledWorkload synthetic =
                new WorkloadAssembler(IngestionProperties.defaults()).assemble(parsed, Map.of(), VmProfile.DEFAULT);
        UUID id = UUID.randomUUID();
        new TransactionTemplate(new DataSourceTransactionManager(ds))
                .executeWithoutResult(
                        tx -> new WorkloadWriter(ds, json).insert(id, "bench 10k", "csv", "default", synthetic));
        timeLoad(store, id, "load synthetic 10000 x 288, cpu+memory");
        repository.delete(id);
    }

    private static void timeLoad(WorkloadStore store, UUID id, String label) {
        List<Long> micros = new ArrayList<>();
        for (int run = 0; run < WARMUP + RUNS; run++) {
            long t0 = System.nanoTime();
            LoadedWorkload w = store.load(id, EnumSet.of(Metric.CPU, Metric.MEMORY));
            long us = (System.nanoTime() - t0) / 1000;
            if (w.series(Metric.CPU).length != w.vms().size()) throw new IllegalStateException("incomplete load");
            if (run >= WARMUP) micros.add(us);
        }
        Collections.sort(micros);
        System.out.printf(
                "%-42s median %,7d ms (best %,d ms)%n", label, micros.get(RUNS / 2) / 1000, micros.get(0) / 1000);
    }

    private static DataSource dataSource(String url) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(System.getProperty("bench.db.user", "postgres"));
        ds.setPassword(System.getProperty("bench.db.password", ""));
        return ds;
    }

    /** CPU time of this JVM (all threads, GC included); the database server's CPU is not in it. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static volatile long maxHeapUsed;

    static Thread sampleHeapUsed() {
        var memory = ManagementFactory.getMemoryMXBean();
        Thread t = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        maxHeapUsed = Math.max(
                                maxHeapUsed, memory.getHeapMemoryUsage().getUsed());
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
