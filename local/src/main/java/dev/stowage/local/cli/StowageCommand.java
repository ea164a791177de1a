package dev.stowage.local.cli;

import dev.stowage.local.simulate.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code stowage} command; its work is in the subcommands. */
@Command(
        name = "stowage",
        mixinStandardHelpOptions = true,
        version = "stowage 0.1.0",
        description = "SageMaker inference components, self-hosted. Local mode runs in one JVM with no AWS account.")
public final class StowageCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The command line with its subcommands, {@code up} being the given instance; {@code metrics} and {@code logs}
     * find a running {@code up} in the same run folder. A command line it cannot take is one line and exit status 2.
     */
    public static CommandLine commandLine(UpCommand up) {
        return new CommandLine(new StowageCommand())
                .addSubcommand("up", up)
                .addSubcommand("instance-types", new InstanceTypesCommand())
                .addSubcommand("metrics", new MetricsCommand(up.runFiles()))
                .addSubcommand("logs", new LogsCommand(up.runFiles()))
                .addSubcommand("simulate", new SimulateCommand())
                .setParameterExceptionHandler(new OneLineErrors());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
