/** DynamoDB Local as a loopback server, with SDK v2 clients pointed at it. */
@NullMarked
package dev.stowage.local.dynamodb;

import org.jspecify.annotations.NullMarked;
