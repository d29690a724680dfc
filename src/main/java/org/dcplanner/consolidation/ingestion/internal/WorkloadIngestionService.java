package org.dcplanner.consolidation.ingestion.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.TimeGrid;
import org.dcplanner.consolidation.ingestion.format.FormatDetector;
import org.dcplanner.consolidation.ingestion.format.InventoryParser;
import org.dcplanner.consolidation.ingestion.format.InventoryRow;
import org.dcplanner.consolidation.ingestion.format.ParsedTraces;
import org.dcplanner.consolidation.ingestion.format.PlanetLabParser;
import org.dcplanner.consolidation.ingestion.format.RvToolsInventory;
import org.dcplanner.consolidation.ingestion.format.RvToolsReader;
import org.dcplanner.consolidation.ingestion.format.RvToolsSnapshot;
import org.dcplanner.consolidation.ingestion.format.TraceParser;
import org.dcplanner.consolidation.ingestion.source.TextLines;
import org.dcplanner.consolidation.ingestion.source.UploadTraceSource;
import org.dcplanner.consolidation.ingestion.store.EstateRepository;
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
    private final EstateRepository estates;

    WorkloadIngestionService(
            IngestionProperties properties,
            WorkloadWriter writer,
            WorkloadRepository repository,
            TransactionTemplate transaction,
            EstateRepository estates) {
        this.estates = estates;
        this.properties = properties;
        this.writer = writer;
        this.repository = repository;
        this.transaction = transaction;
    }

    public WorkloadView ingest(IngestRequest request) {
        return ingest(request, null, false).workload();
    }

    /**
     * Ingests an upload, or recognises it: with a {@code contentSource} (the upload's bytes) an upload whose
     * fingerprint ({@link UploadFingerprint}) matches a stored workload answers with that workload, stored
     * once. With {@code validateOnly} the upload is read and checked completely and nothing is stored.
     */
    public IngestResult ingest(
            IngestRequest request, org.springframework.core.io.InputStreamSource contentSource, boolean validateOnly) {
        return ingest(
                request,
                contentSource,
                validateOnly,
                org.dcplanner.consolidation.security.CurrentUser.workspaceForNew());
    }

    /** Ingests into the given workspace: a background import stores the workload where its request came from. */
    public WorkloadView ingestInto(IngestRequest request, String workspace) {
        return ingest(request, null, false, workspace).workload();
    }

    private IngestResult ingest(
            IngestRequest request,
            org.springframework.core.io.InputStreamSource contentSource,
            boolean validateOnly,
            String workspace) {
        String fingerprint = contentSource == null || validateOnly || !properties.recogniseRepeats()
                ? null
                : UploadFingerprint.of(contentSource, request.inventory(), request);
        if (fingerprint != null) {
            var existing = repository.findByContentHash(fingerprint);
            if (existing.isPresent()) return new IngestResult(existing.get(), false);
        }
        long t0 = System.nanoTime();
        Plan plan = workbookAlone(request)
                ? new Plan(WorkloadFormat.RVTOOLS, stepOrDefault(request, SNAPSHOT_STEP_SECONDS))
                : plan(request);
        boolean snapshot = plan.format() == WorkloadFormat.RVTOOLS;
        if (snapshot && request.inventory() != null) {
            throw ApiException.badRequest("An RVTools export uploaded as the file is its own inventory; leave out"
                            + " the inventory part")
                    .at(request.inventoryName(), null, "inventory");
        }
        if (!snapshot && request.assumedCpuPercent() != null) {
            throw ApiException.badRequest("assumedCpuPercent applies only to an RVTools export uploaded alone")
                    .at(null, null, "assumedCpuPercent");
        }
        RvToolsInventory estate = snapshot
                ? snapshotEstate(request)
                : request.inventory() == null ? null : estate(request.inventory(), request.inventoryName());
        Map<String, InventoryRow> inventory = snapshot
                ? estate.vms()
                : request.inventory() == null ? Map.of() : estate != null ? estate.vms() : inventory(request);
        ParsedTraces parsed = new ParsedTraces(plan.stepSeconds(), properties.maxGridCells()).collectingRowErrors();
        if (snapshot) {
            long at = request.start() != null
                    ? request.start().getEpochSecond()
                    : java.time.Instant.now().getEpochSecond();
            RvToolsSnapshot.read(
                    estate, at - Math.floorMod(at, plan.stepSeconds()), request.assumedCpuPercent(), parsed);
        } else {
            eachFile(
                    request,
                    plan.format(),
                    (path, lines, format) -> parserFor(format, request).parse(path, lines, parsed),
                    parsed.warnings()::skipped);
        }
        parsed.rowErrors().throwIfAny();
        if (snapshot && parsed.vmsByName().isEmpty()) {
            throw IngestProblems.invalid(
                    "empty-file",
                    "The RVTools export has no powered-on VM to take a snapshot of",
                    request.source().name(),
                    0,
                    "Powerstate");
        }
        long notInTrace = inventory.values().stream()
                .filter(row -> !parsed.contains(row.vm()))
                .count();
        if (estate != null && !snapshot) {
            parsed.warnings()
                    .add(
                            "inventory-vms-without-trace",
                            notInTrace,
                            "%d VMs of the RVTools export have no samples" + " in the trace; they were left out");
        }
        for (InventoryRow row : estate != null ? List.<InventoryRow>of() : inventory.values()) {
            if (!parsed.contains(row.vm())) {
                throw IngestProblems.invalid(
                        "unknown-vm",
                        "Inventory VM '" + row.vm() + "' is not in the trace",
                        request.inventoryName(),
                        row.line(),
                        "vm");
            }
        }
        Map<String, InventoryRow> sizes = new HashMap<>(parsed.declared());
        inventory.forEach((vm, row) -> sizes.merge(vm, row, (declared, given) -> given.over(declared)));
        AssembledWorkload assembled = new WorkloadAssembler(properties).assemble(parsed, sizes, request.vmProfile());
        UUID id = UUID.randomUUID();
        String name = request.name() != null && !request.name().isBlank()
                ? request.name().strip()
                : request.source().name().replaceFirst("(?i)(\\.(csv|txt|json|tar|xlsx))?(\\.(zip|gz|tgz))?$", "");
        if (validateOnly) return new IngestResult(preview(name, plan.format(), request.vmProfile(), assembled), false);
        long t1 = System.nanoTime();
        try {
            transaction.executeWithoutResult(tx -> {
                writer.insert(id, name, plan.format().id(), request.vmProfile().id(), assembled, workspace);
                if (fingerprint != null) repository.setContentHash(id, fingerprint);
                if (estate != null) {
                    Map<String, Integer> index = new HashMap<>();
                    assembled.vms().forEach(vm -> index.put(vm.name(), vm.index()));
                    estates.insert(id, estate, index);
                }
            });
        } catch (org.springframework.dao.DuplicateKeyException sameUploadStoredMeanwhile) {
            return new IngestResult(repository.findByContentHash(fingerprint).orElseThrow(), false);
        }
        long t2 = System.nanoTime();
        log.info(
                "Stored workload {} '{}' ({}): {} VMs x {} steps of {} s, {} samples; read {} ms, store {} ms",
                id,
                name,
                plan.format().id(),
                assembled.vms().size(),
                assembled.grid().steps(),
                assembled.grid().stepSeconds(),
                assembled.samples(),
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000);
        return new IngestResult(repository.find(id).orElseThrow(), true);
    }

    /** What a validate-only upload would store: the workload without id and creation time. */
    private static WorkloadView preview(String name, WorkloadFormat format, VmProfile profile, AssembledWorkload w) {
        TimeGrid g = w.grid();
        List<Metric> metrics = w.measured().stream().sorted().toList();
        return new WorkloadView(
                null,
                name,
                format.id(),
                profile.id(),
                w.vms().size(),
                g.stepSeconds(),
                g.steps(),
                g.start(),
                g.end(),
                metrics,
                w.samples(),
                w.warnings().stream().map(IngestWarnings.IngestWarning::message).toList(),
                w.warnings(),
                null);
    }

    /** @param created false when the upload was recognised as an already stored workload (or only validated) */
    public record IngestResult(WorkloadView workload, boolean created) {}

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
        // row errors are ignored here: the full read reports all of them
        ParsedTraces scan = ParsedTraces.scan(STEP_SCAN_INTERVALS).collectingRowErrors();
        WorkloadFormat[] detected = {given};
        Integer knownStep = step;
        try {
            eachFile(
                    request,
                    given,
                    (path, lines, format) -> {
                        detected[0] = format;
                        if (knownStep != null || format == WorkloadFormat.PLANETLAB || format == WorkloadFormat.RVTOOLS)
                            throw new ParsedTraces.ScanComplete();
                        parserFor(format, request).parse(path, lines, scan);
                    },
                    (path, rule) -> {});
        } catch (ParsedTraces.ScanComplete enough) {
            // the prefix was enough to know the format and the step
        }
        WorkloadFormat format = detected[0];
        int s = knownStep != null
                ? knownStep
                : format == WorkloadFormat.PLANETLAB
                        ? PlanetLabParser.STEP_SECONDS
                        : format == WorkloadFormat.RVTOOLS ? SNAPSHOT_STEP_SECONDS : scan.medianInterval();
        return new Plan(format, s);
    }

    private record Plan(WorkloadFormat format, int stepSeconds) {}

    @FunctionalInterface
    private interface FileHandler {
        void handle(String path, TextLines lines, WorkloadFormat format) throws IOException;
    }

    /** Reads the upload file by file; the format is detected from the first file when not given. */
    private void eachFile(
            IngestRequest request,
            WorkloadFormat given,
            FileHandler handler,
            org.dcplanner.consolidation.ingestion.source.TraceSource.SkipListener skipped) {
        WorkloadFormat[] format = {given};
        byte[] buffer = new byte[1 << 16];
        try {
            request.source()
                    .forEachFile(
                            (path, in) -> {
                                TextLines lines = new TextLines(in, path, properties.maxLineBytes(), buffer);
                                if ((format[0] == null || format[0] == WorkloadFormat.PROMETHEUS)
                                        && lines.firstSignificantByte() == '{') {
                                    format[0] =
                                            WorkloadFormat
                                                    .PROMETHEUS; // a JSON document: read whole by its parser, not by
                                    // lines
                                    handler.handle(path, lines, format[0]);
                                    return;
                                }
                                String first = lines.readLine();
                                if (first == null)
                                    throw IngestProblems.invalid("empty-file", "The file is empty", path, 0, null);
                                if (format[0] == null) {
                                    format[0] = FormatDetector.detect(path, first)
                                            .orElseThrow(() -> IngestProblems.unsupportedFormat(
                                                    "Cannot tell the trace format from the file name or line 1; pass format="
                                                            + WorkloadFormat.ids()
                                                                    .replace(", ", "|"),
                                                    path));
                                }
                                lines.unread(first);
                                handler.handle(path, lines, format[0]);
                            },
                            skipped);
        } catch (IOException e) {
            throw IngestProblems.invalid(
                    "unreadable-upload",
                    "The upload could not be read: " + e.getMessage(),
                    request.source().name(),
                    0,
                    null);
        }
    }

    private static TraceParser parserFor(WorkloadFormat format, IngestRequest request) {
        return FormatDetector.parserFor(format, request.source().name(), request.start());
    }

    /** A snapshot's step when none is given: an hour (the step only labels the single sample). */
    static final int SNAPSHOT_STEP_SECONDS = 3600;

    private static int stepOrDefault(IngestRequest request, int step) {
        return request.stepSeconds() != null ? request.stepSeconds() : step;
    }

    /** An .xlsx upload, or format=rvtools: an RVTools export alone, read whole rather than as a file tree. */
    private static boolean workbookAlone(IngestRequest request) {
        if (request.format() != null) return request.format() == WorkloadFormat.RVTOOLS;
        String name = request.source().name();
        return name != null && name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
    }

    /** The upload itself as an RVTools export (the snapshot's VMs and today's estate). */
    private RvToolsInventory snapshotEstate(IngestRequest request) {
        if (!(request.source() instanceof UploadTraceSource upload)) {
            throw ApiException.badRequest("An RVTools export can only be uploaded")
                    .at(null, null, "format");
        }
        RvToolsInventory estate = estate(upload.content(), upload.name());
        if (estate == null) {
            throw IngestProblems.invalid(
                    "bad-header",
                    "Not an RVTools export: no vInfo sheet (an .xlsx workbook, its vInfo CSV or a zip of its CSV"
                            + " sheets)",
                    upload.name(),
                    1,
                    null);
        }
        return estate;
    }

    /** An RVTools export (an .xlsx workbook, a zip of its CSV sheets, or its vInfo CSV), else null. */
    private RvToolsInventory estate(org.springframework.core.io.InputStreamSource source, String name) {
        RvToolsReader reader = new RvToolsReader();
        try {
            if (name != null && name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
                try (InputStream in = source.getInputStream()) {
                    reader.readWorkbook(in, name);
                }
                return reader.result();
            }
            boolean[] rvtools = {false};
            new UploadTraceSource(source, name, properties).forEachFile((path, in) -> {
                TextLines lines = new TextLines(in, path, properties.maxLineBytes());
                String first = lines.readLine();
                if (first == null || !RvToolsReader.isRvTools(path, first)) return;
                rvtools[0] = true;
                lines.unread(first);
                reader.readCsv(lines);
            });
            return rvtools[0] ? reader.result() : null;
        } catch (IOException e) {
            throw IngestProblems.invalid(
                    "unreadable-upload", "The inventory could not be read: " + e.getMessage(), name, 0, null);
        }
    }

    private Map<String, InventoryRow> inventory(IngestRequest request) {
        try (InputStream in = request.inventory().getInputStream()) {
            return new InventoryParser().parse(new TextLines(in, request.inventoryName(), properties.maxLineBytes()));
        } catch (IOException e) {
            throw IngestProblems.invalid(
                    "unreadable-upload",
                    "The inventory could not be read: " + e.getMessage(),
                    request.inventoryName(),
                    0,
                    null);
        }
    }
}
