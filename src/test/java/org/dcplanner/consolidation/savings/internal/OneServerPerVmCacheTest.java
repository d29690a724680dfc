package org.dcplanner.consolidation.savings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.dcplanner.consolidation.inventory.HostModel;
import org.junit.jupiter.api.Test;

/** The one-server-per-VM estate is sized once per workload, candidates and maintenance rule. */
class OneServerPerVmCacheTest {
    private static final UUID WORKLOAD = UUID.randomUUID();
    private static final MaintenanceRule RULE = new MaintenanceRule(null, 1200);
    private final OneServerPerVmCache cache = new OneServerPerVmCache();
    private final AtomicInteger sizings = new AtomicInteger();

    @Test
    void theSameQuestionIsSizedOnce() {
        OneServerPerVm.Estate first = cache.get(WORKLOAD, List.of(model("r740", 2000)), RULE, this::size);
        OneServerPerVm.Estate again = cache.get(WORKLOAD, List.of(model("r740", 2000)), RULE, this::size);

        assertThat(again).isSameAs(first);
        assertThat(sizings).hasValue(1);
    }

    @Test
    void anEditedModelAnotherRuleOrAnotherWorkloadIsSizedAnew() {
        cache.get(WORKLOAD, List.of(model("r740", 2000)), RULE, this::size);
        cache.get(WORKLOAD, List.of(model("r740", 2400)), RULE, this::size);
        cache.get(WORKLOAD, List.of(model("r740", 2000)), new MaintenanceRule(900.0, 1200), this::size);
        cache.get(UUID.randomUUID(), List.of(model("r740", 2000)), RULE, this::size);

        assertThat(sizings).hasValue(4);
    }

    @Test
    void theLeastRecentlyUsedGoesFirstWhenFull() {
        UUID kept = UUID.randomUUID();
        cache.get(kept, List.of(model("r740", 2000)), RULE, this::size);
        for (int i = 0; i < OneServerPerVmCache.ENTRIES; i++) {
            cache.get(kept, List.of(model("r740", 2000)), RULE, this::size); // used again: stays
            cache.get(UUID.randomUUID(), List.of(model("r740", 2000)), RULE, this::size);
        }
        int before = sizings.get();
        cache.get(kept, List.of(model("r740", 2000)), RULE, this::size);
        assertThat(sizings).hasValue(before);
        cache.get(WORKLOAD, List.of(model("r740", 2000)), RULE, this::size);
        assertThat(sizings).hasValue(before + 1);
    }

    private OneServerPerVm.Estate size() {
        sizings.incrementAndGet();
        return new OneServerPerVm.Estate(1, 100, 200, 1, 1200, Map.of("r740", 1), 0, List.of());
    }

    private static HostModel model(String id, double coreMhz) {
        return new HostModel(
                id,
                id,
                2,
                coreMhz,
                4096,
                1,
                1,
                new double[] {50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150},
                1,
                5000,
                100,
                true,
                "test");
    }
}
