/**
 * CloudWatch alarms on AWS and their state changes: the alarm port through the AWS SDK, and the EventBridge "CloudWatch
 * Alarm State Change" event, rendered by local mode's alarm engine and parsed by the scaling Lambda on AWS.
 */
@NullMarked
package dev.stowage.functions.alarms;

import org.jspecify.annotations.NullMarked;
