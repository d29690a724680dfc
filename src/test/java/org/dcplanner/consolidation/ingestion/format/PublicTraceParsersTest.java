package org.dcplanner.consolidation.ingestion.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.internal.WorkloadFormat;
import org.dcplanner.consolidation.ingestion.source.TextLines;
import org.dcplanner.consolidation.problem.ApiException;
import org.junit.jupiter.api.Test;

/** The public cluster traces, vCenter and Prometheus exports: layout, units, sizes and refusals. */
class PublicTraceParsersTest {
    private final ParsedTraces out = new ParsedTraces(300, 1_000_000);
    private static final Instant START = Instant.parse("2019-07-01T00:00:00Z");

    @Test
    void azureReadingsAndVmtableInEitherOrderGiveCpuPercentAndSizes() throws Exception {
        AzureParser azure = new AzureParser(START);
        azure.parse(
                "vm_cpu_readings-file-1-of-2.csv",
                TraceText.of("r.csv", "0,vmA,1.5,40.2,20.5\n0,vmB,0,10,5\n300,vmA,2,50,30\n"),
                out);
        azure.parse(
                "vmtable.csv",
                TraceText.of(
                        "vmtable.csv",
                        "vmA,sub,dep,0,2591700,99.3,20.1,80.2,Delay-insensitive,>24,64\nvmC,sub,dep,0,300,1,1,1,Unknown,2,4\n"),
                out);
        azure.parse("vm_cpu_readings-file-2-of-2.csv", TraceText.of("r2.csv", "600,vmA,1,2,3\n"), out);

        VmTrace a = out.vmsByName().get(0);
        assertThat(a.name()).isEqualTo("vmA");
        assertThat(a.cpuIsPercent()).isTrue();
        assertThat(a.firstSlot()).isEqualTo(START.getEpochSecond() / 300);
        assertThat(a.extent()).isEqualTo(3);
        assertThat(a.slot(Metric.CPU, 1)).isEqualTo(30f);
        Map<String, InventoryRow> declared = out.declared();
        assertThat(declared).containsOnlyKeys("vmA"); // vmC has no readings
        assertThat(declared.get("vmA").cores()).isEqualTo(24);
        assertThat(declared.get("vmA").cpuMhz()).isEqualTo(48_000);
        assertThat(declared.get("vmA").memoryMib()).isEqualTo(64 * 1024);
        assertThat(declared.get("vmA").workloadClass()).isEqualTo(WorkloadClass.BATCH_IO);
    }

