/**
 * Application Auto Scaling for inference components: the scalable target of an inference component's desired copy
 * count, its target-tracking and step scaling policies (and the alarms target tracking creates), and the scaling
 * reactor that runs a policy when one of its alarms goes into {@code ALARM}.
 */
@NullMarked
package dev.stowage.domain.scaling;

import org.jspecify.annotations.NullMarked;
