package dev.stowage.domain.placement.bench;

import dev.stowage.domain.placement.Decision.RequestInstance;
import dev.stowage.domain.placement.Decision.ScheduleCopy;
import dev.stowage.domain.placement.FleetInstance;
import dev.stowage.domain.placement.FleetView;
import dev.stowage.domain.placement.Placement;
import dev.stowage.domain.placement.PlacementPolicy;
import dev.stowage.domain.placement.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Packs a workload from an empty fleet with our placement: round one requests instances, round two (once they
 * run) schedules every copy on them.
 */
public final class FromScratch {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Instances requested, and whether the second round placed every copy with nothing else to do. */
    public record Outcome(int instances, boolean placedInTwoRounds) {}

    private FromScratch() {}

    public static PlacementPolicy policy(Workload workload) {
        return new PlacementPolicy(workload.shape(), 0, 1_000_000, Duration.ofMinutes(10), 0, T0);
    }

    public static Outcome pack(Workload workload) {
        PlacementPolicy policy = policy(workload);
        Plan first = Placement.plan(FleetView.EMPTY, workload.targets(), policy);
        List<RequestInstance> requested = first.only(RequestInstance.class);
        FleetView running = new FleetView(
                requested.stream()
                        .map(r -> FleetInstance.running(r.instanceId(), workload.shape(), T0))
                        .toList(),
                List.of());
        Plan second = Placement.plan(running, workload.targets(), policy);
        boolean placed = second.decisions().size() == workload.copies()
                && second.only(ScheduleCopy.class).size() == workload.copies();
        return new Outcome(requested.size(), placed && first.decisions().size() == requested.size());
    }
}
