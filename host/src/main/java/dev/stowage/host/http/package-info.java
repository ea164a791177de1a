/** What every HTTP server of Stowage's processes shares. */
@NullMarked
package dev.stowage.host.http;

import org.jspecify.annotations.NullMarked;
