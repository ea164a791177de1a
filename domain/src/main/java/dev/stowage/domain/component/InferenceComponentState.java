package dev.stowage.domain.component;

import dev.stowage.events.Document;
import java.time.Instant;

/** An inference component's lifecycle. */
public sealed interface InferenceComponentState {
    record Absent() implements InferenceComponentState {}

    record Present(
            String inferenceComponentName,
            String endpointName,
            String variantName,
            Document specification,
            int desiredCopyCount,
            InferenceComponentStatus status,
            Instant changedAt,
            Instant specifiedAt)
            implements InferenceComponentState {

        /**
         * After a change the user (or autoscaling) asked for: placement starts over from here; copies scheduled
         * before the specification last changed run the old one and are replaced.
         */
        Present changed(
                Document nextSpecification, int nextCopyCount, InferenceComponentStatus nextStatus, Instant at) {
            Instant specified = nextSpecification.equals(specification) ? specifiedAt : at;
            return new Present(
                    inferenceComponentName,
                    endpointName,
                    variantName,
                    nextSpecification,
                    nextCopyCount,
                    nextStatus,
                    at,
                    specified);
        }

        Present withStatus(InferenceComponentStatus nextStatus) {
            return new Present(
                    inferenceComponentName,
                    endpointName,
                    variantName,
                    specification,
                    desiredCopyCount,
                    nextStatus,
                    changedAt,
                    specifiedAt);
        }
    }
}
