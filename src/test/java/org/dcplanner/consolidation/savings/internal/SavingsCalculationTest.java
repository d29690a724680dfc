package org.dcplanner.consolidation.savings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.problem.ApiException;
import org.junit.jupiter.api.Test;

class SavingsCalculationTest {
    private static final HostModel G4 = new HostModel(
            "g4",
            "ML110 G4",
            2,
            1860,
            4096,
            1,
            1,
            new double[] {86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117},
            1,
            0,
            0,
            false,
            "test");
    private static final HostModel G5 = new HostModel(
            "g5",
            "ML110 G5",
            2,
            2660,
            4096,
            1,
            1,
            new double[] {93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135},
            2,
            0,
            450,
            false,
            "test");

    private static WorkloadVm vm(int i, int cores, double mhz, double mem) {
        return new WorkloadVm(i, "vm" + i, cores, mhz, mem, "linux", false, WorkloadClass.COMPUTE, null);
    }

    @Test
    void eachVmGetsTheSmallestModelThatHoldsItAndRunsNatively() {
        List<WorkloadVm> vms = List.of(vm(0, 1, 1500, 2048), vm(1, 2, 4000, 2048), vm(2, 4, 8000, 2048));
        float[][] cpu = {{1860, 1860}, {4000, 0}, {0, 0}};
        OneServerPerVm.Estate e = OneServerPerVm.size(vms, cpu, 2, List.of(G5, G4), new MaintenanceRule(null, 700));
        assertThat(e.modelCounts()).isEqualTo(Map.of("g4", 1, "g5", 2));
        assertThat(e.vmsLargerThanAnyModel())
                .isEqualTo(1); // 4 cores / 8000 MHz: no model holds it, gets the largest (G5)
        // step 0: G4 at 50 % = 102 W; G5 at 4000/5320 = 75.19 % -> 125 + 0.519 x 4 W; idle G5 93.7 W
        double g5At4000 = 125 + (4000.0 / 5320 * 10 - 7) * (129 - 125);
        double step0 = 102 + g5At4000 + 93.7;
        double step1 = 102 + 93.7 + 93.7;
        assertThat(e.averageItWatts()).isCloseTo((step0 + step1) / 2, within(1e-9));
        assertThat(e.peakItWatts()).isCloseTo(step0, within(1e-9));
        assertThat(e.rackUnits()).isEqualTo(1 + 2 + 2);
        assertThat(e.maintenanceUsdPerYear()).isEqualTo(700 + 450 + 450); // G4 has no figure: the assumption
        // a maintenance figure the user set overrides the catalog's per-model figures
        OneServerPerVm.Estate user =
                OneServerPerVm.size(vms, cpu, 2, List.of(G5, G4), new MaintenanceRule(1000.0, 700));
        assertThat(user.maintenanceUsdPerYear()).isEqualTo(3 * 1000.0);
    }

