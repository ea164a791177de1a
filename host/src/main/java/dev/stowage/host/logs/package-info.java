/** Where copy logs go besides their local file: nowhere locally, CloudWatch Logs on AWS. */
@NullMarked
package dev.stowage.host.logs;

import org.jspecify.annotations.NullMarked;
