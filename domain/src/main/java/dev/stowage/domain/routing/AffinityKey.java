package dev.stowage.domain.routing;

/**
 * What the router keys affinity on: a 64-bit value that any host computes alike from the request alone, so that
 * requests with equal keys meet on the same copy ({@link Affinity}) whichever host routes them. A prompt's prefix
 * ({@link PrefixKey}, ADR 29) or the adapter a request names ({@link AdapterKey}, ADR 32).
 */
public sealed interface AffinityKey permits PrefixKey, AdapterKey {

    /** The key's hash: equal for equal keys, spread over all 64 bits. */
    long value();
}
