/** The alarm port on AWS: CloudWatch metric alarms through the AWS SDK. */
@NullMarked
package dev.stowage.functions.alarms;

import org.jspecify.annotations.NullMarked;
