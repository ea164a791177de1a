/**
 * The fleet of an endpoint's variant: which instances serve it and which copy holds what where. The {@code
 * fleet/<endpoint>/<variant>} stream is the single authority; placement plans are applied to it conditionally.
 */
@NullMarked
package dev.stowage.domain.fleet;

import org.jspecify.annotations.NullMarked;
