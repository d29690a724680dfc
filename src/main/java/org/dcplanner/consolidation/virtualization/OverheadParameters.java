package org.dcplanner.consolidation.virtualization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.dcplanner.consolidation.ingestion.WorkloadClass;

/**
 * Every number the overhead model uses, in one place. Defaults are the table in
 * docs/overheads-and-power.md §4 (row ids cited per value); values marked [E] there
 * are engineering estimates. Override any value by its dotted path ({@code full.privilegedCpuFactor},
 * {@code classes.web.kernelShare}, {@code nestedPaging}) from configuration ({@code app.overhead.*})
 * or per plan with {@link #withOverrides}.
 *
 * <p>"VT without EPT/NPT" (note 1 of §4): {@code FULL} always means binary translation (C1/C2/M1,
 * the software VMM); first-generation trap-and-emulate on VT-x without nested paging is
 * {@code HARDWARE_ASSISTED} with {@code nestedPaging=false}, which selects {@link #hardwareAssistedNoNestedPaging}
 * (C3/C4/M2, shadow-page memory overhead R2).
 *
 * @param nestedPaging               hardware-assisted hosts use EPT/NPT (true) or shadow page tables (false)
 * @param pageSharingFraction        R4: share of VM memory reclaimed by page sharing (default 0, modern default off)
 * @param nativeCpuMhzPerDiskKBps    native CPU cost of disk I/O, MHz per KB/s [E]
 * @param nativeCpuMhzPerNetworkKBps native CPU cost of network I/O, MHz per KB/s: the "1 Hz per bit/s" rule of thumb [E]
 */
