/** The SageMaker control-plane operations: wire JSON in, the control plane and views, wire JSON out. */
@NullMarked
package dev.stowage.functions.api;

import org.jspecify.annotations.NullMarked;
