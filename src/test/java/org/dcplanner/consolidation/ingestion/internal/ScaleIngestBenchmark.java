package org.dcplanner.consolidation.ingestion.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dcplanner.consolidation.ingestion.source.UploadTraceSource;
import org.dcplanner.consolidation.ingestion.store.EstateRepository;
import org.dcplanner.consolidation.ingestion.store.WorkloadRepository;
import org.dcplanner.consolidation.ingestion.store.WorkloadWriter;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ingest at scale (issue 20 item 3): writes (once, to target/) a seeded generic CSV of {@code vms} x
 * {@code steps} at 300 s, gzip-compressed ({@link EstateTraceGenerator}), and ingests it end to end
 * through the service (gunzip, parse, bin off-heap, align, COPY, commit) as an upload would be; prints
 * wall time, samples/s, peak heap (sampled) and the stored bytes per sample.
 * Args: {@code vms steps} (default 5000 8640). Database: -Dbench.db.url (user postgres). See docs/benchmarks.md.
 */
public final class ScaleIngestBenchmark {
    public static void main(String[] args) throws Exception {
        int vms = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 8640;
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(System.getProperty("bench.db.url", "jdbc:postgresql://127.0.0.1:5432/postgres"));
        ds.setUser(System.getProperty("bench.db.user", "postgres"));
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        WorkloadRepository repository = new WorkloadRepository(jdbc, json);
        IngestionProperties limits = new IngestionProperties(null, null, null, null, null, null, false);
        var service = new WorkloadIngestionService(
                limits,
                new WorkloadWriter(ds, json),
                repository,
                new TransactionTemplate(new DataSourceTransactionManager(ds)),
                new EstateRepository(jdbc));

        long g0 = System.nanoTime();
        Path file = EstateTraceGenerator.write(
                Path.of("target", "bench-estate-" + vms + "x" + steps + ".csv.gz"), vms, steps, 300, 20);
        System.out.printf(
                "trace %s: %,d MB gzip (written or reused in %.0f s)%n",
                file, Files.size(file) >> 20, (System.nanoTime() - g0) / 1e9);
        System.out.printf(
                "JVM max heap %d MiB, %d cores%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        Thread sampler = IngestBenchmark.sampleHeapUsed();
        long cpu0 = IngestBenchmark.processCpuNanos();
        long t0 = System.nanoTime();
        WorkloadView w = service.ingest(new IngestRequest(
                new UploadTraceSource(
                        new FileSystemResource(file), file.getFileName().toString(), limits),
                null,
                null,
                "bench scale",
                WorkloadFormat.CSV,
                VmProfile.DEFAULT,
                300,
                null,
                null));
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cpu = IngestBenchmark.processCpuNanos() - cpu0;
        sampler.interrupt();
        Long stored = jdbc.queryForObject(
                "select sum(pg_column_size(samples)) from workload_series where workload_id = ?", Long.class, w.id());
        Long table = jdbc.queryForObject("select pg_total_relation_size('workload_series')", Long.class);
        System.out.printf(
                "%,d VMs x %,d steps, %,d samples: %.1f s wall (JVM CPU %.1f s) = %,.0f samples/s;"
                        + " peak heap used %d MiB; stored series %,d MB = %.2f bytes/sample (workload_series now %,d MB)%n",
                w.vmCount(),
                w.steps(),
                w.sampleCount(),
                seconds,
                cpu / 1e9,
                w.sampleCount() / seconds,
                IngestBenchmark.maxHeapUsed >> 20,
                stored >> 20,
                (double) stored / w.sampleCount(),
                table >> 20);
        System.out.printf("lz4 on this workload's series (measured on a copy): %s%n", lz4(jdbc, w));
        if (!Boolean.getBoolean("bench.keep")) service.delete(w.id());
    }

    /** Bytes per sample if workload_series.samples were lz4-compressed (a temporary table with that setting). */
    private static String lz4(JdbcTemplate jdbc, WorkloadView w) {
        jdbc.execute("drop table if exists bench_lz4");
        jdbc.execute("create table bench_lz4 (samples bytea compression lz4)");
        jdbc.update(
                "insert into bench_lz4 select samples from workload_series where workload_id = ? and vm_index < 500",
                w.id());
        Long compressed = jdbc.queryForObject("select sum(pg_column_size(samples)) from bench_lz4", Long.class);
        Long raw = jdbc.queryForObject("select sum(octet_length(samples)) from bench_lz4", Long.class);
        jdbc.execute("drop table bench_lz4");
        return String.format(
                "%.2f of 4 bytes per sample (%.0f %%, first 500 VMs)",
                4.0 * compressed / raw, 100.0 * compressed / raw);
    }
}
