package dev.stowage.local;

import dev.stowage.local.cli.StowageCommand;
import dev.stowage.local.cli.UpCommand;

/** Entry point of {@code stowage.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int exitCode = StowageCommand.commandLine(UpCommand.discovering()).execute(args);
        System.exit(exitCode);
    }
}
