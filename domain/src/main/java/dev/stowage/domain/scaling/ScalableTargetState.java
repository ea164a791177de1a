package dev.stowage.domain.scaling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;

/** A scalable target's lifecycle: not registered (never, or deregistered), or registered with its policies. */
public sealed interface ScalableTargetState {

    record Unregistered() implements ScalableTargetState {}

    /** {@code policies} by name in the order they were first put; {@code activities} oldest first. */
    record Registered(
            ScalableTarget target, SequencedMap<String, ScalingPolicy> policies, List<ScalingActivity> activities)
            implements ScalableTargetState {

        public Registered {
            policies = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(policies));
            activities = List.copyOf(activities);
        }

        public Optional<ScalingPolicy> policy(String name) {
            return Optional.ofNullable(policies.get(name));
        }

        public Optional<ScalingActivity> activity(String activityId) {
            return activities.stream()
                    .filter(a -> a.activityId().equals(activityId))
                    .findFirst();
        }

        Registered withTarget(ScalableTarget next) {
            return new Registered(next, policies, activities);
        }

        Registered withPolicies(Map<String, ScalingPolicy> next) {
            return new Registered(target, new LinkedHashMap<>(next), activities);
        }

        Registered withActivities(List<ScalingActivity> next) {
            return new Registered(target, policies, next);
        }
    }
}
