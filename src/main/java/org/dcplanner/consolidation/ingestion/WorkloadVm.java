package org.dcplanner.consolidation.ingestion;

/**
 * One VM of a stored workload, with its configured size.
 *
 * @param index             0-based position of the VM in its workload (stable id within the workload)
 * @param name              name from the trace (file name, VM id column)
 * @param cores             configured virtual cores
 * @param cpuMhz            configured CPU capacity of the VM in MHz (all cores together)
 * @param memoryMib         configured memory in MiB
 * @param guestOs           guest operating system, free text ("linux", "windows"), may be null
 * @param paravirtCapable   whether the guest OS is modified for paravirtualization
 * @param workloadClass     overhead-model class of the work
 * @param antiAffinityGroup VMs sharing a non-null group must run on different hosts
 */
public record WorkloadVm(
        int index,
        String name,
        int cores,
        double cpuMhz,
        double memoryMib,
        String guestOs,
        boolean paravirtCapable,
        WorkloadClass workloadClass,
        String antiAffinityGroup) {
    /** The same VM at another position (a workload cut to some of its VMs renumbers them). */
    public WorkloadVm withIndex(int newIndex) {
        return new WorkloadVm(
                newIndex, name, cores, cpuMhz, memoryMib, guestOs, paravirtCapable, workloadClass, antiAffinityGroup);
    }
}
