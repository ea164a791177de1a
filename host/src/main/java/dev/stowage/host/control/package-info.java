/**
 * How a host on AWS talks to the control plane: a SigV4-signed JSON client of the API's {@code POST /host}
 * ({@code execute-api}), and the {@link dev.stowage.host.FleetPort} and
 * {@link dev.stowage.host.serving.RoutingDirectory} built on it.
 */
@NullMarked
package dev.stowage.host.control;

import org.jspecify.annotations.NullMarked;
