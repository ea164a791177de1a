/** The domain: deciders, states and commands, free of AWS and I/O. */
@NullMarked
package dev.stowage.domain;

import org.jspecify.annotations.NullMarked;
