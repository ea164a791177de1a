/** How a process finds its stores and settings: the Lambda environment, or what local mode hands in. */
@NullMarked
package dev.stowage.functions.config;

import org.jspecify.annotations.NullMarked;
