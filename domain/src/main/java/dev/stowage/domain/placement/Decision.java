package dev.stowage.domain.placement;

import java.util.List;
import java.util.Optional;

/** One thing a plan asks to be done, with the reason a user is shown. */
public sealed interface Decision {
    String why();

    /**
     * Put a new copy on a running instance, on the given device indices.
     *
     * @param replaces the copy it is to replace once loaded (a move), if any
     */
    record ScheduleCopy(
            String inferenceComponent,
            String copyId,
            String instanceId,
            List<Integer> deviceIndices,
            Resources resources,
            Optional<String> replaces,
            String why)
            implements Decision {
        public ScheduleCopy {
            deviceIndices = List.copyOf(deviceIndices);
        }
    }

    /** Stop a copy and free what it holds. */
    record RemoveCopy(String copyId, String why) implements Decision {}

    /**
     * Ask the provider for one more instance of {@code instanceType} (a pool's type) in {@code zone} ("" when the
     * fleet's zones are unknown).
     */
    record RequestInstance(String instanceId, String instanceType, String zone, String why) implements Decision {
        /** An instance of a fleet of one kind. */
        public RequestInstance(String instanceId, String why) {
            this(instanceId, PlacementPolicy.ONE_TYPE, why);
        }

        /** An instance in an unknown zone. */
        public RequestInstance(String instanceId, String instanceType, String why) {
            this(instanceId, instanceType, "", why);
        }
    }

    /**
     * Take no new copy on a running instance, and give it back once it hosts nothing: an instance moves have emptied
     * on purpose.
     */
    record DrainInstance(String instanceId, String why) implements Decision {}

    /** Give an instance that hosts nothing back to the provider. */
    record RetireInstance(String instanceId, String why) implements Decision {}

    /** Copies of an inference component cannot be placed and nothing can be done about it now. */
    record Blocked(String inferenceComponent, String why) implements Decision {}
}
