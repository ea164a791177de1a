/**
 * The wire layer of the SageMaker runtime API (REST JSON): {@link
 * dev.stowage.wire.runtime.InvocationRequest} parses and validates {@code InvokeEndpoint} and
 * {@code InvokeEndpointWithResponseStream} requests, {@link dev.stowage.wire.runtime.InvocationResponses}
 * encodes answers and the runtime's errors, {@link dev.stowage.wire.runtime.EventStreamEncoder}
 * frames streamed responses. Header names, constraints and error status codes come from the runtime's
 * service model ({@code service-models/sagemaker-runtime.json}). Routing and hosts live elsewhere.
 */
@NullMarked
package dev.stowage.wire.runtime;

import org.jspecify.annotations.NullMarked;
