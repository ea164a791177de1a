/**
 * A discrete-event simulation of the routing policies over LLM-like copies (continuous batching, long-tailed
 * output lengths), for the figures of docs/benchmarks.md; and one of prefix-aware routing over copies with prefill
 * and a prefix cache, replaying the real traces of {@code shared/traces/} ({@code Prefix*}, {@link LlmTrace}).
 * Seeded throughout: the same trace gives the same figures.
 */
@NullMarked
package dev.stowage.domain.routing.sim;

import org.jspecify.annotations.NullMarked;
