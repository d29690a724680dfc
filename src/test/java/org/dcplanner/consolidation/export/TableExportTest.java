package org.dcplanner.consolidation.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableExportTest {
    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsNeutralizedButNumbersStayNumbers() {
        Table t = new Table(
                "T",
                List.of("name", "value"),
                List.of(
                        Arrays.asList("=HYPERLINK(\"http://x\")", -3.5),
                        Arrays.asList("+cmd|' /C calc'!A0", 2),
                        Arrays.asList("@SUM(1+1)", null),
                        Arrays.asList("-1+1", 0.1),
                        Arrays.asList("\tx", 1e-7),
                        Arrays.asList("plain", 12.0)));
        List<String> lines = TableExport.toCsv(t).lines().toList();
        assertThat(lines)
                .containsExactly(
                        "name,value",
                        "\"'=HYPERLINK(\"\"http://x\"\")\",-3.5",
                        "'+cmd|' /C calc'!A0,2",
                        "'@SUM(1+1),",
                        "'-1+1,0.1",
                        "'\tx,0.0000001",
                        "plain,12");
    }

    @Test
    void aWorkbookHasOneSheetPerTable() throws Exception {
        byte[] xlsx = TableExport.toXlsx(List.of(
                new Table("A", List.of("x"), List.of(List.of(1))),
                new Table("B", List.of("y"), List.of(List.of("=1+1")))));
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheet("A").getRow(1).getCell(0).getNumericCellValue())
                    .isEqualTo(1.0);
            assertThat(book.getSheet("B").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("'=1+1");
        }
    }
}
