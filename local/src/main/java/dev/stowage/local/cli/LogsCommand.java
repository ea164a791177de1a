package dev.stowage.local.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stowage logs COMPONENT [--follow] [--copy ID] [--tail N]}: the copy logs of an inference component of a
 * running local Stowage ({@code GET /stowage/logs}), printed as they come; with {@code --follow} until interrupted.
 * Without a component, the running {@code stowage up}'s own log file ({@link LogFileTail}).
 */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = "Show the logs of an inference component's copies in a running local Stowage: the last lines of"
                + " every copy, current and past, in time order (each line prefixed by its copy when there are"
                + " several), and with --follow the lines still to come, until Ctrl-C. Without COMPONENT, the log of"
                + " the running './stowage up' itself.")
public final class LogsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--url",
            description = "Where Stowage listens (default: the running './stowage up', found through its run file).")
    @Nullable
    String url;

    private static final int DEFAULT_TAIL = 200;

    private final RunFiles runFiles;

    /** Finding a running {@code up} through this user's run files when {@code --url} is not given. */
    public LogsCommand() {
        this(RunFiles.forUser());
    }

    LogsCommand(RunFiles runFiles) {
        this.runFiles = runFiles;
    }

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing lines as the copies write them.")
    boolean follow;

    @Option(names = "--copy", paramLabel = "ID", description = "Only this copy, e.g. my-component-c1.")
    @Nullable
    String copy;

    @Option(
            names = "--tail",
            paramLabel = "N",
            description = "How many of the last lines (default 200, at most 10000).")
    @Nullable
    Integer tail;

    @Parameters(
            arity = "0..1",
            paramLabel = "COMPONENT",
            description = "The inference component (default: the log of './stowage up' itself).")
    @Nullable
    String component;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (component == null) {
            return ownLog(err);
        }
        String url;
        try {
            url = runFiles.url(this.url);
        } catch (RunFiles.NotFound e) {
            err.println("stowage logs: " + e.getMessage());
            return 1;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/stowage/logs?" + query()))
                .build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                err.println("stowage logs: nothing answers at " + url + "; is './stowage up' running?");
                return 1;
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    err.println("stowage logs: " + new String(body.readAllBytes(), StandardCharsets.UTF_8).strip());
                    return 1;
                }
                print(body);
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return 130; // stopped while following, as Ctrl-C stops it
                }
                err.println("stowage logs: reading the logs from " + url + " failed: " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    private int ownLog(PrintWriter err) throws InterruptedException {
        if (url != null || copy != null) {
            err.println("stowage logs: --url and --copy need a COMPONENT; without one, logs shows the log file of the"
                    + " './stowage up' on this machine");
            return OneLineErrors.USAGE;
        }
        RunFile run;
        try {
            run = runFiles.one();
        } catch (RunFiles.NotFound e) {
            err.println("stowage logs: " + e.getMessage());
            return 1;
        }
        if (run.logFile() == null) {
            err.println("stowage logs: the Stowage at " + run.url() + " logs to its terminal, not to a file");
            return 1;
        }
        LogFileTail log = new LogFileTail(Path.of(run.logFile()));
        PrintWriter out = spec.commandLine().getOut();
        try {
            long end = log.last(tail == null ? DEFAULT_TAIL : tail, out);
            if (follow) {
                log.follow(end, out);
            }
        } catch (InterruptedException e) {
            return 130;
        } catch (IOException e) {
            err.println("stowage logs: cannot read " + run.logFile() + ": " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private void print(InputStream body) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            // An empty line is the server's keep-alive while following: no log line is empty.
            if (!line.isEmpty()) {
                out.println(line);
                out.flush();
            }
        }
    }

    private String query() {
        StringBuilder query = new StringBuilder("component=").append(encode(component));
        if (copy != null) {
            query.append("&copy=").append(encode(copy));
        }
        if (tail != null) {
            query.append("&tail=").append(tail);
        }
        if (follow) {
            query.append("&follow=true");
        }
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
