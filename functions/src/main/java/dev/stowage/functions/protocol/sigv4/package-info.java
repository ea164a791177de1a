/** Verification of AWS Signature Version 4 on incoming requests. */
@NullMarked
package dev.stowage.functions.protocol.sigv4;

import org.jspecify.annotations.NullMarked;
