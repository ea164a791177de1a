/**
 * {@code stowage simulate} (issue 16): its inputs so far. The deployment file, the workload readers (ServeGen, Azure
 * LLM, Mooncake, a generic CSV) and the command that reads and summarises them; the replay itself is not built.
 */
@NullMarked
package dev.stowage.local.simulate;

import org.jspecify.annotations.NullMarked;
