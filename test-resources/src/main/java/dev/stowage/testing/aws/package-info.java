/**
 * A loopback HTTP server that records what the real AWS SDK clients send and answers with canned responses shaped
 * like the services', so adapters are tested against the requests AWS would receive.
 */
@NullMarked
package dev.stowage.testing.aws;

import org.jspecify.annotations.NullMarked;
