package dev.stowage.domain.component;

import dev.stowage.domain.endpoint.ProductionVariant;
import dev.stowage.events.CopyCountCause;
import dev.stowage.events.Document;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a user (or the scaling reactor) asks of an inference component. {@code specification} and {@code
 * specifications} are the request's {@code Specification} and {@code Specifications} (empty when not given). Facts from other streams (the
 * endpoint, whether the specification's model exists) are looked up by the caller just before deciding.
 */
public sealed interface InferenceComponentCommand {
    String inferenceComponentName();

    /** {@code base}: the component the specification names as its base (an adapter's), as it is now. */
    record CreateInferenceComponent(
            String inferenceComponentName,
            Optional<EndpointSnapshot> endpoint,
            String endpointName,
            Optional<String> variantName,
            Optional<Document> specification,
            List<Document> specifications,
            Optional<Integer> copyCount,
            boolean modelExists,
            Optional<Adapters.BaseSnapshot> base,
            Instant at)
            implements InferenceComponentCommand {}

    /**
     * {@code variant} is the variant the component runs on, as its endpoint has it now; {@code deploymentConfig} is
     * the request's {@code DeploymentConfig}, as given.
     */
    record UpdateInferenceComponent(
            String inferenceComponentName,
            Optional<ProductionVariant> variant,
            Optional<Document> specification,
            List<Document> specifications,
            Optional<Integer> copyCount,
            Optional<Document> deploymentConfig,
            boolean modelExists,
            Instant at)
            implements InferenceComponentCommand {}

    /** {@code variant} is the variant the component runs on, as its endpoint has it now. */
    record SetDesiredCopyCount(
            String inferenceComponentName,
            Optional<ProductionVariant> variant,
            int copyCount,
            CopyCountCause cause,
            Instant at)
            implements InferenceComponentCommand {}

    /** {@code liveAdapters}: the adapter inference components that exist now with this one as their base. */
    record DeleteInferenceComponent(String inferenceComponentName, List<String> liveAdapters, Instant at)
            implements InferenceComponentCommand {
        public DeleteInferenceComponent {
            liveAdapters = List.copyOf(liveAdapters);
        }

        public DeleteInferenceComponent(String inferenceComponentName, Instant at) {
            this(inferenceComponentName, List.of(), at);
        }
    }

    /** Placement reports every desired copy serving. */
    record MarkInService(String inferenceComponentName, Instant at) implements InferenceComponentCommand {}

    /** Placement gave up on the component's copies: they keep failing to start. */
    record MarkFailed(String inferenceComponentName, String reason, Instant at) implements InferenceComponentCommand {}

    /**
     * Placement gave up on an update of the specification (its new copies keep failing; or, under a rolling update
     * policy, its time ran out or one of its alarms is in ALARM): the previous specification comes back.
     */
    record RollBackUpdate(String inferenceComponentName, String reason, Instant at)
            implements InferenceComponentCommand {}

    /** Placement removed the last copy of a component being deleted. */
    record CompleteDeletion(String inferenceComponentName, Instant at) implements InferenceComponentCommand {}
}
