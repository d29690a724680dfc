package org.dcplanner.consolidation.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.problem.ApiException;
import org.junit.jupiter.api.Test;

class HostModelRequestTest {
    private static final double[] CURVE = {50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150};

    private static HostModelRequest request(String id, Integer cores, double[] watts) {
        return new HostModelRequest(
                id, "Test", cores, 2500.0, 65536.0, 100000.0, 125000.0, watts, 1, 5000.0, 750.0, true, "test");
    }

    @Test
    void acceptsAValidModel() {
        HostModel m = request("my-server", 16, CURVE).toModel();
        assertThat(m.cpuMhz()).isEqualTo(40000);
        assertThat(m.powerWatts()).containsExactly(CURVE);
    }

    @Test
    void rejectsADecreasingCurveNamingThePoint() {
        double[] bad = CURVE.clone();
        bad[4] = 75;
        assertThatThrownBy(() -> request("my-server", 16, bad).toModel())
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("point 4");
    }

    @Test
    void rejectsValuesOrdersOfMagnitudeOffAsUnitMistakes() {
        HostModelRequest hz = new HostModelRequest(
                "my-server", "Test", 16, 2.5e9, 65536.0, 100000.0, 125000.0, CURVE, 1, 5000.0, 750.0, true, "test");
        assertThatThrownBy(hz::toModel)
                .hasMessage("coreMhz must be at most 10,000 MHz per core (was it given in kHz or Hz?), "
                        + "got 2,500,000,000");
        double[] milliwatts = CURVE.clone();
        milliwatts[10] = 150_000;
        assertThatThrownBy(() -> request("my-server", 16, milliwatts).toModel()).hasMessageContaining("milliwatts");
        HostModelRequest bytes = new HostModelRequest(
                "my-server",
                "Test",
                16,
                2500.0,
                68_719_476_736.0,
                100000.0,
                125000.0,
                CURVE,
                1,
                5000.0,
                750.0,
                true,
                "test");
        assertThatThrownBy(bytes::toModel).hasMessageContaining("memoryMib must be at most 67,108,864 MiB");
    }

    @Test
    void rejectsWrongPointCountBadSizesAndBadIds() {
        assertThatThrownBy(
                        () -> request("my-server", 16, new double[] {1, 2, 3}).toModel())
                .hasMessageContaining("exactly 11 points");
        assertThatThrownBy(() -> request("my-server", 0, CURVE).toModel()).hasMessageContaining("cores");
        assertThatThrownBy(() -> request("My Server", 4, CURVE).toModel()).hasMessageContaining("slug");
        ApiException e = (ApiException) org.assertj.core.api.Assertions.catchThrowable(
                () -> request("my-server", null, CURVE).toModel());
        assertThat(e.problem().getProperties()).containsEntry("field", "cores");
    }
}
