package org.dcplanner.consolidation.ingestion.sample;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadVm;

/**
 * The GWA-T-12 Bitbrains per-VM layout: files {@code 1.csv, 2.csv, ...}, separator ";" + TAB, the
 * original 11-column header, "Timestamp [ms]" holding epoch seconds (as in the real files), memory
 * in KB, numbers printed in Java's Double.toString layout. Disk and network totals are split into
 * read/write and received/transmitted with a fixed per-VM share.
 */
final class BitbrainsFiles {
    static final String SEPARATOR = ";\t";
    static final String HEADER = String.join(
            SEPARATOR,
            "Timestamp [ms]",
            "CPU cores",
            "CPU capacity provisioned [MHZ]",
            "CPU usage [MHZ]",
            "CPU usage [%]",
            "Memory capacity provisioned [KB]",
            "Memory usage [KB]",
            "Disk read throughput [KB/s]",
            "Disk write throughput [KB/s]",
            "Network received throughput [KB/s]",
            "Network transmitted throughput [KB/s]");
    private static final int DECIMALS = 4;
    private static final long READ_SHARE_KEY = 0x4eadL, RECEIVE_SHARE_KEY = 0x4ecL;

    private BitbrainsFiles() {}

    /** A zip with one file per VM (flat, {@code <vm index + 1>.csv}). */
    static byte[] zip(LoadedWorkload workload, long seed) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (WorkloadVm vm : workload.vms())
            entries.put((vm.index() + 1) + ".csv", file(workload, vm, seed).getBytes(StandardCharsets.US_ASCII));
        return DeterministicZip.zip(entries);
    }

    private static String file(LoadedWorkload w, WorkloadVm vm, long seed) {
        double readShare = 0.2 + 0.6 * SeedMixer.unit(seed ^ READ_SHARE_KEY, vm.index());
        double receiveShare = 0.2 + 0.6 * SeedMixer.unit(seed ^ RECEIVE_SHARE_KEY, vm.index());
        int i = vm.index();
        var out = new StringBuilder(HEADER).append('\n');
        for (int step = 0; step < w.grid().steps(); step++) {
            double cpuMhz = w.series(Metric.CPU)[i][step];
            double diskKBps = w.series(Metric.DISK)[i][step];
            double networkKBps = w.series(Metric.NETWORK)[i][step];
            String[] cells = {
                Long.toString(w.grid().at(step).getEpochSecond()),
                Integer.toString(vm.cores()),
                number(vm.cpuMhz()),
                number(cpuMhz),
                number(100 * cpuMhz / vm.cpuMhz()),
                number(vm.memoryMib() * 1024),
                number(w.series(Metric.MEMORY)[i][step] * 1024.0),
                number(diskKBps * readShare),
                number(diskKBps * (1 - readShare)),
                number(networkKBps * receiveShare),
                number(networkKBps * (1 - receiveShare))
            };
            out.append(String.join(SEPARATOR, cells)).append('\n');
        }
        return out.toString();
    }

    private static String number(double value) {
        return DecimalText.javaStyle(value, DECIMALS);
    }
}
