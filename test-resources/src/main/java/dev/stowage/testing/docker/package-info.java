/**
 * Containers on a real Docker Engine for tests: a connected client or a skip ({@link DockerEngine}), the test
 * images built offline from Debian's packages ({@link TestImages}), a container run as SageMaker runs one
 * ({@link ServingContainer}), a trained scikit-learn model ({@link TrainedModel}) and a private registry
 * ({@link TestRegistry}).
 */
@NullMarked
package dev.stowage.testing.docker;

import org.jspecify.annotations.NullMarked;
