package dev.stowage.local.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps {@code stowage up}'s terminal quiet once it is ready: every log record of the JVM (the JDK's {@link
 * System.Logger} and {@code java.util.logging}, which Stowage, the AWS SDK and SQLite use) at INFO and above goes to a
 * file, one line each, and whatever a library prints on {@code System.out} or {@code System.err} (DynamoDB Local's
 * banner, SLF4J's notice) goes there too. Only errors (SEVERE) also reach the terminal, one line each, pointing at the
 * file. Global to the JVM: {@code up} installs it once, before anything starts.
 */
final class LogFile {
    /** A file grows to this size, then starts afresh. */
    private static final int LIMIT_BYTES = 16 * 1024 * 1024;

    private LogFile() {}

    /**
     * Routes the JVM's logs and stray output to {@code file} (appended to), and its errors to {@code terminal} too.
     *
     * @throws IOException when the file cannot be opened
     */
    static void route(Path file, PrintStream terminal) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileHandler handler = new FileHandler(file.toString(), LIMIT_BYTES, 1, true);
        handler.setFormatter(new OneLine());
        handler.setLevel(Level.INFO);
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(handler);
        root.addHandler(new Terminal(terminal, file));
        System.setOut(
                new PrintStream(new LineLogger(Logger.getLogger("stdout"), Level.INFO), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(
                new LineLogger(Logger.getLogger("stderr"), Level.WARNING), true, StandardCharsets.UTF_8));
    }

    /** {@code 2026-12-07T21:06:13.123Z WARNING logger: message}, then the stack trace if any. */
    static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder()
                    .append(Instant.ofEpochMilli(record.getMillis()))
                    .append(' ')
                    .append(record.getLevel().getName())
                    .append(' ')
                    .append(record.getLoggerName())
                    .append(": ")
                    .append(formatMessage(record))
                    .append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }

    /** Errors on the terminal, one line each: {@code stowage: <message> (see <file>)}. */
    private static final class Terminal extends Handler {
        private final PrintStream terminal;
        private final Path file;

        Terminal(PrintStream terminal, Path file) {
            this.terminal = terminal;
            this.file = file;
            setLevel(Level.SEVERE);
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                String message = new OneLine().formatMessage(record);
                terminal.println("stowage: " + message.lines().findFirst().orElse("") + " (see " + file + ")");
                terminal.flush();
            }
        }

        @Override
        public void flush() {
            terminal.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }

    /** An output stream that logs each line written to it. */
    private static final class LineLogger extends OutputStream {
        private final Logger logger;
        private final Level level;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineLogger(Logger logger, Level level) {
            this.logger = logger;
            this.level = level;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                flushLine();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void flush() {
            // lines are logged whole, when they end
        }

        private void flushLine() {
            String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
            line.reset();
            if (!text.isEmpty()) {
                logger.log(level, text);
            }
        }
    }
}
