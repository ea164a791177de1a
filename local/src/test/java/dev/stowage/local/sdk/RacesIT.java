package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.InferenceComponentSummary;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * The races of issue 13, replayed through the Java SDK against local mode on DynamoDB Local: each request of a race
 * starts at the same instant from its own client thread, and the outcome must be one a serial order would give.
 */
class RacesIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension();

    private static final String ROLE = "arn:aws:iam::123456789012:role/StowageExecutionRole";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void deleteEndpointRacingCreateInferenceComponentLetsExactlyOneWinAndLeavesNoOrphan() throws Exception {
        SageMakerClient sageMaker = STOWAGE.sageMaker();
        sageMaker.createEndpointConfig(b -> b.endpointConfigName("race-config")
                .executionRoleArn(ROLE)
                .productionVariants(BadRequestsIT.icVariant()));
        for (int round = 0; round < 8; round++) {
            String endpoint = "race-" + round;
            String component = "race-ic-" + round;
            sageMaker.createEndpoint(b -> b.endpointName(endpoint).endpointConfigName("race-config"));
            STOWAGE.waiter().waitUntilEndpointInService(b -> b.endpointName(endpoint));

            List<Outcome> outcomes = together(
                    () -> sageMaker.createInferenceComponent(b -> b.inferenceComponentName(component)
                            .endpointName(endpoint)
                            .specification(s -> s.container(c -> c.image("stowage/echo"))
                                    .computeResourceRequirements(BadRequestsIT.requirements()))
                            .runtimeConfig(r -> r.copyCount(1))),
                    () -> sageMaker.deleteEndpoint(b -> b.endpointName(endpoint)));

            assertThat(outcomes)
                    .as("round %d: %s", round, outcomes)
                    .filteredOn(Outcome::won)
                    .hasSize(1);
            boolean componentWon = outcomes.getFirst().won();
            if (componentWon) {
                assertThat(outcomes.get(1).error())
                        .contains("Cannot delete endpoint")
                        .contains("because it has 1 inference component(s)");
                ComponentWaits.awaitInService(sageMaker, WAIT, component, 1);
                sageMaker.deleteInferenceComponent(b -> b.inferenceComponentName(component));
                Eventually.await(WAIT, component + " deleted", () -> componentsOn(endpoint)
                        .isEmpty());
                sageMaker.deleteEndpoint(b -> b.endpointName(endpoint));
            } else {
                assertThat(outcomes.getFirst().error()).contains("Cannot create inference component on endpoint");
            }
            STOWAGE.waiter().waitUntilEndpointDeleted(b -> b.endpointName(endpoint));
            assertThat(componentsOn(endpoint))
                    .as("components outliving endpoint %s", endpoint)
                    .isEmpty();
        }
    }

    @Test
    void aDeleteRightAfterAnUpdateAlwaysFinishes() throws Exception {
        SageMakerClient sageMaker = STOWAGE.sageMaker();
        sageMaker.createEndpointConfig(b -> b.endpointConfigName("update-config")
                .executionRoleArn(ROLE)
                .productionVariants(BadRequestsIT.icVariant()));
        sageMaker.createEndpoint(b -> b.endpointName("update").endpointConfigName("update-config"));
        for (int round = 0; round < 4; round++) {
            String component = "updated-" + round;
            sageMaker.createInferenceComponent(b -> b.inferenceComponentName(component)
                    .endpointName("update")
                    .specification(s -> s.container(c -> c.image("stowage/echo"))
                            .computeResourceRequirements(BadRequestsIT.requirements()))
                    .runtimeConfig(r -> r.copyCount(2)));
            ComponentWaits.awaitInService(sageMaker, WAIT, component, 2);

            if (round % 2 == 0) {
                sageMaker.updateInferenceComponent(b -> b.inferenceComponentName(component)
                        .specification(s -> s.container(c -> c.image("stowage/llm-sim"))
                                .computeResourceRequirements(BadRequestsIT.requirements())));
            } else {
                sageMaker.updateInferenceComponentRuntimeConfig(
                        b -> b.inferenceComponentName(component).desiredRuntimeConfig(r -> r.copyCount(3)));
            }
            sageMaker.deleteInferenceComponent(b -> b.inferenceComponentName(component));

            Eventually.await(
                    WAIT, component + " deleted", () -> componentsOn("update").isEmpty());
        }
    }

    @Test
    void twentyClientsCreatingTheSameComponentMakeOne() throws Exception {
        SageMakerClient sageMaker = STOWAGE.sageMaker();
        sageMaker.createEndpointConfig(b -> b.endpointConfigName("many-config")
                .executionRoleArn(ROLE)
                .productionVariants(BadRequestsIT.icVariant()));
        sageMaker.createEndpoint(b -> b.endpointName("many").endpointConfigName("many-config"));
        long before = STOWAGE.running().eventCount();
        List<Callable<Object>> creates = new ArrayList<>();
        for (int client = 0; client < 20; client++) {
            creates.add(() -> sageMaker.createInferenceComponent(b -> b.inferenceComponentName("only-one")
                    .endpointName("many")
                    .specification(s -> s.container(c -> c.image("stowage/echo"))
                            .computeResourceRequirements(BadRequestsIT.requirements()))
                    .runtimeConfig(r -> r.copyCount(1))));
        }

        List<Outcome> outcomes = together(creates);

        assertThat(outcomes).filteredOn(Outcome::won).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.won()).allSatisfy(lost -> assertThat(lost.error())
                .contains("Cannot create already existing inference"));
        assertThat(STOWAGE.running().eventCount()).isGreaterThanOrEqualTo(before + 2);
        assertThat(componentsOn("many")).containsExactly("only-one");
    }

    private static List<String> componentsOn(String endpoint) {
        return STOWAGE
                .sageMaker()
                .listInferenceComponents(b -> b.endpointNameEquals(endpoint))
                .inferenceComponents()
                .stream()
                .map(InferenceComponentSummary::inferenceComponentName)
                .toList();
    }

    /** What one request of a race came to: it succeeded, or the service's error message. */
    private record Outcome(boolean won, String error) {}

    @SafeVarargs
    private static List<Outcome> together(Callable<?>... calls) throws Exception {
        return together(List.of(calls));
    }

    /** Runs every call at once (each on its own thread, released together) and gives their outcomes in order. */
    private static List<Outcome> together(List<? extends Callable<?>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(calls.size())) {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Callable<?> call : calls) {
                futures.add(threads.submit(() -> {
                    start.await();
                    try {
                        call.call();
                        return new Outcome(true, "");
                    } catch (SageMakerException refused) {
                        return new Outcome(false, refused.awsErrorDetails().errorMessage());
                    }
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }
}
