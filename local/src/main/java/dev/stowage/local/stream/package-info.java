/** Lambda event-source-mapping semantics over DynamoDB Streams: pollers that feed {@code DynamodbEvent}s to stream handlers. */
@NullMarked
package dev.stowage.local.stream;

import org.jspecify.annotations.NullMarked;
