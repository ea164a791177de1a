package dev.stowage.local.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli cannot take (an unknown option, a missing or refused value) is one line on standard error,
 * {@code stowage <command>: <why>}, and exit status 2, instead of the message followed by the whole usage.
 */
final class OneLineErrors implements IParameterExceptionHandler {
    static final int USAGE = 2;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        String message = ex.getCause() instanceof CommandLine.TypeConversionException refused
                ? refused.getMessage()
                : ex.getMessage();
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += " (did you mean " + String.join(" or ", suggestions) + "?)";
            }
        }
        command.getErr()
                .println(command.getCommandSpec().qualifiedName() + ": " + message + "; see '"
                        + command.getCommandSpec().qualifiedName() + " --help'");
        command.getErr().flush();
        return USAGE;
    }
}
