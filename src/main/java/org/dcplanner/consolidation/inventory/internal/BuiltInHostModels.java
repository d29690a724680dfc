package org.dcplanner.consolidation.inventory.internal;

import java.util.List;
import org.dcplanner.consolidation.inventory.HostModel;

/**
 * The host models every installation ships with. Power curves are SPECpower_ssj2008 results as
 * transcribed in public simulators (CloudSim's power models for the ML110 pair; OpenDC's
 * MachineSpecs.kt for the modern servers). Capacities the SPEC results do not state (disk,
 * network, memory of the modern builds) and all prices are engineering assumptions documented in
 * docs/host-catalog.md.
 */
final class BuiltInHostModels {
    private BuiltInHostModels() {}

    /** 1 Gbit/s NIC in KB/s (1 KB = 1000 bytes), CloudSim's HOST_BW. */
    private static final double ONE_GBIT_KBPS = 125_000;
    /** 2 x 25 GbE in KB/s, a common virtualization-host build (assumption). */
    private static final double TWO_X_25_GBIT_KBPS = 6_250_000;
    /** One 7200 rpm SATA disk, sustained sequential throughput ~80 MB/s (assumption). */
    private static final double SATA_DISK_KBPS = 80_000;
    /** Two NVMe SSDs at ~3 GB/s each (assumption). */
    private static final double TWO_NVME_KBPS = 6_000_000;
    /** Yearly maintenance/support as a share of purchase price (15 %, low end of the 15-20 % range in docs/overheads-and-power.md §2.4). */
    private static final double MAINTENANCE_SHARE = 0.15;

    static final List<HostModel> ALL = List.of(
            // Xeon 3040 (Conroe, 2006): VT-x without EPT (EPT arrived with Nehalem, 2008) -> no nested paging.
            model(
                    "hp-ml110-g4",
                    "HP ProLiant ML110 G4 (1x Xeon 3040)",
                    2,
                    1860,
                    4096,
                    SATA_DISK_KBPS,
                    ONE_GBIT_KBPS,
                    new double[] {86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117},
                    1,
                    1_000,
                    false,
                    "SPECpower_ssj2008 20110127-00342 via CloudSim PowerModelSpecPowerHpProLiantMl110G4Xeon3040; "
                            + "2 x 1860 MHz, 4096 MB as in CloudSim's PlanetLab setup"),
            // Xeon 3075 (Conroe, 2007): VT-x without EPT -> no nested paging.
            model(
                    "hp-ml110-g5",
                    "HP ProLiant ML110 G5 (1x Xeon 3075)",
                    2,
                    2660,
                    4096,
                    SATA_DISK_KBPS,
                    ONE_GBIT_KBPS,
                    new double[] {93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135},
                    1,
                    1_200,
                    false,
                    "SPECpower_ssj2008 20110124-00339 via CloudSim PowerModelSpecPowerHpProLiantMl110G5Xeon3075; "
                            + "2 x 2660 MHz, 4096 MB as in CloudSim's PlanetLab setup"),
            model(
                    "dell-r740",
                    "Dell PowerEdge R740 (2x Xeon Platinum 8280)",
                    56,
                    2700,
                    786_432,
                    TWO_NVME_KBPS,
                    TWO_X_25_GBIT_KBPS,
                    new double[] {49.8, 114, 137, 159, 182, 208, 240, 277, 319, 376, 432},
                    2,
                    25_000,
                    true,
                    "SPECpower_ssj2008 20190409-00952 via OpenDC MachineSpecs.kt; 768 GiB assumed"),
            model(
                    "dell-r6515",
                    "Dell PowerEdge R6515 (1x EPYC 7702P)",
                    64,
                    2000,
                    524_288,
                    TWO_NVME_KBPS,
                    TWO_X_25_GBIT_KBPS,
                    new double[] {54, 123, 139, 150, 161, 169, 181, 194, 207, 218, 231},
                    1,
                    15_000,
                    true,
                    "SPECpower_ssj2008 20200728-01041 via OpenDC MachineSpecs.kt; 512 GiB assumed"),
            model(
                    "hpe-dl380-gen10-plus",
                    "HPE ProLiant DL380 Gen10 Plus (2x Xeon Platinum 8380)",
                    80,
                    2300,
                    1_048_576,
                    TWO_NVME_KBPS,
                    TWO_X_25_GBIT_KBPS,
                    new double[] {127, 198, 226, 253, 281, 314, 354, 405, 464, 576, 619},
                    2,
                    35_000,
                    true,
                    "SPECpower_ssj2008 20210601-01103 via OpenDC MachineSpecs.kt; 1 TiB assumed"),
            model(
                    "hpe-dl345-gen10-plus",
                    "HPE ProLiant DL345 Gen10 Plus (1x EPYC 7763)",
                    64,
                    2450,
                    524_288,
                    TWO_NVME_KBPS,
                    TWO_X_25_GBIT_KBPS,
                    new double[] {58, 104, 120, 134, 150, 169, 197, 217, 236, 255, 272},
                    1,
                    18_000,
                    true,
                    "SPECpower_ssj2008 20210221-01065 via OpenDC MachineSpecs.kt; 512 GiB assumed"));

    private static HostModel model(
            String id,
            String name,
            int cores,
            double coreMhz,
            double memoryMib,
            double diskKBps,
            double networkKBps,
            double[] watts,
            int rackUnits,
            double purchaseCost,
            boolean hardwareAssist,
            String source) {
        return new HostModel(
                id,
                name,
                cores,
                coreMhz,
                memoryMib,
                diskKBps,
                networkKBps,
                watts,
                rackUnits,
                purchaseCost,
                purchaseCost * MAINTENANCE_SHARE,
                hardwareAssist,
                source);
    }
}
