package org.dcplanner.consolidation.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Writes tables as CSV or XLSX downloads. Text cells that a spreadsheet would run as a formula (starting
 * with =, +, -, @, tab or carriage return) are prefixed with an apostrophe; numbers stay numbers.
 */
public final class TableExport {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final MediaType XLSX_TYPE = MediaType.parseMediaType(XLSX);
    public static final String CSV = "text/csv";

    private TableExport() {}

    /** The first table as a CSV download named {@code baseName}.csv. */
    public static ResponseEntity<byte[]> csv(Table table, String baseName) {
        return download(toCsv(table).getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8", baseName + ".csv");
    }

    /** Every table as one sheet of an XLSX download named {@code baseName}.xlsx. */
    public static ResponseEntity<byte[]> xlsx(List<Table> tables, String baseName) {
        return download(toXlsx(tables), XLSX, baseName + ".xlsx");
    }

    static String toCsv(Table table) {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord(table.header().stream().map(TableExport::safeText).toList());
            for (List<Object> row : table.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object cell : row)
                    cells.add(cell == null ? "" : cell instanceof Number n ? plain(n) : safeText(cell.toString()));
                csv.writeRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static byte[] toXlsx(List<Table> tables) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (Table table : tables) {
                Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(table.name()));
                Row head = sheet.createRow(0);
                for (int c = 0; c < table.header().size(); c++) {
                    Cell cell = head.createCell(c);
                    cell.setCellValue(safeText(table.header().get(c)));
                    cell.setCellStyle(bold);
                }
                int r = 1;
                for (List<Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v == null) continue;
                        Cell cell = row.createCell(c);
                        if (v instanceof Number n && Double.isFinite(n.doubleValue()))
                            cell.setCellValue(n.doubleValue());
                        else cell.setCellValue(safeText(v.toString()));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text a spreadsheet would read as a formula gets a leading apostrophe (OWASP CSV injection advice). */
    public static String safeText(String text) {
        if (text == null || text.isEmpty()) return text;
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }

    private static String plain(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) return "";
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return n.toString();
    }

    private static ResponseEntity<byte[]> download(byte[] body, String contentType, String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, contentType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(body);
    }
}
