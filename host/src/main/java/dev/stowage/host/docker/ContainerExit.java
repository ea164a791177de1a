package dev.stowage.host.docker;

import org.jspecify.annotations.Nullable;

/** How a container's end is told in a copy's failure: its exit code, and whether the kernel killed it for memory. */
final class ContainerExit {
    private ContainerExit() {}

    static String describe(@Nullable Long exitCode, boolean oomKilled) {
        String code = exitCode == null ? "an unknown code" : "code " + exitCode;
        if (oomKilled) {
            return "The container was killed for using more memory than its limit (OOM-killed, exit " + code + ").";
        }
        return "The container exited with " + code + ".";
    }
}
