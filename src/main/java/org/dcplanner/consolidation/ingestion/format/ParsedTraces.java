package org.dcplanner.consolidation.ingestion.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.IngestProblems;
import org.dcplanner.consolidation.ingestion.IngestWarnings;

/** Everything parsed from one upload: the VMs' raw samples, warnings, and the format's grid hints. */
public final class ParsedTraces {
    private final Map<String, RawVmTrace> vms = new HashMap<>();
    private final IngestWarnings warnings = new IngestWarnings();
    private Integer stepSecondsHint;
    private long samples;

    /** A new VM from a per-VM file; the same VM name twice in one upload is refused (422). */
    public RawVmTrace newVm(String name, String file, boolean cpuIsPercent) {
        RawVmTrace vm = new RawVmTrace(name, file, cpuIsPercent);
        RawVmTrace before = vms.putIfAbsent(name, vm);
        if (before != null) {
            throw IngestProblems.invalid("duplicate-vm", "VM '" + name + "' appears in both " + before.file()
                    + " and " + file, file, 0, null);
        }
        return vm;
    }

    /** The VM of a long-format row, created on its first row. */
    public RawVmTrace vm(String name, String file, boolean cpuIsPercent) {
        RawVmTrace vm = vms.get(name);
        if (vm != null && !vm.file().equals(file)) {
            throw IngestProblems.invalid("duplicate-vm", "VM '" + name + "' appears in both " + vm.file()
                    + " and " + file, file, 0, "vm");
        }
        return vm != null ? vm : newVm(name, file, cpuIsPercent);
    }

    public boolean contains(String vmName) {
        return vms.containsKey(vmName);
    }

    /** Counts values read from the trace (one per VM, timestamp and metric given). */
    public void countSamples(long n) {
        samples += n;
    }

    public long samples() {
        return samples;
    }

    public IngestWarnings warnings() {
        return warnings;
    }

    public Integer stepSecondsHint() {
        return stepSecondsHint;
    }

    public void stepSecondsHint(int seconds) {
        stepSecondsHint = seconds;
    }

    /** The VMs in file-name order (String order of their names). */
    public List<RawVmTrace> vmsByName() {
        List<RawVmTrace> list = new ArrayList<>(vms.values());
        list.sort((a, b) -> a.name().compareTo(b.name()));
        return list;
    }
}
