package dev.stowage.domain.component;

import dev.stowage.events.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
            Updates updates,
            List<String> adapters)
            implements InferenceComponentState {

        /**
         * {@code adapters}: the adapter inference components ever created on this one as their base, in order (some
         * may be gone since).
         */
        public Present {
            adapters = List.copyOf(adapters);
        }

        /** The base this component adapts, when it is an adapter inference component. */
        public Optional<String> baseInferenceComponentName() {
            return Adapters.base(specification);
        }

        /** Whether this is an adapter of {@code base} that is not being deleted. */
        public boolean liveAdapterOf(String base) {
            return status != InferenceComponentStatus.DELETING
                    && baseInferenceComponentName().equals(Optional.of(base));
        }

        Present withAdapter(String adapterName) {
            List<String> more = new ArrayList<>(adapters);
            if (!more.contains(adapterName)) {
                more.add(adapterName);
            }
            return next(specification, desiredCopyCount, status, changedAt, specifiedAt, updates, more);
        }

        /**
         * How copies of another specification are replaced: by the rolling update of the update that set the current
         * specification, or by its rollback batches once it was rolled back; all at once, make before break, when
         * neither applies.
         */
        public Optional<RollingUpdate> rollingUpdate() {
            Optional<Document> config = updates.lastDeployment().map(Deployment::config);
            if (updates.rollbackReason().isPresent()) {
                return config.flatMap(RollingUpdate::rollback);
            }
            return updates.lastDeployment()
                    .filter(deployment -> deployment.at().equals(specifiedAt))
                    .flatMap(deployment -> RollingUpdate.of(deployment.config()));
        }

        /**
         * The specification set at {@code at}: the current one, or the one it replaced while that one's copies are
         * being replaced; the current one for any other time.
         */
        public Document specificationAt(Instant at) {
            return updates.previous()
                    .filter(previous -> previous.at().equals(at) && !specifiedAt.equals(at))
                    .map(Specified::specification)
                    .orElse(specification);
        }

        /** Whether an update of the specification is under way and can still be rolled back. */
        public boolean rollbackAllowed() {
            return status == InferenceComponentStatus.UPDATING
                    && updates.previous().isPresent()
                    && updates.rollbackReason().isEmpty();
        }

        Present withDeployment(Deployment deployment) {
            return next(
                    specification,
                    desiredCopyCount,
                    status,
                    changedAt,
                    specifiedAt,
                    new Updates(Optional.of(deployment), updates.previous(), updates.rollbackReason()));
        }

        /**
         * After a change the user (or autoscaling) asked for: placement starts over from here; copies scheduled
         * before the specification last changed run the old one and are replaced. A new specification remembers the
         * one it replaces, for a rollback.
         */
        Present changed(
                Document nextSpecification, int nextCopyCount, InferenceComponentStatus nextStatus, Instant at) {
            boolean respecified = !nextSpecification.equals(specification);
            return next(
                    nextSpecification,
                    nextCopyCount,
                    nextStatus,
                    at,
                    respecified ? at : specifiedAt,
                    respecified
                            ? new Updates(
                                    updates.lastDeployment(),
                                    Optional.of(new Specified(specification, specifiedAt)),
                                    Optional.empty())
                            : updates);
        }

        /** The update was rolled back: the previous specification (and its copies) is current again. */
        Present rolledBack(String reason, Instant at) {
            Specified previous = updates.previous().orElse(new Specified(specification, specifiedAt));
            return next(
                    previous.specification(),
                    desiredCopyCount,
                    InferenceComponentStatus.UPDATING,
                    at,
                    previous.at(),
                    // The abandoned specification stays known while its copies go.
                    new Updates(
                            updates.lastDeployment(),
                            Optional.of(new Specified(specification, specifiedAt)),
                            Optional.of(reason)));
        }

        Present withStatus(InferenceComponentStatus nextStatus) {
            return next(specification, desiredCopyCount, nextStatus, changedAt, specifiedAt, updates);
        }

        /**
         * Every desired copy serves the current specification: an update (or its rollback) is over, so there is
         * nothing left to roll back to; a later change of the copy count is no update of the specification.
         */
        Present inService() {
            return next(
                    specification,
                    desiredCopyCount,
                    InferenceComponentStatus.IN_SERVICE,
                    changedAt,
                    specifiedAt,
                    new Updates(updates.lastDeployment(), Optional.empty(), Optional.empty()));
        }

        /** The same component, with the rest as given. */
        private Present next(
                Document nextSpecification,
                int nextCopyCount,
                InferenceComponentStatus nextStatus,
                Instant nextChangedAt,
                Instant nextSpecifiedAt,
                Updates nextUpdates) {
            return next(
                    nextSpecification,
                    nextCopyCount,
                    nextStatus,
                    nextChangedAt,
                    nextSpecifiedAt,
                    nextUpdates,
                    adapters);
        }

        private Present next(
                Document nextSpecification,
                int nextCopyCount,
                InferenceComponentStatus nextStatus,
                Instant nextChangedAt,
                Instant nextSpecifiedAt,
                Updates nextUpdates,
                List<String> nextAdapters) {
            return new Present(
                    inferenceComponentName,
                    endpointName,
                    variantName,
                    nextSpecification,
                    nextCopyCount,
                    nextStatus,
                    nextChangedAt,
                    nextSpecifiedAt,
                    nextUpdates,
                    nextAdapters);
        }
    }

    /**
     * What updates of the specification left behind: the {@code DeploymentConfig} last given, the specification the
     * current one replaced (what a rollback restores), and why the current one was restored, if it was.
     */
    record Updates(Optional<Deployment> lastDeployment, Optional<Specified> previous, Optional<String> rollbackReason) {
        static Updates none() {
            return new Updates(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** The last {@code DeploymentConfig} given (DescribeInferenceComponent's {@code LastDeploymentConfig}), and when. */
    record Deployment(Document config, Instant at) {}

    /** A specification and when it was set. */
    record Specified(Document specification, Instant at) {}
}
