/** Models: CreateModel and DeleteModel. */
@NullMarked
package dev.stowage.domain.model;

import org.jspecify.annotations.NullMarked;
