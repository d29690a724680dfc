package org.dcplanner.consolidation.export;

import java.util.List;

/**
 * A named table an export writes as CSV or as one sheet of an XLSX workbook. Cells are text or numbers
 * ({@link Number}); null is an empty cell.
 */
public record Table(String name, List<String> header, List<List<Object>> rows) {
    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }
}
