/**
 * The read side (CQRS views): one row per resource for Describe and List, the folds that build rows from a
 * stream's events, the {@link dev.stowage.domain.views.ViewStore} port, the {@link
 * dev.stowage.domain.views.Projector} that keeps the store up to date from wake-ups, and the semantics of
 * SageMaker's List operations ({@link dev.stowage.domain.views.ListQuery}).
 */
@NullMarked
package dev.stowage.domain.views;

import org.jspecify.annotations.NullMarked;
