package dev.stowage.domain.component;

import dev.stowage.events.Document;
import java.time.Instant;
import java.util.Optional;

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
            Instant specifiedAt,
            Optional<Deployment> lastDeployment)
            implements InferenceComponentState {

        /**
         * The rolling update policy for replacing copies of an older specification, when the update that set the
         * current specification came with one; otherwise copies are replaced all at once, make before break.
         */
        public Optional<RollingUpdate> rollingUpdate() {
            return lastDeployment
                    .filter(deployment -> deployment.at().equals(specifiedAt))
                    .flatMap(deployment -> RollingUpdate.of(deployment.config()));
        }

        Present withDeployment(Deployment deployment) {
            return new Present(
                    inferenceComponentName,
                    endpointName,
                    variantName,
                    specification,
                    desiredCopyCount,
                    status,
                    changedAt,
                    specifiedAt,
                    Optional.of(deployment));
        }

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
                    specified,
                    lastDeployment);
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
                    specifiedAt,
                    lastDeployment);
        }
    }

    /** The last {@code DeploymentConfig} given (DescribeInferenceComponent's {@code LastDeploymentConfig}), and when. */
    record Deployment(Document config, Instant at) {}
}
