package dev.stowage.local.cli;

/** Entry point of {@code stowage.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int exitCode = StowageCommand.commandLine(UpCommand.discovering()).execute(args);
        System.exit(exitCode);
    }
}
