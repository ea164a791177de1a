/**
 * CloudWatch alarm state changes as EventBridge delivers them ({@code "detail-type": "CloudWatch Alarm State
 * Change"}): rendered by local mode's alarm engine, parsed by the scaling Lambda on AWS.
 */
@NullMarked
package dev.stowage.functions.alarms;

import org.jspecify.annotations.NullMarked;
