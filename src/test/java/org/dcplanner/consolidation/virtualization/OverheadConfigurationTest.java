package org.dcplanner.consolidation.virtualization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OverheadConfigurationTest {
    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(OverheadConfiguration.class);

    @Test
    void beanHasTheTableDefaultsWithoutProperties() {
        context.run(
                ctx -> assertThat(ctx.getBean(VirtualizationOverheadModel.class).parameters())
                        .isEqualTo(OverheadParameters.defaults()));
    }

    @Test
    void appOverheadPropertiesOverrideSingleValuesByPath() {
        context.withPropertyValues(
                        "app.overhead.full.privileged-cpu-factor=5.5",
                        "app.overhead.nested-paging=false",
                        "app.overhead.classes.web.kernel-share=0.4")
                .run(ctx -> {
                    OverheadParameters p =
                            ctx.getBean(VirtualizationOverheadModel.class).parameters();
                    assertThat(p.full().privilegedCpuFactor()).isEqualTo(5.5);
                    assertThat(p.full().userCpuFactor()).isEqualTo(1.03);
                    assertThat(p.nestedPaging()).isFalse();
                    assertThat(p.classes().web().kernelShare()).isEqualTo(0.4);
                });
    }

    @Test
    void unknownPropertyFailsTheStartWithItsName() {
        context.withPropertyValues("app.overhead.full.no-such-factor=2")
                .run(ctx -> assertThat(ctx).hasFailed().getFailure().hasStackTraceContaining("full.no-such-factor"));
    }
}
