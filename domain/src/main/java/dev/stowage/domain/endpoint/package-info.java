/** Endpoint configs and endpoints: what a fleet of instances is and which configuration it runs. */
@NullMarked
package dev.stowage.domain.endpoint;

import org.jspecify.annotations.NullMarked;
