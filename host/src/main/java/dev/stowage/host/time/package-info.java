/** Time for the host: a scale factor that makes every wait run N times faster (local mode's --time-scale). */
@NullMarked
package dev.stowage.host.time;

import org.jspecify.annotations.NullMarked;
