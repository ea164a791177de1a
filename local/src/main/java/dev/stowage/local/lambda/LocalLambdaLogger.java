package dev.stowage.local.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;

/** A {@link LambdaLogger} that writes to the JDK's {@link System.Logger} named after the function. */
final class LocalLambdaLogger implements LambdaLogger {
    private final System.Logger logger;

    LocalLambdaLogger(String functionName) {
        this.logger = System.getLogger("lambda." + functionName);
    }

    @Override
    public void log(String message) {
        logger.log(System.Logger.Level.INFO, message);
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void log(String message, LogLevel level) {
        logger.log(toSystemLevel(level), message);
    }

    private static System.Logger.Level toSystemLevel(LogLevel level) {
        return switch (level) {
            case TRACE -> System.Logger.Level.TRACE;
            case DEBUG -> System.Logger.Level.DEBUG;
            case INFO, UNDEFINED -> System.Logger.Level.INFO;
            case WARN -> System.Logger.Level.WARNING;
            case ERROR, FATAL -> System.Logger.Level.ERROR;
        };
    }
}
