/** Model runtimes: what runs one copy and serves the SageMaker container contract (GET /ping, POST /invocations). */
@NullMarked
package dev.stowage.host.runtime;

import org.jspecify.annotations.NullMarked;
