package dev.stowage.domain.routing.sim;

/**
 * What a {@link PrefixCopy} does before a request's prefill: nothing, or load the adapter the request names
 * ({@link AdapterLoads}). When it {@link #blocksEngine() blocks the engine} it runs on the copy's one prefill
 * engine, so decoding pauses meanwhile and the next prefill waits, as vLLM loads a missing LoRA inside the step that
 * needs it; otherwise only the request waits (holding its batch slot) while the engine serves the others, as a
 * server that loads adapters in the background would.
 */
@FunctionalInterface
interface PrefillSetup {
    PrefillSetup NONE = request -> 0;

    /**
     * Seconds spent on {@code request} before its prefill starts; called once, when its prefill is next (blocking)
     * or when it gets its batch slot (not blocking).
     */
    double seconds(int request);

    default boolean blocksEngine() {
        return true;
    }
}
