package org.dcplanner.consolidation.ingestion.sample;

import java.util.List;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;

/**
 * The generic long format: header {@code vm,timestamp,cpuMhz,memoryMib,diskKBps,networkKBps}, one
 * row per VM per timestamp (ISO-8601 instant), comma separated, UTF-8, LF line ends. Rows are
 * written time-major (all VMs at one timestamp, then the next), values with one decimal.
 */
final class GenericCsv {
    static final String HEADER = "vm,timestamp,cpuMhz,memoryMib,diskKBps,networkKBps";
    private static final List<Metric> COLUMNS = List.of(Metric.CPU, Metric.MEMORY, Metric.DISK, Metric.NETWORK);

    private GenericCsv() {}

    static String write(LoadedWorkload workload) {
        return rows(workload, -1, null);
    }

    /**
     * The same rows with the cpuMhz cell of 1-based file line {@code badLine} (line 1 is the header)
     * replaced by {@code badCpuText}.
     */
    static String writeWithBadCpu(LoadedWorkload workload, int badLine, String badCpuText) {
        if (badLine < 2 || badLine > 1 + workload.vms().size() * workload.grid().steps())
            throw new IllegalArgumentException("line " + badLine + " is not a data row");
        return rows(workload, badLine, badCpuText);
    }

    private static String rows(LoadedWorkload workload, int badLine, String badCpuText) {
        var out = new StringBuilder(HEADER).append('\n');
        int line = 1;
        for (int step = 0; step < workload.grid().steps(); step++) {
            String timestamp = workload.grid().at(step).toString();
            for (int vm = 0; vm < workload.vms().size(); vm++) {
                line++;
                out.append(workload.vms().get(vm).name()).append(',').append(timestamp);
                for (Metric metric : COLUMNS) {
                    String cell = DecimalText.fixed(workload.series(metric)[vm][step], 1);
                    out.append(',').append(line == badLine && metric == Metric.CPU ? badCpuText : cell);
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
