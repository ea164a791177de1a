/**
 * Local mode's CloudWatch alarms: the engine that keeps alarms and their states, evaluates them over the local
 * metric store as periods close (at the time scale), and tells listeners of every state change.
 */
@NullMarked
package dev.stowage.local.alarms;

import org.jspecify.annotations.NullMarked;
