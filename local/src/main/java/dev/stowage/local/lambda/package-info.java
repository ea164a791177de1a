/** What a Lambda handler expects from its runtime: a context and a logger. */
@NullMarked
package dev.stowage.local.lambda;

import org.jspecify.annotations.NullMarked;
