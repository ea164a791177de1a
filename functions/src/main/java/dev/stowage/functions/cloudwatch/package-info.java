/**
 * The CloudWatch adapters: alarms (the alarm port and the alarm states a rollback watches) and the dashboards port,
 * through the AWS SDK, with dashboards kept in memory for local mode.
 */
@NullMarked
package dev.stowage.functions.cloudwatch;

import org.jspecify.annotations.NullMarked;