    @Test
    void fallbackAndOverrideAreSeparateAssumptions() {
        SavingsAssumptions d = SavingsAssumptions.defaults();
        assertThat(d.maintenanceOverrideUsdPerServerYear()).isNull();
        // sending the fallback back unchanged leaves every model with a figure on its own figure
        SavingsAssumptions same = d.with(Map.of("maintenanceFallbackUsdPerServerYear", "700"));
        assertThat(MaintenanceRule.of(same).usdPerYear(G5)).isEqualTo(450.0);
        assertThat(MaintenanceRule.of(same).source(G4)).isEqualTo("fallback");
        SavingsAssumptions over = d.with(Map.of("maintenanceOverrideUsdPerServerYear", "1000"));
        assertThat(MaintenanceRule.of(over).usdPerYear(G5)).isEqualTo(1000.0);
        assertThat(MaintenanceRule.of(over).source(G5)).isEqualTo("override");
        assertThat(MaintenanceRule.of(over).usdPerYear(250.0)).isEqualTo(250.0); // an inventory row's own figure
        // a blank override clears it
        assertThat(over.with(Map.of("maintenanceOverrideUsdPerServerYear", "")).maintenanceOverrideUsdPerServerYear())
                .isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> d.with(Map.of("maintenanceOverrideUsdPerServerYear", "-1")))
                .hasMessageContaining("maintenanceOverrideUsdPerServerYear");
    }

    @Test
    void yearlyFiguresFollowTheAssumptions() {
        SavingsAssumptions a = SavingsAssumptions.defaults();
        EstateFigures f = EstateFigures.of(10, 2000, 3000, 50, 7000, a);
        assertThat(f.itEnergyKWhPerYear()).isCloseTo(2.0 * 8760, within(1e-9));
        assertThat(f.facilityEnergyKWhPerYear()).isCloseTo(2.0 * 8760 * 1.58, within(1e-9));
        assertThat(f.electricityUsdPerYear()).isCloseTo(2.0 * 8760 * 1.58 * 0.127, within(1e-9));
        assertThat(f.co2TonnesPerYear()).isCloseTo(2.0 * 8760 * 1.58 * 0.366 / 1000, within(1e-9));
        assertThat(f.racks()).isEqualTo(2); // 50 U / 42 U per rack
        assertThat(f.floorSpaceM2()).isEqualTo(5.0);
        assertThat(f.spaceUsdPerYear()).isEqualTo(50 * 357.0);
        assertThat(f.totalUsdPerYear()).isCloseTo(7000 + 50 * 357.0 + 2.0 * 8760 * 1.58 * 0.127, within(1e-9));
        EstateFigures after = EstateFigures.of(2, 500, 800, 4, 1400, a);
        EstateFigures saved = f.minus(after);
        assertThat(saved.serverCount()).isEqualTo(8);
        assertThat(saved.itEnergyKWhPerYear()).isCloseTo(1.5 * 8760, within(1e-9));
    }

    @Test
    void assumptionsMergeByNameAndRejectUnknownOrInvalidValues() {
        SavingsAssumptions a = SavingsAssumptions.defaults().with(Map.of("pue", "1.2", "electricityUsdPerKWh", 0.3));
        assertThat(a.pue()).isEqualTo(1.2);
        assertThat(a.electricityUsdPerKWh()).isEqualTo(0.3);
        assertThat(a.carbonKgPerKWh()).isEqualTo(0.366);
        assertThatThrownBy(() -> SavingsAssumptions.defaults().with(Map.of("pue", "0.9")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("pue");
        assertThatThrownBy(() -> SavingsAssumptions.defaults().with(Map.of("priceOfTea", "1")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("priceOfTea");
        assertThatThrownBy(() -> SavingsAssumptions.defaults().with(Map.of("pue", "abc")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("must be a number");
    }

    @Test
    void currentServerCsvParsesAndPointsAtTheBadField() {
        List<CurrentServer> s = CurrentServerCsv.parse("cur.csv", """
                name,count,averageWatts,peakWatts,rackUnits,yearlyMaintenanceUsd
                old web,4,180,250,1,
                db box,,400,600,2,900
                """);
        assertThat(s)
                .containsExactly(
                        new CurrentServer("old web", 4, 180, 250, 1, null),
                        new CurrentServer("db box", 1, 400, 600, 2, 900.0));
        assertThatThrownBy(
                        () -> CurrentServerCsv.parse("cur.csv", "name,averageWatts,peakWatts,rackUnits\nx,300,200,1\n"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.problem().getProperties())
                            .containsEntry("line", 2L)
                            .containsEntry("field", "peakWatts");
                });
        assertThatThrownBy(() -> CurrentServerCsv.parse("cur.csv", "name,averageWatts,rackUnits\nx,1,1\n"))
                .isInstanceOfSatisfying(
                        ApiException.class,
                        e -> assertThat(e.problem().getProperties()).containsEntry("field", "peakWatts"));
    }
}
