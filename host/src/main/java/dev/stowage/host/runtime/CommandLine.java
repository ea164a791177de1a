package dev.stowage.host.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into arguments the way a POSIX shell does for the simple cases: whitespace separates,
 * single quotes keep everything literal, double quotes group, a backslash escapes the next character. No
 * variables, globs or pipes: the command is run directly, so that SIGTERM reaches it and not a shell.
 */
final class CommandLine {
    private CommandLine() {}

    static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArg = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\\' && i + 1 < line.length() && quote != '\'') {
                current.append(line.charAt(++i));
                inArg = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArg = false;
                }
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("Unclosed quote in the command line: " + line);
        }
        if (inArg) {
            args.add(current.toString());
        }
        return List.copyOf(args);
    }
}
