package org.dcplanner.consolidation.ingestion.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.dcplanner.consolidation.ingestion.source.TextLines;
import org.dcplanner.consolidation.problem.ApiException;
import org.junit.jupiter.api.Test;

/** RVTools sheets exported as CSV: sheets told by name or header, sizes from vInfo or vCPU/vMemory, refusals. */
class RvToolsReaderTest {
    private final RvToolsReader reader = new RvToolsReader();

    @Test
    void sizesComeFromVInfoOrTheVCpuAndVMemorySheetsAndMhzFromTheCurrentHostsSpeed() {
        reader.readCsv(csv("RVTools_tabvInfo.csv", """
                VM,Powerstate,CPUs,Memory,OS according to the VMware Tools,OS according to the configuration file,Cluster,Host
                web-1,poweredOn,4,"8,192",Ubuntu Linux (64-bit),,prod,esx-1
                db-1,poweredOff,,,,Microsoft Windows Server 2019,prod,esx-9

                lost,poweredOn,0,0,,,,
                """));
        reader.readCsv(csv("RVTools_tabvCPU.csv", "VM,CPUs\ndb-1,8\n,3\nweb-1,\n"));
        reader.readCsv(csv("RVTools_tabvMemory.csv", "VM,Size MiB\ndb-1,16384\n"));
        reader.readCsv(csv("RVTools_tabvHost.csv", """
                Host,Cluster,Vendor,Model,# CPU,# Cores,Speed,# Memory
                esx-1,prod,Dell Inc.,PowerEdge R640,2,20,2 600,"393,216"
                ,prod,,,,,,
                esx-9,prod,HPE,DL380,2,32,,
                """));

        RvToolsInventory inventory = reader.result();
        assertThat(inventory.vms()).containsOnlyKeys("web-1", "db-1", "lost");
        InventoryRow web = inventory.vms().get("web-1");
        assertThat(web.line()).isEqualTo(2);
        assertThat(web.cores()).isEqualTo(4);
        assertThat(web.cpuMhz()).isEqualTo(4 * 2600.0);
        assertThat(web.memoryMib()).isEqualTo(8192.0);
        assertThat(web.guestOs()).isEqualTo("Ubuntu Linux (64-bit)");
        // vInfo leaves CPUs and Memory empty: vCPU and vMemory fill them; esx-9 has no Speed, so no MHz
        InventoryRow db = inventory.vms().get("db-1");
        assertThat(db.cores()).isEqualTo(8);
        assertThat(db.memoryMib()).isEqualTo(16384.0);
        assertThat(db.cpuMhz()).isNull();
        assertThat(db.guestOs()).isEqualTo("Microsoft Windows Server 2019");
        // zero sizes are unknown sizes
        assertThat(inventory.vms().get("lost").cores()).isNull();
        assertThat(inventory.vms().get("lost").memoryMib()).isNull();
        assertThat(inventory.placement().get("db-1"))
                .isEqualTo(new RvToolsInventory.VmPlacement("poweredOff", "prod", "esx-9"));
        assertThat(inventory.placement().get("lost"))
                .isEqualTo(new RvToolsInventory.VmPlacement("poweredOn", null, null));
        assertThat(inventory.hosts())
                .containsExactly(
                        new RvToolsInventory.EstateHost(
                                "esx-1", "prod", "Dell Inc.", "PowerEdge R640", 2, 20, 2600.0, 393216.0),
                        new RvToolsInventory.EstateHost("esx-9", "prod", "HPE", "DL380", 2, 32, null, null));
    }

    @Test
    void aSheetWithoutItsNameInTheFileIsToldByItsHeader() {
        reader.readCsv(csv("export-1.csv", "VM,CPUs,Memory\na,2,1024\n"));
        reader.readCsv(csv("export-2.csv", "Host,# Cores,Speed\nh1,16,2000\n"));
        assertThat(reader.result().vms()).containsOnlyKeys("a");
        assertThat(reader.result().hosts())
                .extracting(RvToolsInventory.EstateHost::cores)
                .containsExactly(16);
        assertThatThrownBy(() -> new RvToolsReader().readCsv(csv("other.csv", "Name,Value\nx,1\n")))
                .isInstanceOfSatisfying(ApiException.class, e -> problem(e, "bad-header", "other.csv", 1L, null));
    }

    @Test
    void refusesARowWithoutAVmAVmListedTwiceAndANegativeSize() {
        assertThatThrownBy(() -> new RvToolsReader().readCsv(csv("vInfo.csv", "VM,CPUs\na,1\n ,2\n")))
                .isInstanceOfSatisfying(ApiException.class, e -> problem(e, "missing-value", "vInfo.csv", 3L, "VM"));
        assertThatThrownBy(() -> new RvToolsReader().readCsv(csv("vInfo.csv", "VM,CPUs\na,1\nb,1\na,2\n")))
                .isInstanceOfSatisfying(ApiException.class, e -> problem(e, "duplicate-vm", "vInfo.csv", 4L, "VM"));
        RvToolsReader negative = new RvToolsReader();
        negative.readCsv(csv("vInfo.csv", "VM,CPUs,Memory\na,1,-5\n"));
        assertThatThrownBy(negative::result)
                .isInstanceOfSatisfying(ApiException.class, e -> problem(e, "negative", "vInfo.csv", 2L, "Memory"));
        assertThatThrownBy(() -> new RvToolsReader().readCsv(csv("vHost.csv", "Host,# Cores\nh,many\n")))
                .isInstanceOfSatisfying(ApiException.class, e -> problem(e, "non-numeric", "vHost.csv", 2L, "# Cores"));
    }

    @Test
    void aFileThatIsNoWorkbookIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> reader.readWorkbook(
                        new ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8)), "estate.xlsx"))
                .isInstanceOfSatisfying(ApiException.class, e -> problem(e, "bad-workbook", "estate.xlsx", null, null));
    }

    @Test
    void recognisesWorkbooksAndSheetHeaders() throws IOException {
        assertThat(RvToolsReader.isRvTools("Estate.XLSX", null)).isTrue();
        assertThat(RvToolsReader.isRvTools("exports/RVTools_tabvInfo.csv", "x")).isTrue();
        assertThat(RvToolsReader.isRvTools("a.csv", "VM,Powerstate,CPUs")).isTrue();
        assertThat(RvToolsReader.isRvTools("b.csv", "Host,Model,# Cores")).isTrue();
        assertThat(RvToolsReader.isRvTools(null, "vm,timestamp,cpuMhz")).isFalse();
        assertThat(RvToolsReader.isRvTools("c.csv", null)).isFalse();
    }

    private static void problem(ApiException e, String type, String file, Long line, String field) {
        assertThat(e.problem().getType().toString()).endsWith("/" + type);
        assertThat(e.problem().getProperties()).containsEntry("file", file);
        if (line == null) assertThat(e.problem().getProperties()).doesNotContainKey("line");
        else assertThat(e.problem().getProperties()).containsEntry("line", line);
        if (field == null) assertThat(e.problem().getProperties()).doesNotContainKey("field");
        else assertThat(e.problem().getProperties()).containsEntry("field", field);
    }

    private static TextLines csv(String file, String text) {
        return new TextLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), file, 1 << 20);
    }
}
