/**
 * The CloudWatch vocabulary SageMaker uses for inference components: the invocation metrics of namespace {@code
 * AWS/SageMaker} with their units and dimensions, the datapoints one invocation yields, and how datapoints are
 * read back per period with a statistic. Pure: times and latencies are handed in.
 */
@NullMarked
package dev.stowage.domain.metrics;

import org.jspecify.annotations.NullMarked;
