/**
 * The functions' own figures (events appended, placement decisions, scaling activities) as CloudWatch Embedded Metric
 * Format lines on stdout, which Lambda ships to CloudWatch Logs and CloudWatch extracts as metrics.
 */
@NullMarked
package dev.stowage.functions.metrics;

import org.jspecify.annotations.NullMarked;
