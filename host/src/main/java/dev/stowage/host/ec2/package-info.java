/**
 * The host on an EC2 instance: its environment, its identity from the instance metadata service, and the wiring of
 * {@link dev.stowage.host.InferenceHost} with the control plane reached through the API.
 */
@NullMarked
package dev.stowage.host.ec2;

import org.jspecify.annotations.NullMarked;
