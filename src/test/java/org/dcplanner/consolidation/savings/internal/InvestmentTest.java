package org.dcplanner.consolidation.savings.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.dcplanner.consolidation.inventory.HostModel;
import org.junit.jupiter.api.Test;

class InvestmentTest {
    private static final double[] CURVE = {50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150};

    private static HostModel priced(String id, double purchaseUsd) {
        return new HostModel(id, id, 2, 2000, 4096, 1, 1, CURVE, 1, purchaseUsd, 100, true, "test");
    }

    @Test
    void paysBackThePurchaseFromTheYearlySavings() {
        // 2 x $15,000 + 1 x $6,000 bought; $24,000 saved a year = $2,000 a month -> 18 months
        Investment i =
                Investment.of(List.of(priced("a", 15_000), priced("a", 15_000), priced("b", 6_000)), 100, 24_000);

        assertThat(i.hostsBought()).isEqualTo(3);
        assertThat(i.purchaseUsd()).isEqualTo(36_000);
        assertThat(i.paybackMonths()).isCloseTo(18.0, within(1e-9));
        assertThat(i.netUsdByYear()).containsExactly(-36_000, -12_000, 12_000, 36_000, 60_000, 84_000);
    }

    @Test
    void hostsAlreadyOwnedCostNothingAndPayBackAtOnce() {
        Investment i = Investment.of(List.of(priced("a", 15_000), priced("a", 15_000)), 0, 5_000);

        assertThat(i.hostsBought()).isZero();
        assertThat(i.purchaseUsd()).isZero();
        assertThat(i.paybackMonths()).isZero();
        assertThat(i.netUsdByYear()[1]).isEqualTo(5_000);
    }

    @Test
    void noPaybackWhenNothingIsSaved() {
        Investment i = Investment.of(List.of(priced("a", 10_000), priced("a", 10_000)), 50, -1_000);

        assertThat(i.hostsBought()).isEqualTo(1);
        assertThat(i.purchaseUsd()).isEqualTo(10_000);
        assertThat(i.paybackMonths()).isNull();
        assertThat(i.netUsdByYear()[5]).isEqualTo(-15_000);
    }
}
