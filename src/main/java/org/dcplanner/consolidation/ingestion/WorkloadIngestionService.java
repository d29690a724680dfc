package org.dcplanner.consolidation.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.format.FormatDetector;
import org.dcplanner.consolidation.ingestion.format.InventoryParser;
import org.dcplanner.consolidation.ingestion.format.InventoryRow;
import org.dcplanner.consolidation.ingestion.format.ParsedTraces;
import org.dcplanner.consolidation.ingestion.format.PlanetLabParser;
import org.dcplanner.consolidation.ingestion.format.TraceParser;
import org.dcplanner.consolidation.ingestion.source.TextLines;
import org.dcplanner.consolidation.ingestion.store.WorkloadRepository;
import org.dcplanner.consolidation.ingestion.store.WorkloadWriter;
import org.dcplanner.consolidation.problem.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingestion feature's entry point: parses an upload (streamed, file by file), aligns it to one grid
 * and stores it in one transaction. Every input error is thrown before anything is written, so a failed
 * upload leaves nothing behind.
 */
@Service
public class WorkloadIngestionService {
    static final int STEP_SCAN_INTERVALS = 20_000;
    private static final Logger log = LoggerFactory.getLogger(WorkloadIngestionService.class);
    private final IngestionProperties properties;
    private final WorkloadWriter writer;
    private final WorkloadRepository repository;
    private final TransactionTemplate transaction;

    WorkloadIngestionService(IngestionProperties properties, WorkloadWriter writer, WorkloadRepository repository,
                             TransactionTemplate transaction) {
        this.properties = properties;
        this.writer = writer;
        this.repository = repository;
        this.transaction = transaction;
    }

    public WorkloadView ingest(IngestRequest request) {
        long t0 = System.nanoTime();
        Map<String, InventoryRow> inventory = request.inventory() == null ? Map.of() : inventory(request);
        Plan plan = plan(request);
        ParsedTraces parsed = new ParsedTraces(plan.stepSeconds(), properties.maxGridCells());
        eachFile(request, plan.format(), (path, lines, format) -> parserFor(format, request).parse(path, lines, parsed));
        for (InventoryRow row : inventory.values()) {
            if (!parsed.contains(row.vm())) {
                throw IngestProblems.invalid("unknown-vm", "Inventory VM '" + row.vm() + "' is not in the trace",
                        request.inventoryName(), row.line(), "vm");
            }
        }
        AssembledWorkload assembled = new WorkloadAssembler(properties).assemble(parsed, inventory, request.vmProfile());
        UUID id = UUID.randomUUID();
        String name = request.name() != null && !request.name().isBlank() ? request.name().strip()
                : request.source().name().replaceFirst("(?i)\\.(zip|csv|txt)$", "");
        long t1 = System.nanoTime();
        transaction.executeWithoutResult(tx ->
                writer.insert(id, name, plan.format().id(), request.vmProfile().id(), assembled));
        long t2 = System.nanoTime();
        log.info("Stored workload {} '{}' ({}): {} VMs x {} steps of {} s, {} samples; read {} ms, store {} ms", id, name,
                plan.format().id(), assembled.vms().size(), assembled.grid().steps(), assembled.grid().stepSeconds(),
                assembled.samples(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        return repository.find(id).orElseThrow();
    }

    public void delete(UUID id) {
        if (!repository.delete(id)) throw ApiException.notFound("Workload", id);
    }

    /**
     * The format (given, or detected from the first file's first line) and the grid step (given, else
     * PlanetLab's 300 s, else the median interval between consecutive samples of a VM over the first
     * {@value #STEP_SCAN_INTERVALS} intervals of the upload). Reads at most that prefix.
     */
    private Plan plan(IngestRequest request) {
        WorkloadFormat given = request.format();
        Integer step = request.stepSeconds();
        if (given == WorkloadFormat.PLANETLAB && step == null) step = PlanetLabParser.STEP_SECONDS;
        if (given != null && step != null) return new Plan(given, step);
        ParsedTraces scan = ParsedTraces.scan(STEP_SCAN_INTERVALS);
        WorkloadFormat[] detected = {given};
        Integer knownStep = step;
        try {
            eachFile(request, given, (path, lines, format) -> {
                detected[0] = format;
                if (knownStep != null || format == WorkloadFormat.PLANETLAB) throw new ParsedTraces.ScanComplete();
                parserFor(format, request).parse(path, lines, scan);
            });
        } catch (ParsedTraces.ScanComplete enough) {
            // the prefix was enough to know the format and the step
        }
        WorkloadFormat format = detected[0];
        int s = knownStep != null ? knownStep
                : format == WorkloadFormat.PLANETLAB ? PlanetLabParser.STEP_SECONDS : scan.medianInterval();
        return new Plan(format, s);
    }

    private record Plan(WorkloadFormat format, int stepSeconds) {
    }

    @FunctionalInterface
    private interface FileHandler {
        void handle(String path, TextLines lines, WorkloadFormat format) throws IOException;
    }

    /** Reads the upload file by file; the format is detected from the first file when not given. */
    private void eachFile(IngestRequest request, WorkloadFormat given, FileHandler handler) {
        WorkloadFormat[] format = {given};
        byte[] buffer = new byte[1 << 16];
        try {
            request.source().forEachFile((path, in) -> {
                TextLines lines = new TextLines(in, path, properties.maxLineBytes(), buffer);
                String first = lines.readLine();
                if (first == null) throw IngestProblems.invalid("empty-file", "The file is empty", path, 0, null);
                if (format[0] == null) {
                    format[0] = FormatDetector.detect(first).orElseThrow(() -> IngestProblems.unsupportedFormat(
                            "Cannot tell the trace format from line 1; pass format=planetlab|bitbrains|csv", path));
                }
                lines.unread(first);
                handler.handle(path, lines, format[0]);
            });
        } catch (IOException e) {
            throw IngestProblems.invalid("unreadable-upload", "The upload could not be read: " + e.getMessage(),
                    request.source().name(), 0, null);
        }
    }

    private static TraceParser parserFor(WorkloadFormat format, IngestRequest request) {
        return FormatDetector.parserFor(format, request.source().name(), request.start());
    }

    private Map<String, InventoryRow> inventory(IngestRequest request) {
        try (InputStream in = request.inventory().getInputStream()) {
            return new InventoryParser().parse(new TextLines(in, request.inventoryName(), properties.maxLineBytes()));
        } catch (IOException e) {
            throw IngestProblems.invalid("unreadable-upload", "The inventory could not be read: " + e.getMessage(),
                    request.inventoryName(), 0, null);
        }
    }
}
