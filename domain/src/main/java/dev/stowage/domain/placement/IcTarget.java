package dev.stowage.domain.placement;

/**
 * What one inference component asks of the fleet: how many copies, each needing {@code demand}, placed as its
 * {@code scheduling} says.
 */
public record IcTarget(int desiredCopies, CopyDemand demand, Scheduling scheduling) {
    public IcTarget {
        if (desiredCopies < 0) {
            throw new IllegalArgumentException("desiredCopies must be >= 0");
        }
    }

    /** A component without a SchedulingConfig. */
    public IcTarget(int desiredCopies, CopyDemand demand) {
        this(desiredCopies, demand, Scheduling.NONE);
    }

    /** Copies that need the same on every instance type. */
    public IcTarget(int desiredCopies, Resources demand) {
        this(desiredCopies, CopyDemand.uniform(demand));
    }

    /** This target placed as {@code next} says. */
    public IcTarget scheduled(Scheduling next) {
        return new IcTarget(desiredCopies, demand, next);
    }
}
