/**
 * Codecs for the AWS wire formats Stowage serves: the trimmed botocore service models, JSON 1.1
 * requests and errors, and request validation with the messages of the real services.
 */
@NullMarked
package dev.stowage.wire.protocol;

import org.jspecify.annotations.NullMarked;
