package dev.stowage.functions.dynamodb;

import dev.stowage.domain.store.EventStore;
import dev.stowage.domain.store.InMemoryEventStore;
import dev.stowage.testing.EventStoreConformance;

/** The conformance suite on the in-memory store; it lives here because domain cannot see test-resources. */
class InMemoryEventStoreConformanceTest extends EventStoreConformance {

    @Override
    protected EventStore newStore() {
        return new InMemoryEventStore();
    }
}
