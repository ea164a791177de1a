package dev.stowage.functions.hostkeys;

class InMemoryKeyRingStoreTest extends KeyRingStoreContract {
    @Override
    protected KeyRingStore store() {
        return new InMemoryKeyRingStore();
    }
}
