/** Verification of AWS Signature Version 4 on incoming requests. */
@NullMarked
package dev.stowage.wire.sigv4;

import org.jspecify.annotations.NullMarked;
