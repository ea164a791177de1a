/**
 * Local mode's CloudWatch API, as the current AWS SDKs speak it (Smithy RPC v2 CBOR, {@code POST
 * /service/GraniteServiceVersion20100801/operation/<Operation>}): alarms over the local alarm engine, metrics over
 * the local metric store, validated against CloudWatch's trimmed service model.
 */
@NullMarked
package dev.stowage.local.cloudwatch;

import org.jspecify.annotations.NullMarked;
