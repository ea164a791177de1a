package dev.stowage.local.simulate;

import java.nio.file.Path;

/**
 * A deployment or workload file {@code stowage simulate} cannot take; the message is one line that names the file and
 * the line, entry or member at fault.
 */
public final class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    /** {@code <file name>: line <n>: <why>}. */
    static InputException atLine(Path file, long line, String why) {
        return new InputException(file.getFileName() + ": line " + line + ": " + why);
    }

    /** {@code <file name>: <why>}. */
    static InputException inFile(Path file, String why) {
        return new InputException(file.getFileName() + ": " + why);
    }
}
