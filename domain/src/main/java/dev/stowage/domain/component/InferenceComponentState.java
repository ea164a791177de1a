package dev.stowage.domain.component;

import dev.stowage.events.Document;

/** An inference component's lifecycle. */
public sealed interface InferenceComponentState {
    record Absent() implements InferenceComponentState {}

    record Present(
            String inferenceComponentName,
            String endpointName,
            String variantName,
            Document specification,
            int desiredCopyCount,
            InferenceComponentStatus status)
            implements InferenceComponentState {

        Present with(Document nextSpecification, int nextCopyCount, InferenceComponentStatus nextStatus) {
            return new Present(
                    inferenceComponentName, endpointName, variantName, nextSpecification, nextCopyCount, nextStatus);
        }
    }
}
