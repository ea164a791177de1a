/** The SageMaker control plane's write side: each API command run through its decider against its stream. */
@NullMarked
package dev.stowage.domain.controlplane;

import org.jspecify.annotations.NullMarked;
