package org.dcplanner.consolidation.ingestion.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.problem.ApiException;
import org.junit.jupiter.api.Test;

/** An RVTools export alone as a one-step workload: Overall MHz and Consumed MiB, or the assumed utilization. */
class RvToolsSnapshotTest {
    private static final long AT = Instant.parse("2026-01-05T14:00:00Z").getEpochSecond();

    private static RvToolsInventory export(String vCpu) {
        RvToolsReader reader = new RvToolsReader();
        reader.readCsv(TraceText.of("RVTools_tabvInfo.csv", """
                VM,Powerstate,Template,CPUs,Memory,Cluster,Host
                web-1,poweredOn,False,2,4096,Prod,esx01
                db-1,poweredOn,False,4,16384,Prod,esx02
                tmpl-1,poweredOff,True,2,2048,Prod,esx01
                off-1,poweredOff,False,1,1024,Prod,esx01
                """));
        reader.readCsv(TraceText.of("RVTools_tabvCPU.csv", vCpu));
        reader.readCsv(TraceText.of("RVTools_tabvMemory.csv", """
                VM,Powerstate,Size MiB,Consumed,Active
                web-1,poweredOn,4096,"3,000",1200
                db-1,poweredOn,16384,,
                """));
        reader.readCsv(TraceText.of("RVTools_tabvHost.csv", """
                Host,Cluster,Vendor,Model,Speed,# CPU,# Cores,# Memory
                esx01,Prod,Dell Inc.,PowerEdge R640,2600,2,24,"393,216"
                """));
        return reader.result();
    }

    @Test
    void overallAndConsumedGiveTheStepAndTemplatesAndOffVmsAreLeftOut() {
        ParsedTraces out = new ParsedTraces(3600, 1_000_000).collectingRowErrors();
        RvToolsSnapshot.read(export("VM,CPUs,Max,Overall\nweb-1,2,5200,1300\ndb-1,4,8000,2500\n"), AT, null, out);
        out.rowErrors().throwIfAny();

        assertThat(out.vmsByName()).extracting(VmTrace::name).containsExactly("db-1", "web-1");
        VmTrace web = out.vmsByName().get(1);
        assertThat(web.firstSlot()).isEqualTo(AT / 3600);
        assertThat(web.slot(Metric.CPU, 0)).isEqualTo(1300f);
        assertThat(web.slot(Metric.MEMORY, 0))
                .as("vMemory Consumed, thousands separator dropped")
                .isEqualTo(3000f);
        assertThat(out.vmsByName().get(0).measured(Metric.MEMORY))
                .as("no Consumed: the configured size stands for it later")
                .isFalse();
        assertThat(out.warnings().count("snapshot-vms-left-out")).isEqualTo(2);
        assertThat(out.warnings().count("snapshot")).isEqualTo(1);
    }

    @Test
    void withoutOverallTheAssumedShareOfTheVmsMhzIsTakenElseTheCellIsNamed() {
        String noOverall = "VM,CPUs,Max,Overall\nweb-1,2,5200,\ndb-1,4,8000,2500\n";
        ParsedTraces assumed = new ParsedTraces(3600, 1_000_000).collectingRowErrors();
        RvToolsSnapshot.read(export(noOverall), AT, 25.0, assumed);
        assumed.rowErrors().throwIfAny();
        // web-1 runs on esx01 (2600 MHz per core): 2 x 2600 x 25 %
        assertThat(assumed.vmsByName().get(1).slot(Metric.CPU, 0)).isEqualTo(1300f);
        assertThat(assumed.warnings().count("snapshot-cpu-assumed")).isEqualTo(1);

        ParsedTraces refused = new ParsedTraces(3600, 1_000_000).collectingRowErrors();
        RvToolsSnapshot.read(export(noOverall), AT, null, refused);
        assertThatThrownBy(() -> refused.rowErrors().throwIfAny())
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.problem().getProperties())
                                .containsEntry("file", "RVTools_tabvCPU.csv")
                                .containsEntry("line", 2L)
                                .containsEntry("field", "Overall"));
    }

    @Test
    void anRvToolsSheetIsDetectedByItsNameOrHeaderAndAGenericCsvIsNot() {
        assertThat(FormatDetector.detect("export/RVTools_tabvInfo.csv", "VM,Powerstate,Template,CPUs"))
                .contains(org.dcplanner.consolidation.ingestion.internal.WorkloadFormat.RVTOOLS);
        assertThat(FormatDetector.detect("vinfo.csv", "\"VM\",\"Powerstate\",\"Template\""))
                .contains(org.dcplanner.consolidation.ingestion.internal.WorkloadFormat.RVTOOLS);
        assertThat(FormatDetector.detect("w.csv", "vm,timestamp,cpuMhz,memoryMib"))
                .contains(org.dcplanner.consolidation.ingestion.internal.WorkloadFormat.CSV);
    }
}
