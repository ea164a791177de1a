/**
 * The wire layer of the SageMaker runtime API (REST JSON): {@link
 * dev.stowage.functions.runtime.InvocationRequest} parses and validates {@code InvokeEndpoint} and
 * {@code InvokeEndpointWithResponseStream} requests, {@link dev.stowage.functions.runtime.InvocationResponses}
 * encodes answers and the runtime's errors, {@link dev.stowage.functions.runtime.EventStreamEncoder}
 * frames streamed responses. Header names, constraints and error status codes come from the runtime's
 * service model ({@code service-models/sagemaker-runtime.json}). Routing and hosts live elsewhere.
 */
@NullMarked
package dev.stowage.functions.runtime;

import org.jspecify.annotations.NullMarked;
