package dev.stowage.host.runtime;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code process:<command line>}, or any image with the command line in {@code STOWAGE_COMMAND} (split as {@link
 * CommandLine} says, so arguments may be quoted; through the API the only way to pass arguments, as an image may
 * hold no whitespace): a child process that serves the container contract on the port in {@code SAGEMAKER_BIND_TO_PORT} (also {@code PORT}). It inherits the host's
 * environment plus the copy's; {@code STOWAGE_MODEL_DIR} names the artifact folder when there is one. Its stdout
 * and stderr go to the copy's log. Stopping sends SIGTERM, then SIGKILL once the grace has passed.
 */
final class ProcessRuntime implements ModelRuntime {
    static final String PREFIX = "process:";
    static final String COMMAND = "STOWAGE_COMMAND";

    private final List<String> command;

    ProcessRuntime(String commandLine) {
        this.command = CommandLine.split(commandLine);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("The process image has no command.");
        }
    }

    /** The program and its arguments. */
    List<String> command() {
        return command;
    }

    @Override
    public RunningModel start(Launch launch) throws IOException {
        int port = launch.port();
        Path artifactDir = launch.artifactDir();
        CopyLog log = launch.log();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.file().toFile()));
        Map<String, String> env = builder.environment();
        env.putAll(launch.environment());
        env.put("SAGEMAKER_BIND_TO_PORT", String.valueOf(port));
        env.put("PORT", String.valueOf(port));
        if (artifactDir != null) {
            env.put("STOWAGE_MODEL_DIR", artifactDir.toString());
            builder.directory(artifactDir.toFile());
        }
        log.line("starting " + String.join(" ", command));
        Process process = builder.start();
        log.line("started pid " + process.pid());
        URI baseUrl = URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port);
        return new Child(process, baseUrl, log);
    }

    private static final class Child implements RunningModel {
        private final Process process;
        private final URI baseUrl;
        private final CopyLog log;
        private volatile boolean stopping;

        Child(Process process, URI baseUrl, CopyLog log) {
            this.process = process;
            this.baseUrl = baseUrl;
            this.log = log;
        }

        @Override
        public URI baseUrl() {
            return baseUrl;
        }

        @Override
        public Optional<String> exited() {
            return process.isAlive()
                    ? Optional.empty()
                    : Optional.of("The process exited with code " + process.exitValue() + ".");
        }

        @Override
        public void onExit(Consumer<String> whenGone) {
            process.onExit().thenRun(() -> {
                if (!stopping) {
                    exited().ifPresent(whenGone);
                }
            });
        }

        @Override
        public void stop(Duration grace) {
            stopping = true;
            if (!process.isAlive()) {
                return;
            }
            log.line("sending SIGTERM to pid " + process.pid());
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                    log.line("still running after " + grace + ": sending SIGKILL");
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            log.line("pid " + process.pid() + " ended");
        }
    }
}
