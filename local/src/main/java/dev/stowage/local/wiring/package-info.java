/** Stowage's own local application: the shipping handlers on local DynamoDB, behind a SigV4 check. */
@NullMarked
package dev.stowage.local.wiring;

import org.jspecify.annotations.NullMarked;
