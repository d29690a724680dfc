package org.dcplanner.consolidation.planning;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dcplanner.consolidation.PostgresIntegrationTest;
import org.dcplanner.consolidation.inventory.HostModel;
import org.dcplanner.consolidation.inventory.internal.HostCatalogService;
import org.dcplanner.consolidation.planning.internal.PlanRepository;
import org.dcplanner.consolidation.problem.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deleting a custom host model while a plan naming it is being stored: the delete waits for the plan's transaction
 * and then refuses (409), or the plan finds the model gone (404) — never a stored plan with a deleted model.
 */
class HostModelDeleteRaceIT extends PostgresIntegrationTest {
    @Autowired
    TestRestTemplate http;

    @Autowired
    HostCatalogService catalog;

    @Autowired
    PlanRepository plans;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aDeleteWaitsForAPlanBeingStoredWithTheModelThenRefuses() throws Exception {
        String model = addModel();
        UUID workload = CsvUploads.antiPhase(http, "delete-race-it", 2, 4);
        UUID plan = UUID.randomUUID();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // what PlanService.start does in one transaction: hold the pool's models, insert the plan
            Future<?> store = threads.submit(() -> transaction.executeWithoutResult(status -> {
                catalog.holdModels(List.of(model));
                plans.insert(plan, "race", workload, "{}", List.of("vm-0", "vm-1"), List.of(model), 4, 300, false);
                held.countDown();
                awaitQuietly(release);
            }));
            assertThat(held.await(20, SECONDS)).isTrue();
            Future<?> delete = threads.submit(() -> catalog.delete(model));
            Thread.sleep(500);
            assertThat(delete.isDone())
                    .as("the delete waits for the plan's transaction")
                    .isFalse();

            release.countDown();
            store.get(20, SECONDS);
            assertThatThrownBy(() -> delete.get(20, SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(ApiException.class)
                    .satisfies(e ->
                            assertThat(((ApiException) e).problem().getStatus()).isEqualTo(409));
            assertThat(catalog.find(model)).isPresent();
        } finally {
            release.countDown();
            threads.shutdownNow();
            plans.delete(plan);
        }
        catalog.delete(model);
        assertThat(catalog.find(model)).isEmpty();
    }

    @Test
    void aPlanStoredAfterTheModelWasDeletedFindsItGone() {
        String model = addModel();
        catalog.delete(model);

        assertThatThrownBy(() ->
                        transaction.executeWithoutResult(status -> catalog.holdModels(List.of(model, "hp-ml110-g5"))))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining(model)
                .satisfies(e ->
                        assertThat(((ApiException) e).problem().getStatus()).isEqualTo(404));
        // built-in models need no hold and are never missing
        transaction.executeWithoutResult(status -> catalog.holdModels(List.of("hp-ml110-g5")));
    }

    private String addModel() {
        String id = "it-race-" + UUID.randomUUID().toString().substring(0, 8);
        catalog.add(new HostModel(
                id,
                "race model",
                4,
                2000,
                16384,
                100_000,
                125_000,
                new double[] {50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150},
                1,
                1000,
                100,
                true,
                "IT"));
        return id;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