    @Test
    void azureRefusesACpuAbove100WithFileLineAndField() {
        assertThatThrownBy(() -> new AzureParser(null)
                        .parse("r.csv", TraceText.of("r.csv", "0,vmA,1,2,3\n300,vmA,1,2,130\n"), out))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.problem().getProperties())
                                .containsEntry("file", "r.csv")
                                .containsEntry("line", 2L)
                                .containsEntry("field", "avgcpu"));
    }

    @Test
    void alibabaUsageIsPercentOfTheMetaSize() throws Exception {
        AlibabaParser alibaba = new AlibabaParser(null);
        alibaba.parse(
                "container_meta.csv",
                TraceText.of(
                        "container_meta.csv",
                        "c_1,m_1,0,app_1,started,400,400,1.56\nc_1,m_1,10,app_1,started,400,800,1.56\n"),
                out);
        alibaba.parse(
                "container_usage.csv",
                TraceText.of("container_usage.csv", "c_1,m_1,10,41,92,,,,,,\nc_1,m_1,20,45,,,,,,,\n"),
                out);
        alibaba.parse("machine_usage.csv", TraceText.of("machine_usage.csv", "m_1,0,50,60,,,,,\n"), out);

        VmTrace c1 = out.vmsByName().get(0);
        assertThat(c1.name()).isEqualTo("c_1");
        assertThat(c1.cpuIsPercent()).isTrue();
        assertThat(c1.memoryIsPercent()).isTrue();
        assertThat(c1.slot(Metric.CPU, 0)).isEqualTo(43f);
        assertThat(c1.slot(Metric.MEMORY, 0)).isEqualTo(92f);
        assertThat(out.declared().get("c_1").cores()).isEqualTo(8); // cpu_limit 800 = 8 cores (largest row)
        assertThat(out.declared().get("c_1").memoryMib())
                .isCloseTo(0.0156 * 512 * 1024, org.assertj.core.data.Offset.offset(0.01));
        assertThat(out.contains("m_1")).isTrue();
    }

    @Test
    void googleInstanceUsageIsNormalizedUnitsTimesTheReferenceMachine() throws Exception {
        String text = """
                start_time,end_time,collection_id,instance_index,machine_id,average_usage.cpus,average_usage.memory,assigned_memory
                600000000,900000000,3,0,77,0.01,0.002,0.01
                900000000,1200000000,3,0,77,0.02,,0.01
                """;
        new GoogleParser(START).parse("usage.csv", TraceText.of("usage.csv", text), out);
        VmTrace vm = out.vmsByName().get(0);
        assertThat(vm.name()).isEqualTo("3-0");
        assertThat(vm.firstSlot()).isEqualTo((START.getEpochSecond() + 600) / 300);
        assertThat(vm.slot(Metric.CPU, 1)).isEqualTo((float) (0.02 * PublicTraceUnits.GOOGLE_MACHINE_MHZ));
        assertThat(vm.slot(Metric.MEMORY, 0)).isEqualTo((float) (0.002 * PublicTraceUnits.GOOGLE_MACHINE_MEMORY_MIB));
        assertThat(out.samples()).isEqualTo(3);
    }

    @Test
    void vcenterReadsOneStatisticPerRowAndSkipsOthers() throws Exception {
        String text = """
                #TYPE VMware.VimAutomation.ViCore.Impl.V1.VimClient.FloatSampleImpl
                "Value","Timestamp","MetricId","Unit","Description","Entity","EntityId","IntervalSecs","Instance","Uid"
                "812","1/5/2026 12:00:00 AM","cpu.usagemhz.average","MHz","CPU usage in MHz","web-1","VirtualMachine-vm-1","300","",""
                "790","1/5/2026 12:05:00 AM","cpu.usagemhz.average","MHz","CPU usage in MHz","web-1","VirtualMachine-vm-1","300","",""
                "400","1/5/2026 12:00:00 AM","cpu.usagemhz.average","MHz","","web-1","VirtualMachine-vm-1","300","0",""
                "2097152","1/5/2026 12:00:00 AM","mem.consumed.average","KB","","web-1","VirtualMachine-vm-1","300","",""
                "12","2026-01-05T00:05:00Z","cpu.ready.summation","ms","","web-1","VirtualMachine-vm-1","300","",""
                """;
        new VcenterParser().parse("stats.csv", TraceText.of("stats.csv", text), out);
        VmTrace vm = out.vmsByName().get(0);
        assertThat(vm.firstSlot())
                .isEqualTo(Instant.parse("2026-01-05T00:00:00Z").getEpochSecond() / 300);
        assertThat(vm.slot(Metric.CPU, 0)).isEqualTo(812f);
        assertThat(vm.slot(Metric.CPU, 1)).isEqualTo(790f);
        assertThat(vm.slot(Metric.MEMORY, 0)).isEqualTo(2048f);
        assertThat(out.warnings().count("skipped-statistics")).isEqualTo(2);
        assertThat(FormatDetector.detect(null, text.lines().findFirst().orElseThrow()))
                .contains(WorkloadFormat.VCENTER);
    }

    @Test
    void prometheusMatrixFilesGiveOneVmPerSeriesAndResourceByFileName() throws Exception {
        String cpu = """
                {"status":"success","data":{"resultType":"matrix","result":[
                 {"metric":{"instance":"node-1:9100"},"values":[[1767571200,"12.5"],[1767571500.5,"NaN"],[1767571800,"20"]]},
                 {"metric":{"instance":"node-2:9100","job":"node"},"values":[[1767571200,"1"]]}]}}
                """;
        String mem = """
                {"status":"success","data":{"resultType":"matrix","result":[
                 {"metric":{"instance":"node-1:9100"},"values":[[1767571200,"1073741824"]]}]}}
                """;
        PrometheusParser prometheus = new PrometheusParser();
        prometheus.parse("cpuPercent.json", json("cpuPercent.json", cpu), out);
        prometheus.parse("memoryBytes.json", json("memoryBytes.json", mem), out);
        VmTrace n1 = out.vmsByName().get(0);
        assertThat(n1.name()).isEqualTo("node-1:9100");
        assertThat(n1.cpuIsPercent()).isTrue();
        assertThat(n1.extent()).isEqualTo(3);
        assertThat(n1.slot(Metric.CPU, 1)).isNaN();
        assertThat(n1.slot(Metric.CPU, 2)).isEqualTo(20f);
        assertThat(n1.slot(Metric.MEMORY, 0)).isEqualTo(1024f);
        assertThat(out.samples()).isEqualTo(4);
    }

    @Test
    void prometheusRefusesAnUnnamedResourceAndTwoSeriesOfOneVm() {
        String twice = """
                {"status":"success","data":{"resultType":"matrix","result":[
                 {"metric":{"instance":"a","mode":"user"},"values":[[1,"1"]]},
                 {"metric":{"instance":"a","mode":"system"},"values":[[1,"1"]]}]}}
                """;
        assertThatThrownBy(() -> new PrometheusParser().parse("cpu.json", json("cpu.json", twice), out))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.problem().getProperties()).containsEntry("file", "cpu.json"));
        assertThatThrownBy(() -> new PrometheusParser().parse("cpuMhz.json", json("cpuMhz.json", twice), out))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.problem().getProperties())
                                .containsEntry("line", 3L)
                                .containsEntry("field", "metric"));
    }

    @Test
    void detectsThePublicTracesByFileNameOrFirstLine() {
        assertThat(FormatDetector.detect("azure/vmtable.csv.gz", "x,y")).contains(WorkloadFormat.AZURE);
        assertThat(FormatDetector.detect("part", "0,yNf/R3X8+1QPfeKR5,19.89,24.99,22.63"))
                .contains(WorkloadFormat.AZURE);
        assertThat(FormatDetector.detect("a/container_usage.csv", "c_1,m_1,0,1,2,,,,,,"))
                .contains(WorkloadFormat.ALIBABA);
        assertThat(FormatDetector.detect("x.csv", "m_1932,386640,41,92,,,,,")).contains(WorkloadFormat.ALIBABA);
        assertThat(FormatDetector.detect("u.csv", "start_time,end_time,collection_id,instance_index"))
                .contains(WorkloadFormat.GOOGLE);
        assertThat(FormatDetector.detect("g.csv", "vm,timestamp,cpuMhz")).contains(WorkloadFormat.CSV);
    }

    private static TextLines json(String file, String text) {
        return new TextLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), file, 1 << 20);
    }
}
