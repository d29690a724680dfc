package org.dcplanner.consolidation.virtualization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.junit.jupiter.api.Test;

class VirtualizationOverheadModelTest {
    private final VirtualizationOverheadModel model = VirtualizationOverheadModel.withDefaults();
    private final WorkloadVm webVm =
            new WorkloadVm(0, "web-1", 2, 4000, 4096, "linux", true, WorkloadClass.WEB, null, null);

    @Test
    void hostCpuAddsPrivilegedMmuAndIoTermsOfTheApproach() {
        float[] out = new float[Metric.values().length];
        model.hostDemand(VirtualizationApproach.FULL, webVm, 1000f, 2048f, 100f, 500f, out);
        // web class: p_sys 0.30, m_pt 0.05; FULL: f_user 1.03 (C1), f_priv 4.0 (C2), f_mmu 3.6 (M1)
        double cpuFactor = 0.70 * 1.03 + 0.30 * 4.0 + 0.05 * (3.6 - 1);
        // extra I/O CPU: disk 100 KB/s x 0.002 MHz x (3.0 - 1) (D2) + net 500 x 0.0082 x (4.0 - 1) (N2)
        double ioCpu = 100 * 0.002 * 2.0 + 500 * 0.0082 * 3.0;
        assertThat(out[Metric.CPU.ordinal()]).isCloseTo((float) (1000 * cpuFactor + ioCpu), within(0.01f));
        // R2: 110 MB + 43 MB x 2 vCPU + 1.4 % of 4096 MB
        assertThat(out[Metric.MEMORY.ordinal()]).isCloseTo((float) (2048 + 110 + 86 + 0.014 * 4096), within(0.01f));
        assertThat(out[Metric.DISK.ordinal()]).isEqualTo(100f);
        assertThat(out[Metric.NETWORK.ordinal()]).isEqualTo(500f);
    }

    @Test
    void vcpusExecuteOnNoMoreHostCpuThanConfigured() {
        // QA repro: a 1-vCPU 2500 MHz VM at 100 % under FULL asked 5414 MHz, more than a 2 x 2660 MHz host
        WorkloadVm small = new WorkloadVm(1, "pl-1", 1, 2500, 870, "linux", true, WorkloadClass.WEB, null, null);
        float[] out = new float[4];
        model.hostDemand(VirtualizationApproach.FULL, small, 2500f, 870f, 0f, 0f, out);
        assertThat(out[Metric.CPU.ordinal()]).isEqualTo(2500f);
        // below the cap nothing changes: 1000 MHz x factor < 2500
        model.hostDemand(VirtualizationApproach.FULL, small, 1000f, 870f, 0f, 0f, out);
        assertThat(out[Metric.CPU.ordinal()])
                .isCloseTo(
                        (float) (1000 * model.cpuFactor(VirtualizationApproach.FULL, model.profileOf(small))),
                        within(0.01f));
        // the hypervisor's I/O-path CPU is not vCPU execution: it comes on top of the cap
        model.hostDemand(VirtualizationApproach.FULL, small, 2500f, 870f, 0f, 500f, out);
        assertThat(out[Metric.CPU.ordinal()]).isCloseTo((float) (2500 + 500 * 0.0082 * 3.0), within(0.01f));
    }

    @Test
    void missingColumnsFallBackToConfiguredMemoryAndClassIoIntensity() {
        float[] out = new float[4];
        model.hostDemand(VirtualizationApproach.PARAVIRTUAL, webVm, 1000f, Float.NaN, Float.NaN, Float.NaN, out);
        assertThat(out[Metric.DISK.ordinal()]).isEqualTo(200f); // web: 0.2 KB/s per MHz
        assertThat(out[Metric.NETWORK.ordinal()]).isEqualTo(1000f); // web: 1.0 KB/s per MHz
        assertThat(out[Metric.MEMORY.ordinal()]).isCloseTo((float) (4096 + 1 + 0.002 * 4096), within(0.01f));
    }

    @Test
    void approachesOrderAsTheSourcesSayForKernelHeavyWork() {
        WorkloadProfile web = model.profileOf(webVm);
        double full = model.cpuFactor(VirtualizationApproach.FULL, web);
        double pv = model.cpuFactor(VirtualizationApproach.PARAVIRTUAL, web);
        double hw = model.cpuFactor(VirtualizationApproach.HARDWARE_ASSISTED, web);
        assertThat(full).isGreaterThan(pv).isGreaterThan(hw).isGreaterThan(1.0);
        double hwNoEpt = model.withOverrides(Map.of("nestedPaging", "false"))
                .cpuFactor(VirtualizationApproach.HARDWARE_ASSISTED, web);
        assertThat(hwNoEpt).isGreaterThan(full); // C4/M2 (10x) above C2/M1: Adams & Agesen 2006
    }

    @Test
    void overridesReplaceOneValueByDottedPathInEitherCase() {
        OverheadParameters p = OverheadParameters.defaults()
                .withOverrides(Map.of("full.privileged-cpu-factor", 5.5, "classes.web.kernelShare", "0.4"));
        assertThat(p.full().privilegedCpuFactor()).isEqualTo(5.5);
        assertThat(p.classes().web().kernelShare()).isEqualTo(0.4);
        assertThat(p.full().userCpuFactor()).isEqualTo(1.03);
        assertThat(p.paravirtual().privilegedCpuFactor()).isEqualTo(1.4);
    }

    @Test
    void overridesRejectUnknownKeysAndOutOfRangeValues() {
        OverheadParameters d = OverheadParameters.defaults();
        assertThatThrownBy(() -> d.withOverrides(Map.of("full.noSuchFactor", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("full.noSuchFactor");
        assertThatThrownBy(() -> d.withOverrides(Map.of("full", 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withOverrides(Map.of("paravirtual.diskThroughput", 1.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("throughput");
    }

    @Test
    void measuredIoSharesComeFromTheTraceWhenItHasDiskAndNetworkColumns() {
        // CPU at 50 % of the VM, disk at 25 % of the host device, network idle
        WorkloadProfile p = model.measuredProfile(webVm, 2000, 25_000, 0, 100_000, 125_000);
        assertThat(p.diskBoundShare()).isCloseTo(0.25 / 0.75, within(1e-9));
        assertThat(p.networkBoundShare()).isZero();
        assertThat(p.kernelShare()).isEqualTo(0.30);
    }
}
