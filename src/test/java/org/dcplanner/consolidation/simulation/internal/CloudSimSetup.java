package org.dcplanner.consolidation.simulation.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.dcplanner.consolidation.virtualization.WorkloadProfile;

/**
 * CloudSim 4.0's PlanetLab experiment as a replay input (shared design doc cloudsim-reference.md): one VM
 * per trace file with CloudSim's four VM types in blocks of ceil(N/4) in the order {@code File.listFiles}
 * returns the files (what CloudSim's PlanetLabHelper does), or with the sizes of an inventory CSV
 * ({@code vm,cpuMhz,memoryMib,cores}); demand = percent x the VM's MHz; 800 hosts alternating HP ML110 G4 /
 * G5; the trace is measured inside the VMs, so no virtualization overhead is added.
 */
final class CloudSimSetup {
    static final double[] TYPE_MHZ = {2500, 2000, 1000, 500};
    static final double[] TYPE_MIB = {870, 1740, 1740, 613};
    static final int HOSTS = 800;

    private CloudSimSetup() {}

    /** The day's VMs with CloudSim's types in listFiles order. */
    static ReplayInput day(Path dir) throws IOException {
        File[] files = dir.toFile().listFiles(File::isFile);
        int n = files.length, block = (n + 3) / 4;
        double[] mhz = new double[n], mib = new double[n];
        List<Path> paths = new ArrayList<>(n);
        for (int v = 0; v < n; v++) {
            paths.add(files[v].toPath());
            mhz[v] = TYPE_MHZ[v / block];
            mib[v] = TYPE_MIB[v / block];
        }
        return input(paths, mhz, mib);
    }

    /** The VMs an inventory CSV names, with its sizes, read from {@code dir}. */
    static ReplayInput dayWithInventory(Path dir, Path inventoryCsv) throws IOException {
        List<String> lines = Files.readAllLines(inventoryCsv);
        List<Path> paths = new ArrayList<>();
        double[] mhz = new double[lines.size() - 1], mib = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            paths.add(dir.resolve(f[0]));
            mhz[i - 1] = Double.parseDouble(f[1]);
            mib[i - 1] = Double.parseDouble(f[2]);
        }
        return input(paths, mhz, mib);
    }

    /** VM name -> row of the inventory CSV's sizes. */
    static Map<String, double[]> inventory(Path inventoryCsv) throws IOException {
        Map<String, double[]> out = new HashMap<>();
        List<String> lines = Files.readAllLines(inventoryCsv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        return out;
    }

    static ReplayInput input(List<Path> files, double[] mhz, double[] mib) throws IOException {
        int n = files.size(), steps = 288;
        float[][] cpu = new float[n][steps];
        for (int v = 0; v < n; v++) {
            List<String> lines = Files.readAllLines(files.get(v));
            for (int t = 0; t < steps; t++)
                cpu[v][t] = (float) (Integer.parseInt(lines.get(t).trim()) / 100.0 * mhz[v]);
        }
        WorkloadProfile[] profiles = new WorkloadProfile[n];
        Arrays.fill(profiles, ReplayFixtures.pureCpu());
        int[] vcpus = new int[n];
        Arrays.fill(vcpus, 1);
        int[] vmHost = new int[n];
        Arrays.fill(vmHost, -1);
        return ReplayInput.builder()
                .approach(
                        VirtualizationApproach.HARDWARE_ASSISTED,
                        VirtualizationOverheadModel.withDefaults().withoutApproachOverhead())
                .demand(300, steps, cpu, null, null, null)
                .vms(profiles, vcpus, mhz, mib)
                .placement(hosts(), vmHost)
                .record(false, false)
                .build();
    }

    /** 800 hosts, host i of type i % 2: ML110 G4, G5, G4, ... (CloudSim Helper.createHostList). */
    static List<HostModel> hosts() {
        List<HostModel> hosts = new ArrayList<>(HOSTS);
        for (int i = 0; i < HOSTS; i++) hosts.add(i % 2 == 0 ? ReplayFixtures.ml110g4() : ReplayFixtures.ml110g5());
        return hosts;
    }
}
