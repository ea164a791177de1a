/**
 * Local mode's CloudWatch API, in each of the wires the AWS SDKs speak it ({@link
 * dev.stowage.local.cloudwatch.CloudWatchWire}: Smithy RPC v2 CBOR, JSON 1.0 and the query protocol): alarms over
 * the local alarm engine, metrics over the local metric store, validated against CloudWatch's trimmed service model.
 */
@NullMarked
package dev.stowage.local.cloudwatch;

import org.jspecify.annotations.NullMarked;
