/**
 * CloudWatch alarms as Stowage needs them: the definition a scaling policy asks for, the state change an alarm
 * reports, and the port that keeps alarms (CloudWatch on AWS, the local alarm engine locally).
 */
@NullMarked
package dev.stowage.domain.alarms;

import org.jspecify.annotations.NullMarked;
