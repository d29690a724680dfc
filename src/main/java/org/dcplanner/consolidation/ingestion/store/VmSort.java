package org.dcplanner.consolidation.ingestion.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.problem.ApiException;
import org.springframework.data.domain.Sort;

/** Maps the API's VM sort keys (index, name, cores or vcpus, cpuMhz, memoryMib, cpuP95, diskPeak, ...) to SQL; 400 for others. */
public final class VmSort {
    private static final Map<String, String> COLUMNS = columns();

    private VmSort() {}

    private static Map<String, String> columns() {
        var m = new java.util.LinkedHashMap<String, String>();
        m.put("index", "vm_index");
        m.put("name", "name");
        m.put("cores", "cores");
        m.put("vcpus", "cores");
        m.put("cpuMhz", "cpu_mhz");
        m.put("memoryMib", "memory_mib");
        for (String metric : List.of("cpu", "memory", "disk", "network")) {
            for (String stat : List.of("Mean", "P95", "Peak")) {
                m.put(metric + stat, metric + "_" + stat.toLowerCase());
            }
        }
        return Map.copyOf(m);
    }

    /** The SQL order clause for the sort (stable: ties by VM index). */
    public static String orderBy(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order o : sort) {
            String column = COLUMNS.get(o.getProperty());
            if (column == null) {
                throw ApiException.badRequest("Cannot sort by '" + o.getProperty() + "'; use one of "
                                + String.join(", ", new java.util.TreeSet<>(COLUMNS.keySet())))
                        .at(null, null, "sort");
            }
            parts.add(column + (o.isAscending() ? " asc" : " desc") + " nulls last");
        }
        parts.add("vm_index asc");
        return String.join(", ", parts);
    }
}
