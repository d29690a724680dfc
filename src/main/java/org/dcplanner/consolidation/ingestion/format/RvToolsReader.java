package org.dcplanner.consolidation.ingestion.format;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;
import org.dcplanner.consolidation.ingestion.source.TextLines;
import org.dcplanner.consolidation.problem.ApiException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an RVTools export of vCenter: the .xlsx workbook (streamed sheet by sheet with Apache POI's event
 * reader, so a large estate's sheets are never held as a workbook) or its sheets as CSV files
 * ({@code RVTools_tabvInfo.csv} ...). Sheets and columns read (names as RVTools writes them):
 * <ul>
 * <li>vInfo: VM, Powerstate, CPUs, Memory (MiB), OS according to the VMware Tools / the configuration file,
 * Cluster, Host</li>
 * <li>vHost: Host, Cluster, Vendor, Model, # CPU (sockets), # Cores, Speed (MHz per core), # Memory (MiB)</li>
 * <li>vCPU: VM, CPUs and vMemory: VM, Size MiB, used where vInfo leaves CPUs or Memory empty; vCPU Overall (MHz)
 * and vMemory Consumed (MiB) and vInfo Template for a workload from the export alone.</li>
 * </ul>
 * Other sheets and columns are skipped. A VM's MHz is its CPUs x the Speed of its current host (vHost);
 * without a known host it comes from the trace or the VM profile.
 */
public final class RvToolsReader {
    private final Map<String, Map<String, String>> vInfo = new LinkedHashMap<>();
    private final Map<String, Long> vInfoLine = new HashMap<>();
    private final Map<String, String> vCpu = new HashMap<>();
    private final Map<String, String> vCpuOverall = new HashMap<>();
    private final Map<String, Long> vCpuLine = new HashMap<>();
    private final Map<String, String> vMemoryConsumed = new HashMap<>();
    private final Map<String, Long> vMemoryLine = new HashMap<>();
    private String vCpuFile;
    private String vMemoryFile;
    private final Map<String, String> vMemory = new HashMap<>();
    private final List<RvToolsInventory.EstateHost> hosts = new ArrayList<>();
    private String vInfoFile;

    /** True for a workbook name or a CSV whose header is an RVTools vInfo or vHost sheet's. */
    public static boolean isRvTools(String name, String firstLine) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".xlsx") || n.contains("rvtools")) return true;
        String h = firstLine == null ? "" : firstLine.toLowerCase(Locale.ROOT);
        return h.contains("powerstate") || (h.contains("# cores") && h.contains("model"));
    }

    /** Reads an .xlsx workbook (copied to a temporary file: POI's streaming reader needs random access). */
    public void readWorkbook(InputStream in, String file) throws IOException {
        Path tmp = Files.createTempFile("rvtools", ".xlsx");
        try {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            try (OPCPackage pkg = OPCPackage.open(tmp.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                while (sheets.hasNext()) {
                    try (InputStream sheet = sheets.next()) {
                        String name = sheets.getSheetName();
                        if (sheetKind(name) == null) continue;
                        SheetRows rows = new SheetRows(file + "#" + name, sheetKind(name));
                        XMLReader xml = XMLHelper.newXMLReader();
                        xml.setContentHandler(new XSSFSheetXMLHandler(
                                reader.getStylesTable(), null, strings, rows, new DataFormatter(Locale.US), false));
                        xml.parse(new InputSource(sheet));
                    }
                }
            } catch (OpenXML4JException
                    | SAXException
                    | org.apache.poi.ooxml.POIXMLException
                    | javax.xml.parsers.ParserConfigurationException e) {
                if (e.getCause() instanceof ApiException api) throw api;
                throw IngestProblems.invalid(
                        "bad-workbook", "Not readable as an .xlsx workbook: " + e.getMessage(), file, 0, null);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads one sheet exported as CSV; the sheet is told by the file name, else by the header. */
    public void readCsv(TextLines text) {
        String file = text.file();
        Sheet kind = sheetKind(file);
        List<String> header = null;
        for (CsvRecord rec : CsvReader.builder()
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .ofCsvRecord(text)) {
            if (header == null) {
                header = rec.getFields().stream().map(String::strip).toList();
                if (kind == null)
                    kind = header.contains("Powerstate") || header.contains("VM")
                            ? Sheet.VINFO
                            : header.contains("Host") ? Sheet.VHOST : null;
                if (kind == null) {
                    throw IngestProblems.invalid(
                            "bad-header", "Not an RVTools vInfo, vHost, vCPU or vMemory sheet", file, 1, null);
                }
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < Math.min(header.size(), rec.getFieldCount()); i++)
                row.put(header.get(i), rec.getField(i).strip());
            accept(kind, file, rec.getStartingLineNumber(), row);
        }
    }

    /** The inventory read so far. */
    public RvToolsInventory result() {
        Map<String, Double> speedByHost = new HashMap<>();
        for (RvToolsInventory.EstateHost h : hosts) if (h.coreMhz() != null) speedByHost.put(h.name(), h.coreMhz());
        Map<String, InventoryRow> rows = new LinkedHashMap<>();
        Map<String, RvToolsInventory.VmPlacement> placement = new LinkedHashMap<>();
        Map<String, RvToolsInventory.VmUsage> usage = new LinkedHashMap<>();
        vInfo.forEach((vm, row) -> {
            long line = vInfoLine.get(vm);
            String cpus = first(row.get("CPUs"), vCpu.get(vm));
            String memory = first(row.get("Memory"), vMemory.get(vm));
            Integer cores = cpus == null ? null : (int) number(cpus, vInfoFile, line, "CPUs");
            Double memoryMib = memory == null ? null : number(memory, vInfoFile, line, "Memory");
            String host = blank(row.get("Host"));
            Double mhz = cores != null && host != null && speedByHost.containsKey(host)
                    ? cores * speedByHost.get(host)
                    : null;
            String os = first(
                    row.get("OS according to the VMware Tools"), row.get("OS according to the configuration file"));
            rows.put(
                    vm,
                    new InventoryRow(
                            line,
                            vm,
                            cores != null && cores > 0 ? cores : null,
                            mhz,
                            memoryMib != null && memoryMib > 0 ? memoryMib : null,
                            os,
                            null,
                            null,
                            null,
                            null));
            placement.put(
                    vm,
                    new RvToolsInventory.VmPlacement(blank(row.get("Powerstate")), blank(row.get("Cluster")), host));
            boolean inVcpu = vCpuLine.containsKey(vm);
            String cpuFile = inVcpu ? vCpuFile : vInfoFile;
            long cpuLine = inVcpu ? vCpuLine.get(vm) : line;
            String overall = vCpuOverall.get(vm);
            String consumed = vMemoryConsumed.get(vm);
            usage.put(
                    vm,
                    new RvToolsInventory.VmUsage(
                            "true".equalsIgnoreCase(blank(row.get("Template"))),
                            overall == null ? null : number(overall, cpuFile, cpuLine, "Overall"),
                            cpuFile,
                            cpuLine,
                            consumed == null ? null : number(consumed, vMemoryFile, vMemoryLine.get(vm), "Consumed")));
        });
        return new RvToolsInventory(rows, placement, List.copyOf(hosts), usage);
    }

    private void accept(Sheet kind, String file, long line, Map<String, String> row) {
        switch (kind) {
            case VINFO -> {
                String vm = blank(row.get("VM"));
                if (vm == null)
                    throw IngestProblems.invalid("missing-value", "Row " + line + " has no VM", file, line, "VM");
                if (vInfo.putIfAbsent(vm, row) != null) {
                    throw IngestProblems.invalid("duplicate-vm", "VM '" + vm + "' is listed twice", file, line, "VM");
                }
                vInfoLine.put(vm, line);
                vInfoFile = file;
            }
            case VCPU -> {
                putIfNamed(vCpu, row, "CPUs");
                putIfNamed(vCpuOverall, row, "Overall");
                String vm = blank(row.get("VM"));
                if (vm != null) vCpuLine.put(vm, line);
                vCpuFile = file;
            }
            case VMEMORY -> {
                putIfNamed(vMemory, row, "Size MiB");
                putIfNamed(vMemoryConsumed, row, "Consumed");
                String vm = blank(row.get("VM"));
                if (vm != null) vMemoryLine.put(vm, line);
                vMemoryFile = file;
            }
            case VHOST -> {
                String host = blank(row.get("Host"));
                if (host == null) return;
                hosts.add(new RvToolsInventory.EstateHost(
                        host,
                        blank(row.get("Cluster")),
                        blank(row.get("Vendor")),
                        blank(row.get("Model")),
                        integer(row.get("# CPU"), file, line, "# CPU"),
                        integer(row.get("# Cores"), file, line, "# Cores"),
                        optional(row.get("Speed"), file, line, "Speed"),
                        optional(row.get("# Memory"), file, line, "# Memory")));
            }
        }
    }

    private static void putIfNamed(Map<String, String> into, Map<String, String> row, String column) {
        String vm = blank(row.get("VM"));
        String v = blank(row.get(column));
        if (vm != null && v != null) into.put(vm, v);
    }

    private static Integer integer(String text, String file, long line, String field) {
        Double v = optional(text, file, line, field);
        return v == null ? null : (int) Math.round(v);
    }

    private static Double optional(String text, String file, long line, String field) {
        return blank(text) == null ? null : number(text, file, line, field);
    }

    /** RVTools writes thousands separators in formatted cells (4,096): they are dropped. */
    private static double number(String text, String file, long line, String field) {
        return Fields.nonNegative(text.replace(",", "").replace(" ", ""), file, line, field);
    }

    private static String first(String a, String b) {
        return blank(a) != null ? blank(a) : blank(b);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Sheet sheetKind(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("vinfo")) return Sheet.VINFO;
        if (n.contains("vhost")) return Sheet.VHOST;
        if (n.contains("vcpu")) return Sheet.VCPU;
        if (n.contains("vmemory")) return Sheet.VMEMORY;
        return null;
    }

    private enum Sheet {
        VINFO,
        VHOST,
        VCPU,
        VMEMORY
    }

    /** One sheet's rows from POI's event reader: row 1 is the header, later rows become column maps. */
    private final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String file;
        private final Sheet kind;
        private final Map<Integer, String> header = new HashMap<>();
        private Map<String, String> row;
        private int rowNum;

        SheetRows(String file, Sheet kind) {
            this.file = file;
            this.kind = kind;
        }

        @Override
        public void startRow(int rowNum) {
            this.rowNum = rowNum;
            row = new HashMap<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (!header.isEmpty() && rowNum > 0 && !row.isEmpty()) accept(kind, file, rowNum + 1L, row);
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = new org.apache.poi.ss.util.CellReference(ref).getCol();
            if (rowNum == 0) header.put(col, value.strip());
            else if (header.containsKey(col)) row.put(header.get(col), value);
        }
    }
}
