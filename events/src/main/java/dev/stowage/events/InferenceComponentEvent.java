package dev.stowage.events;

import java.time.Instant;

/** Facts on an {@code inference-component-<name>} stream. */
public sealed interface InferenceComponentEvent extends Event {

    /**
     * CreateInferenceComponent was accepted. {@code specification} is the request's {@code Specification}
     * as given; {@code copyCount} is the desired copy count from its {@code RuntimeConfig}.
     */
    record Created(
            String inferenceComponentName,
            String inferenceComponentArn,
            String endpointName,
            String endpointArn,
            String variantName,
            Document specification,
            int copyCount,
            Instant createdAt)
            implements InferenceComponentEvent {}

    /** UpdateInferenceComponent replaced the specification. */
    record SpecificationUpdated(Document specification, Instant at) implements InferenceComponentEvent {}

    /**
     * UpdateInferenceComponent came with a {@code DeploymentConfig} (as given): its rolling update policy governs
     * replacing the copies of the specification set at the same time.
     */
    record DeploymentConfigured(Document deploymentConfig, Instant at) implements InferenceComponentEvent {}

    /**
     * An update with a rolling update policy was rolled back ({@code reason} says why): {@code specification}, the
     * one it replaced, is current again and its copies come back.
     */
    record UpdateRolledBack(Document specification, String reason, Instant at) implements InferenceComponentEvent {}

    /** The desired number of copies changed, and why. */
    record DesiredCopyCountSet(int copyCount, CopyCountCause cause, Instant at) implements InferenceComponentEvent {}

    /** Every desired copy is serving. */
    record InService(Instant at) implements InferenceComponentEvent {}

    /** Copies could not be brought up; {@code reason} says why. */
    record Failed(String reason, Instant at) implements InferenceComponentEvent {}

    /**
     * An adapter inference component named this one as its base ({@code BaseInferenceComponentName}); written with the
     * adapter's {@code Created}, so a racing delete of this base loses and counts the adapter.
     */
    record AdapterAttached(String adapterName, Instant at) implements InferenceComponentEvent {}

    /** DeleteInferenceComponent was accepted; copies are being removed. */
    record DeletionStarted(Instant at) implements InferenceComponentEvent {}

    /** Every copy is removed; the name may be used again. */
    record Deleted(Instant at) implements InferenceComponentEvent {}
}
