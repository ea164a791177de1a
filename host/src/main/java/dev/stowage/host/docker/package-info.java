/**
 * Container images on a Docker Engine, through its API (docker-java): one container per copy, started as SageMaker
 * starts an image ({@code serve}, {@code SAGEMAKER_BIND_TO_PORT}, the artifact read-only at {@code /opt/ml/model}),
 * with its compute limits and exactly its accelerator devices, labelled so that a restarted host finds it again.
 */
@NullMarked
package dev.stowage.host.docker;

import org.jspecify.annotations.NullMarked;
