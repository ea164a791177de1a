/** The plug-in point of local mode: the application that supplies the handlers, and the environment it gets. */
@NullMarked
package dev.stowage.local.app;

import org.jspecify.annotations.NullMarked;
