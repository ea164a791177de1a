/** The picocli commands of {@code stowage}. */
@NullMarked
package dev.stowage.local.cli;

import org.jspecify.annotations.NullMarked;
