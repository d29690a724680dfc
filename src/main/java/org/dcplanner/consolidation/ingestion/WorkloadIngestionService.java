package org.dcplanner.consolidation.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.format.FormatDetector;
import org.dcplanner.consolidation.ingestion.format.InventoryParser;
import org.dcplanner.consolidation.ingestion.format.InventoryRow;
import org.dcplanner.consolidation.ingestion.format.ParsedTraces;
import org.dcplanner.consolidation.ingestion.format.TraceParser;
import org.dcplanner.consolidation.ingestion.source.TextLines;
import org.dcplanner.consolidation.ingestion.store.WorkloadRepository;
import org.dcplanner.consolidation.ingestion.store.WorkloadWriter;
import org.dcplanner.consolidation.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingestion feature's entry point: parses an upload (streamed, file by file), aligns it to one grid
 * and stores it in one transaction. Every input error is thrown before anything is written, so a failed
 * upload leaves nothing behind.
 */
@Service
public class WorkloadIngestionService {
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
        Map<String, InventoryRow> inventory = request.inventory() == null ? Map.of() : inventory(request);
        ParsedTraces parsed = new ParsedTraces();
        WorkloadFormat format = parse(request, parsed);
        for (InventoryRow row : inventory.values()) {
            if (!parsed.contains(row.vm())) {
                throw IngestProblems.invalid("unknown-vm", "Inventory VM '" + row.vm() + "' is not in the trace",
                        request.inventoryName(), row.line(), "vm");
            }
        }
        AssembledWorkload assembled = new WorkloadAssembler(properties)
                .assemble(parsed, inventory, request.vmProfile(), request.stepSeconds());
        UUID id = UUID.randomUUID();
        String name = request.name() != null && !request.name().isBlank() ? request.name().strip()
                : request.source().name().replaceFirst("\\.(zip|csv|txt)$", "");
        transaction.executeWithoutResult(tx ->
                writer.insert(id, name, format.id(), request.vmProfile().id(), assembled));
        return repository.find(id).orElseThrow();
    }

    public void delete(UUID id) {
        if (!repository.delete(id)) throw ApiException.notFound("Workload", id);
    }

    private WorkloadFormat parse(IngestRequest request, ParsedTraces parsed) {
        WorkloadFormat[] format = {request.format()};
        TraceParser[] parser = {format[0] == null ? null : FormatDetector.parserFor(format[0], request.source().name(), request.start())};
        byte[] buffer = new byte[1 << 16];
        try {
            request.source().forEachFile((path, in) -> {
                TextLines lines = new TextLines(in, path, properties.maxLineBytes(), buffer);
                String first = lines.readLine();
                if (first == null) throw IngestProblems.invalid("empty-file", "The file is empty", path, 0, null);
                if (parser[0] == null) {
                    format[0] = FormatDetector.detect(first).orElseThrow(() -> IngestProblems.unsupportedFormat(
                            "Cannot tell the trace format from line 1; pass format=planetlab|bitbrains|csv", path));
                    parser[0] = FormatDetector.parserFor(format[0], request.source().name(), request.start());
                }
                lines.unread(first);
                parser[0].parse(path, lines, parsed);
            });
        } catch (IOException e) {
            throw IngestProblems.invalid("unreadable-upload", "The upload could not be read: " + e.getMessage(),
                    request.source().name(), 0, null);
        }
        return format[0];
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
