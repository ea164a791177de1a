/** The application layer: ports to the outside world and the service that runs commands through deciders. */
@NullMarked
package dev.stowage.domain.app;

import org.jspecify.annotations.NullMarked;
