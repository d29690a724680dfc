package org.dcplanner.consolidation.ingestion.sample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.ingestion.format.PublicTraceUnits;

/**
 * The generated samples of the other trace formats (docs/ingestion.md), each from a synthetic workload in
 * the layout of the real export: Azure vmtable + readings, Alibaba v2018 meta + usage, Google 2019
 * instance_usage, a vCenter PowerCLI Get-Stat export, Prometheus range-query answers, and an RVTools
 * workbook of the vCenter sample's VMs (with two powered-off VMs that have no statistics).
 */
final class PublicFormatFiles {
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);
    private static final String[] HOSTS = {"esx01.example.net", "esx02.example.net", "esx03.example.net"};
    private static final double HOST_CORE_MHZ = 2600;
    /** The RVTools export is taken at 14:00 of the day: its vCPU Overall and vMemory Consumed are that step's. */
    static final int RVTOOLS_MOMENT_STEP = 168;

    private PublicFormatFiles() {}

    static byte[] azure(LoadedWorkload w) {
        StringBuilder table = new StringBuilder();
        StringBuilder readings = new StringBuilder();
        int seconds = w.grid().stepSeconds() * w.grid().steps();
        for (WorkloadVm vm : w.vms()) {
            double[] pct = percents(w, vm);
            String category = vm.workloadClass() == WorkloadClass.WEB
                    ? "Interactive"
                    : vm.workloadClass() == WorkloadClass.BATCH_IO ? "Delay-insensitive" : "Unknown";
            table.append(azureId(vm))
                    .append(",sub-0,dep-")
                    .append(tier(vm))
                    .append(",0,")
                    .append(seconds)
                    .append(',')
                    .append(DecimalText.fixed(max(pct), 2))
                    .append(',')
                    .append(DecimalText.fixed(mean(pct), 2))
                    .append(',')
                    .append(DecimalText.fixed(max(pct), 2))
                    .append(',')
                    .append(category)
                    .append(',')
                    .append(vm.cores())
                    .append(',')
                    .append((int) Math.ceil(vm.memoryMib() / 1024))
                    .append('\n');
        }
        for (int step = 0; step < w.grid().steps(); step++) {
            for (WorkloadVm vm : w.vms()) {
                double avg = percents(w, vm)[step];
                readings.append(step * w.grid().stepSeconds())
                        .append(',')
                        .append(azureId(vm))
                        .append(',')
                        .append(DecimalText.fixed(avg * 0.8, 2))
                        .append(',')
                        .append(DecimalText.fixed(Math.min(100, avg * 1.2), 2))
                        .append(',')
                        .append(DecimalText.fixed(avg, 2))
                        .append('\n');
            }
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("azure-small/vmtable.csv", utf8(table));
        entries.put("azure-small/vm_cpu_readings-file-1-of-1.csv", utf8(readings));
        return DeterministicZip.zip(entries);
    }

    static byte[] alibaba(LoadedWorkload w) {
        StringBuilder meta = new StringBuilder();
        StringBuilder usage = new StringBuilder();
        for (WorkloadVm vm : w.vms()) {
            String id = "c_" + (vm.index() + 1);
            String machine = "m_" + (vm.index() % 3 + 1);
            double memPct = vm.memoryMib() / PublicTraceUnits.ALIBABA_MACHINE_MEMORY_MIB * 100;
            meta.append(id)
                    .append(',')
                    .append(machine)
                    .append(",0,app_")
                    .append(tier(vm))
                    .append(",started,")
                    .append(vm.cores() * 100)
                    .append(',')
                    .append(vm.cores() * 100)
                    .append(',')
                    .append(DecimalText.fixed(memPct, 2))
                    .append('\n');
            double[] pct = percents(w, vm);
            float[] mem = w.series(Metric.MEMORY)[vm.index()];
            for (int step = 0; step < w.grid().steps(); step++) {
                double memUsed = Math.min(100, mem[step] / vm.memoryMib() * 100);
                usage.append(id)
                        .append(',')
                        .append(machine)
                        .append(',')
                        .append(step * w.grid().stepSeconds())
                        .append(',')
                        .append(Math.round(pct[step]))
                        .append(',')
                        .append(Math.round(memUsed))
                        .append(",,,,,,\n");
            }
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("alibaba-small/container_meta.csv", utf8(meta));
        entries.put("alibaba-small/container_usage.csv", utf8(usage));
        return DeterministicZip.zip(entries);
    }

    static String google(LoadedWorkload w) {
        StringBuilder out = new StringBuilder("start_time,end_time,collection_id,instance_index,machine_id,"
                + "average_usage.cpus,average_usage.memory\n");
        long stepMicros = w.grid().stepSeconds() * 1_000_000L;
        for (WorkloadVm vm : w.vms()) {
            float[] cpu = w.series(Metric.CPU)[vm.index()];
            float[] mem = w.series(Metric.MEMORY)[vm.index()];
            for (int step = 0; step < w.grid().steps(); step++) {
                out.append(step * stepMicros)
                        .append(',')
                        .append((step + 1) * stepMicros)
                        .append(',')
                        .append(400_000_000L + tier(vm))
                        .append(',')
                        .append(vm.index())
                        .append(',')
                        .append(1000 + vm.index() % 5)
                        .append(',')
                        .append(DecimalText.fixed(cpu[step] / PublicTraceUnits.GOOGLE_MACHINE_MHZ, 6))
                        .append(',')
                        .append(DecimalText.fixed(mem[step] / PublicTraceUnits.GOOGLE_MACHINE_MEMORY_MIB, 6))
                        .append('\n');
            }
        }
        return out.toString();
    }

    static String vcenter(LoadedWorkload w) {
        StringBuilder out = new StringBuilder("#TYPE VMware.VimAutomation.ViCore.Impl.V1.VimClient.FloatSampleImpl\n"
                + "\"Value\",\"Timestamp\",\"MetricId\",\"Unit\",\"Description\",\"Entity\",\"EntityId\",\"IntervalSecs\","
                + "\"Instance\",\"Uid\"\n");
        for (WorkloadVm vm : w.vms()) {
            for (Metric m : List.of(Metric.CPU, Metric.MEMORY)) {
                float[] s = w.series(m)[vm.index()];
                for (int step = 0; step < w.grid().steps(); step++) {
                    String time = LocalDateTime.ofInstant(w.grid().at(step), ZoneOffset.UTC)
                            .format(US);
                    String value = m == Metric.CPU
                            ? String.valueOf(Math.round(s[step]))
                            : String.valueOf(Math.round(s[step] * 1024));
                    out.append('"')
                            .append(value)
                            .append("\",\"")
                            .append(time)
                            .append("\",\"")
                            .append(
                                    m == Metric.CPU
                                            ? "cpu.usagemhz.average\",\"MHz\",\"CPU usage in MHz (average)"
                                            : "mem.consumed.average\",\"KB\",\"Memory consumed (average)")
                            .append("\",\"")
                            .append(vm.name())
                            .append("\",\"VirtualMachine-vm-")
                            .append(1000 + vm.index())
                            .append("\",\"")
                            .append(w.grid().stepSeconds())
                            .append("\",\"\",\"\"\n");
                }
            }
        }
        return out.toString();
    }

    /**
     * Aria Operations statistics as the vrops-export tool writes them (CSV output, a definition whose field aliases are
     * the statistic keys, as its generated definitions have, dateFormat yyyy-MM-dd HH:mm:ss): header
     * {@code timestamp,resName,<keys>}, every cell quoted, one row per VM and time.
     */
    static String aria(LoadedWorkload w) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
        StringBuilder out = new StringBuilder("timestamp,resName,cpu|usagemhz_average,mem|consumed_average\n");
        for (WorkloadVm vm : w.vms()) {
            float[] cpu = w.series(Metric.CPU)[vm.index()];
            float[] memory = w.series(Metric.MEMORY)[vm.index()];
            for (int step = 0; step < w.grid().steps(); step++) {
                out.append('"')
                        .append(LocalDateTime.ofInstant(w.grid().at(step), ZoneOffset.UTC)
                                .format(time))
                        .append("\",\"")
                        .append(vm.name())
                        .append("\",\"")
                        .append(DecimalText.fixed(cpu[step], 3))
                        .append("\",\"")
                        .append(DecimalText.fixed(memory[step] * 1024.0, 1))
                        .append("\"\n");
            }
        }
        return out.toString();
    }

    static byte[] prometheus(LoadedWorkload w) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("prometheus-small/cpuPercent.json", utf8(matrix(w, Metric.CPU)));
        entries.put("prometheus-small/memoryBytes.json", utf8(matrix(w, Metric.MEMORY)));
        return DeterministicZip.zip(entries);
    }

    private static StringBuilder matrix(LoadedWorkload w, Metric m) {
        StringBuilder out =
                new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[");
        for (WorkloadVm vm : w.vms()) {
            out.append(vm.index() == 0 ? "" : ",")
                    .append("\n{\"metric\":{\"domain\":\"")
                    .append(vm.name())
                    .append("\",\"instance\":\"kvm")
                    .append(vm.index() % 3 + 1)
                    .append(":9177\",\"job\":\"libvirt\"},\"values\":[");
            double[] pct = percents(w, vm);
            float[] mem = w.series(Metric.MEMORY)[vm.index()];
            for (int step = 0; step < w.grid().steps(); step++) {
                String v = m == Metric.CPU
                        ? DecimalText.fixed(pct[step], 2)
                        : String.valueOf(Math.round(mem[step] * 1048576.0));
                out.append(step == 0 ? "" : ",")
                        .append('[')
                        .append(w.grid().at(step).getEpochSecond())
                        .append(",\"")
                        .append(v)
                        .append("\"]");
            }
            out.append("]}");
        }
        return out.append("]}}\n");
    }

    /** An RVTools workbook (vInfo, vCPU, vMemory, vHost) of the VMs, plus two powered-off VMs without statistics. */
    static byte[] rvtools(LoadedWorkload w) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                var bytes = new ByteArrayOutputStream()) {
            book.getProperties()
                    .getCoreProperties()
                    .setCreated(Optional.of(Date.from(w.grid().start())));
            Sheet info = sheet(
                    book,
                    "vInfo",
                    "VM",
                    "Powerstate",
                    "Template",
                    "CPUs",
                    "Memory",
                    "NICs",
                    "Disks",
                    "OS according to the configuration file",
                    "OS according to the VMware Tools",
                    "Datacenter",
                    "Cluster",
                    "Host");
            Sheet cpu = sheet(book, "vCPU", "VM", "Powerstate", "CPUs", "Sockets", "Cores p/s", "Max", "Overall");
            Sheet memory = sheet(book, "vMemory", "VM", "Powerstate", "Size MiB", "Consumed", "Active");
            int r = 1;
            for (WorkloadVm vm : w.vms()) {
                String host = HOSTS[vm.index() % HOSTS.length];
                row(
                        info,
                        r,
                        vm.name(),
                        "poweredOn",
                        "False",
                        vm.cores(),
                        (long) vm.memoryMib(),
                        1,
                        2,
                        "Ubuntu Linux (64-bit)",
                        "Ubuntu Linux (64-bit)",
                        "DC1",
                        "Prod",
                        host);
                row(
                        cpu,
                        r,
                        vm.name(),
                        "poweredOn",
                        vm.cores(),
                        1,
                        vm.cores(),
                        Math.round(vm.cores() * HOST_CORE_MHZ),
                        Math.round(w.series(Metric.CPU)[vm.index()][RVTOOLS_MOMENT_STEP]));
                long consumedMib = Math.round(w.series(Metric.MEMORY)[vm.index()][RVTOOLS_MOMENT_STEP]);
                row(
                        memory,
                        r,
                        vm.name(),
                        "poweredOn",
                        (long) vm.memoryMib(),
                        consumedMib,
                        Math.round(consumedMib * 0.4));
                r++;
            }
            for (String off : new String[] {"old-app-01", "old-app-02"}) {
                row(
                        info,
                        r,
                        off,
                        "poweredOff",
                        "False",
                        2,
                        4096L,
                        1,
                        1,
                        "Microsoft Windows Server 2012 (64-bit)",
                        "",
                        "DC1",
                        "Prod",
                        HOSTS[0]);
                row(cpu, r, off, "poweredOff", 2, 1, 2, 0, 0);
                row(memory, r, off, "poweredOff", 4096L, 0, 0);
                r++;
            }
            Sheet hosts = sheet(
                    book,
                    "vHost",
                    "Host",
                    "Datacenter",
                    "Cluster",
                    "Vendor",
                    "Model",
                    "CPU Model",
                    "Speed",
                    "# CPU",
                    "Cores per CPU",
                    "# Cores",
                    "# Memory",
                    "# VMs");
            for (int i = 0; i < HOSTS.length; i++) {
                row(
                        hosts,
                        i + 1,
                        HOSTS[i],
                        "DC1",
                        "Prod",
                        "Dell Inc.",
                        "PowerEdge R640",
                        "Intel(R) Xeon(R) Gold 6126 CPU @ 2.60GHz",
                        (long) HOST_CORE_MHZ,
                        2,
                        12,
                        24,
                        393_216L,
                        0);
            }
            book.write(bytes);
            return rezip(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet sheet(XSSFWorkbook book, String name, String... header) {
        Sheet s = book.createSheet(name);
        row(s, 0, (Object[]) header);
        return s;
    }

    private static void row(Sheet s, int index, Object... cells) {
        Row row = s.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] instanceof Number n) row.createCell(i).setCellValue(n.doubleValue());
            else row.createCell(i).setCellValue(String.valueOf(cells[i]));
        }
    }

    /** POI's zip with the entries in its order but DeterministicZip's fixed times, so re-runs give equal files. */
    private static byte[] rezip(byte[] xlsx) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) entries.put(e.getName(), zip.readAllBytes());
        }
        return DeterministicZip.zip(entries);
    }

    /** gzip with no file name and time 0 in its header, so re-runs give equal files. */
    static byte[] gzip(byte[] content) {
        var bytes = new ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** CPU as percent of the VM's MHz, at most 100. */
    private static double[] percents(LoadedWorkload w, WorkloadVm vm) {
        float[] cpu = w.series(Metric.CPU)[vm.index()];
        double[] pct = new double[cpu.length];
        for (int i = 0; i < cpu.length; i++) pct[i] = Math.min(100, cpu[i] / vm.cpuMhz() * 100);
        return pct;
    }

    private static String azureId(WorkloadVm vm) {
        return "vm" + Integer.toHexString(0x5a000 + vm.index() * 7919);
    }

    private static int tier(WorkloadVm vm) {
        String[] parts = vm.name().split("-");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : vm.index();
    }

    private static double max(double[] a) {
        double m = 0;
        for (double v : a) m = Math.max(m, v);
        return m;
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return a.length == 0 ? 0 : s / a.length;
    }

    private static byte[] utf8(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
