/**
 * The view projector's Lambda handler: feeds DynamoDB Streams wake-ups to the {@link dev.stowage.domain.views.Projector}
 * (the views table itself is in {@code functions.dynamodb}).
 */
@NullMarked
package dev.stowage.functions.projector;

import org.jspecify.annotations.NullMarked;
