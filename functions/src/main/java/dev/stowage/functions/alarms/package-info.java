/**
 * Alarm state changes on AWS: the scaling Lambda's handlers and the EventBridge "CloudWatch Alarm State Change" event,
 * rendered by local mode's alarm engine and parsed by the scaling Lambda.
 */
@NullMarked
package dev.stowage.functions.alarms;

import org.jspecify.annotations.NullMarked;
