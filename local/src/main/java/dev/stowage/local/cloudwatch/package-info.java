/**
 * Local mode's CloudWatch API, in the wires the AWS SDKs speak it ({@link
 * dev.stowage.local.cloudwatch.CloudWatchWire}: Smithy RPC v2 CBOR and JSON 1.0): alarms over the local alarm engine,
 * metrics over the local metric store, validated against CloudWatch's trimmed service model.
 */
@NullMarked
package dev.stowage.local.cloudwatch;

import org.jspecify.annotations.NullMarked;
