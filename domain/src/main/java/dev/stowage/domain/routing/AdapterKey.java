package dev.stowage.domain.routing;

/**
 * The adapter (an adapter inference component, a LoRA adapter riding on a base component's copies) a request names,
 * as a routing key (ADR 32): its requests meet on the copy that ranks highest for it, where the adapter is most
 * likely resident already.
 *
 * @param adapter the adapter inference component's name; not blank
 */
public record AdapterKey(String adapter) implements AffinityKey {
    private static final long SEED = 0x2545f4914f6cdd1dL;

    public AdapterKey {
        if (adapter.isBlank()) {
            throw new IllegalArgumentException("an adapter key needs the adapter's name");
        }
    }

    /** A hash of the name that no prefix key is drawn from on purpose (a different seed). */
    @Override
    public long value() {
        return Hashes.mix(Hashes.of(adapter) ^ SEED);
    }
}
