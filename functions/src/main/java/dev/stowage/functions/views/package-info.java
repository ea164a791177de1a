/**
 * The read side on AWS: the {@code views} table behind {@link dev.stowage.domain.views.ViewStore} and the
 * Lambda handler that feeds DynamoDB Streams wake-ups to the {@link dev.stowage.domain.views.Projector}.
 */
@NullMarked
package dev.stowage.functions.views;

import org.jspecify.annotations.NullMarked;
