package dev.stowage.domain.placement;

/** What one inference component asks of the fleet: how many copies, each needing {@code demand}. */
public record IcTarget(int desiredCopies, CopyDemand demand) {
    public IcTarget {
        if (desiredCopies < 0) {
            throw new IllegalArgumentException("desiredCopies must be >= 0");
        }
    }

    /** Copies that need the same on every instance type. */
    public IcTarget(int desiredCopies, Resources demand) {
        this(desiredCopies, CopyDemand.uniform(demand));
    }
}
