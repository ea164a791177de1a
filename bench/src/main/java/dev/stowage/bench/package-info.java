/**
 * Benchmarks of Stowage, run on request ({@code bench/run}), never as timed tests. Each prints its figures as ratios
 * against a baseline measured in the same run; {@code docs/benchmarks.md} records them with the command.
 */
@NullMarked
package dev.stowage.bench;

import org.jspecify.annotations.NullMarked;
