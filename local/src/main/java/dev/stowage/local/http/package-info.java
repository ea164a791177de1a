/** A loopback HTTP server that turns requests into API Gateway REST proxy events for the API handler. */
@NullMarked
package dev.stowage.local.http;

import org.jspecify.annotations.NullMarked;