public record OverheadParameters(
        ApproachFactors full,
        ApproachFactors paravirtual,
        ApproachFactors hardwareAssisted,
        ApproachFactors hardwareAssistedNoNestedPaging,
        boolean nestedPaging,
        double pageSharingFraction,
        double nativeCpuMhzPerDiskKBps,
        double nativeCpuMhzPerNetworkKBps,
        ClassProfiles classes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Cost and throughput factors of one approach. CPU factors multiply host CPU (>= 1); throughput
     * factors are the fraction of native I/O throughput delivered (<= 1); memory overhead per VM is
     * fixed + per vCPU + fraction of configured RAM (MB in the sources, taken as MiB).
     */
    public record ApproachFactors(
            double userCpuFactor,
            double privilegedCpuFactor,
            double mmuFactor,
            double diskThroughput,
            double syncDiskThroughput,
            double diskIoCpuFactor,
            double networkThroughput,
            double smallPacketThroughput,
            double networkIoCpuFactor,
            double memoryFixedMib,
            double memoryPerVcpuMib,
            double memoryFraction) {
        /** No overhead at all: native CPU cost and I/O throughput, no hypervisor memory per VM. */
        public static final ApproachFactors NONE = new ApproachFactors(1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0);

        public ApproachFactors {
            if (userCpuFactor < 1
                    || privilegedCpuFactor < 1
                    || mmuFactor < 1
                    || diskIoCpuFactor < 1
                    || networkIoCpuFactor < 1) {
                throw new IllegalArgumentException("CPU cost factors must be >= 1");
            }
            for (double t :
                    new double[] {diskThroughput, syncDiskThroughput, networkThroughput, smallPacketThroughput}) {
                if (!(t > 0 && t <= 1)) throw new IllegalArgumentException("throughput fractions must be in (0, 1]");
            }
            if (memoryFixedMib < 0 || memoryPerVcpuMib < 0 || memoryFraction < 0) {
                throw new IllegalArgumentException("memory overheads must be >= 0");
            }
        }
    }

    /** Workload-class defaults used when a trace does not carry the characteristic itself. */
    public record ClassProfiles(
            WorkloadProfile compute, WorkloadProfile web, WorkloadProfile database, WorkloadProfile batchIo) {
        public WorkloadProfile of(WorkloadClass workloadClass) {
            return switch (workloadClass) {
                case COMPUTE -> compute;
                case WEB -> web;
                case DATABASE -> database;
                case BATCH_IO -> batchIo;
            };
        }
    }

    /** The §4 table. */
    public static OverheadParameters defaults() {
        // FULL, binary translation: C1 1.03, C2 4.0, M1 3.6; D1 0.75 (dbench), sync: D1 range low end 0.12
        // (OSDB-OLTP); D2 3.0; N1 0.35, small packets 0.21 = mean of ttcp MTU-500 TX 0.17 / RX 0.25 (Xen
        // SOSP 2003 Table 6); N2 4.0; R2 110 MB + 43 MB/vCPU + 1.4 % RAM.
        ApproachFactors full = new ApproachFactors(1.03, 4.0, 3.6, 0.75, 0.12, 3.0, 0.35, 0.21, 4.0, 110, 43, 0.014);
        // PARAVIRTUAL: C5 1.00, C6 1.4, M3 1.5; D3 0.95, sync 0.95 (OSDB-OLTP on Xen); D4 1.3;
        // N3 0.95, small packets 0.86 (ttcp MTU 500, Table 6); N4 1.3; R3 1 MB + 0.2 % RAM.
        ApproachFactors paravirtual =
                new ApproachFactors(1.00, 1.4, 1.5, 0.95, 0.95, 1.3, 0.95, 0.86, 1.3, 1, 0, 0.002);
        // HARDWARE_ASSISTED with EPT/NPT: C7 1.01, C8 1.2, M4 1.05 (large pages; M5 1.20 for 4 KB pages);
        // D5 0.98 / 1.05; N5 0.99, small packets 0.99 [E, no source]; network CPU 1.05 [E, by analogy with D5;
        // N5 reports +1.76 % host CPU per SR-IOV VM]; R1 20 MB + 4 MB/vCPU + 0.75 % RAM.
        ApproachFactors hardware =
                new ApproachFactors(1.01, 1.2, 1.05, 0.98, 0.98, 1.05, 0.99, 0.99, 1.05, 20, 4, 0.0075);
        // HARDWARE_ASSISTED without nested paging (1st-gen VT): C3 1.01, C4 10, M2 10; shadow page tables
        // counted in memory overhead as R2; I/O as D5/N5 (the table has no separate row).
        ApproachFactors hardwareNoEpt =
                new ApproachFactors(1.01, 10, 10, 0.98, 0.98, 1.05, 0.99, 0.99, 1.05, 110, 43, 0.014);
        // Class defaults [E] (note 2 of §4: compute-bound p_sys 0.02-0.05, web/DB p_sys 0.3-0.5).
        ClassProfiles classes = new ClassProfiles(
                new WorkloadProfile(0.03, 0.01, 0.02, 0.02, 0.1, 0.2, 0.05, 0.05),
                new WorkloadProfile(0.30, 0.05, 0.05, 0.40, 0.1, 0.5, 0.2, 1.0),
                new WorkloadProfile(0.30, 0.05, 0.40, 0.10, 0.6, 0.5, 1.0, 0.3),
                new WorkloadProfile(0.10, 0.02, 0.50, 0.10, 0.1, 0.1, 2.0, 0.2));
        return new OverheadParameters(full, paravirtual, hardware, hardwareNoEpt, true, 0.0, 0.002, 0.0082, classes);
    }

    /** The factors that apply to an approach (hardware-assisted depends on {@link #nestedPaging}). */
    public ApproachFactors factors(VirtualizationApproach approach) {
        return switch (approach) {
            case FULL -> full;
            case PARAVIRTUAL -> paravirtual;
            case HARDWARE_ASSISTED -> nestedPaging ? hardwareAssisted : hardwareAssistedNoNestedPaging;
        };
    }

    /**
     * A copy in which every approach costs nothing ({@link ApproachFactors#NONE}): for traces measured inside VMs,
     * whose series already include their hypervisor's overhead. Page sharing, the native I/O CPU costs and the
     * class profiles stay (page sharing is 0 by default).
     */
    public OverheadParameters withoutApproachOverhead() {
        return new OverheadParameters(
                ApproachFactors.NONE,
                ApproachFactors.NONE,
                ApproachFactors.NONE,
                ApproachFactors.NONE,
                nestedPaging,
                pageSharingFraction,
                nativeCpuMhzPerDiskKBps,
                nativeCpuMhzPerNetworkKBps,
                classes);
    }

    /**
     * A copy with values replaced by dotted path. Keys may be camelCase or kebab-case
     * ({@code full.privileged-cpu-factor}); values numbers, booleans or their string forms.
     *
     * @throws IllegalArgumentException for an unknown key or a value out of range
     */
    public OverheadParameters withOverrides(Map<String, ?> overrides) {
        if (overrides == null || overrides.isEmpty()) return this;
        ObjectNode tree = JSON.valueToTree(this);
        for (var e : new TreeMap<String, Object>(overrides).entrySet()) {
            String[] path = e.getKey().split("\\.");
            ObjectNode parent = tree;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode child = parent.get(camel(path[i]));
                if (!(child instanceof ObjectNode obj)) throw unknown(e.getKey());
                parent = obj;
            }
            String leaf = camel(path[path.length - 1]);
            if (!parent.has(leaf) || parent.get(leaf).isObject()) throw unknown(e.getKey());
            parent.set(leaf, JSON.valueToTree(e.getValue()));
        }
        try {
            return JSON.treeToValue(tree, OverheadParameters.class);
        } catch (Exception ex) {
            Throwable root = ex;
            while (root.getCause() != null) root = root.getCause();
            throw new IllegalArgumentException("invalid overhead override: " + root.getMessage(), ex);
        }
    }

    private static IllegalArgumentException unknown(String key) {
        return new IllegalArgumentException("unknown overhead parameter '" + key + "'");
    }

    private static String camel(String key) {
        StringBuilder b = new StringBuilder(key.length());
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }
}
