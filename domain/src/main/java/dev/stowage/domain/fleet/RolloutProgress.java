package dev.stowage.domain.fleet;

import dev.stowage.domain.component.InferenceComponentState;
import dev.stowage.domain.component.RollingUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How far replacing an inference component's copies has come, for people to read ({@code Stowage.ExplainPlacement}):
 * copies of the current specification and how many of them have served through the baking period, copies of another
 * specification still there, the policy at work (none: all at once), and whether it is a rollback.
 *
 * @param deadline when a rolling update that has not finished is rolled back, if it has a time limit
 */
public record RolloutProgress(
        int currentCopies,
        int bakedCopies,
        int otherCopies,
        Optional<RollingUpdate> policy,
        boolean rollback,
        Optional<Instant> deadline) {

    /** The progress of {@code component} on {@code fleet} at {@code now}; empty when no copy awaits replacing. */
    public static Optional<RolloutProgress> of(
            FleetState fleet, InferenceComponentState.Present component, Instant now) {
        Set<String> stale = Rollout.staleCopies(fleet, Map.of(component.inferenceComponentName(), component));
        List<FleetCopyRecord> live = fleet.copiesOf(component.inferenceComponentName()).stream()
                .filter(c -> c.status() != FleetCopyRecord.Status.REMOVING)
                .toList();
        List<FleetCopyRecord> current =
                live.stream().filter(c -> !stale.contains(c.copyId())).toList();
        int other = live.size() - current.size();
        if (other == 0) {
            return Optional.empty();
        }
        Optional<RollingUpdate> policy = component.rollingUpdate();
        boolean rollback = component.updates().rollbackReason().isPresent();
        long baked = policy.map(p -> Rollout.baked(fleet, current, p, now)).orElse(0L);
        Optional<Instant> deadline = rollback
                ? Optional.empty()
                : policy.flatMap(RollingUpdate::timeout).map(component.specifiedAt()::plus);
        return Optional.of(new RolloutProgress(current.size(), (int) baked, other, policy, rollback, deadline));
    }
}
