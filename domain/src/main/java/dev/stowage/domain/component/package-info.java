/** Inference components: a model's specification and desired copies on an endpoint's variant. */
@NullMarked
package dev.stowage.domain.component;

import org.jspecify.annotations.NullMarked;
