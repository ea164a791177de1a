package dev.stowage.local.console;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.stowage.local.http.StreamedProxyResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /stowage/logs?component=NAME[&copy=ID][&tail=N][&follow=true]} (read-only and unsigned, like {@link
 * LocalConsole}): the copy logs the hosts write under {@code logsDir} as {@code text/plain} — the last {@code tail}
 * lines (default 200, at most 10,000) of every copy of the component, current and past, or of one, in time order and
 * prefixed by {@code [copyId]} when several copies show; with {@code follow=true} the answer goes on, chunked, with
 * lines as they are written ({@link LogFollower}). A bad parameter is a 400, a component with no log (or an unknown
 * copy) a 404, each with a message. Every other request goes on to {@code next}.
 */
public final class LogConsole implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    static final String PATH = LocalConsole.PREFIX + "logs";
    private static final Map<String, String> TEXT = Map.of("Content-Type", "text/plain; charset=utf-8");

    private final Path logsDir;
    private final Duration poll;
    private final Duration keepAlive;
    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> next;

    /** Follows by reading the files four times a second, with a keep-alive line after 15 s of quiet. */
    public LogConsole(Path logsDir, RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> next) {
        this(logsDir, Duration.ofMillis(250), Duration.ofSeconds(15), next);
    }

    LogConsole(
            Path logsDir,
            Duration poll,
            Duration keepAlive,
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> next) {
        this.logsDir = logsDir;
        this.poll = poll;
        this.keepAlive = keepAlive;
        this.next = next;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        if (!"GET".equals(event.getHttpMethod()) || !PATH.equals(event.getPath())) {
            return next.handleRequest(event, context);
        }
        LogQuery query;
        try {
            query = LogQuery.of(Objects.requireNonNullElse(event.getQueryStringParameters(), Map.of()));
        } catch (IllegalArgumentException e) {
            return text(400, e.getMessage());
        }
        Optional<ComponentLogs> found = ComponentLogs.of(logsDir, query.component());
        if (found.isEmpty()) {
            return text(
                    404,
                    "No logs for inference component " + query.component()
                            + ": no copy of it has run on this Stowage.");
        }
        ComponentLogs logs = found.get();
        try {
            List<String> copies = logs.copyIds();
            if (query.copy() != null && !copies.contains(query.copy())) {
                return text(
                        404,
                        "Inference component " + query.component() + " has no copy " + query.copy() + "; its copies: "
                                + String.join(", ", copies.stream().sorted().toList()) + ".");
            }
            ComponentLogs.Tail tail = logs.tail(query.copy(), query.tail());
            if (!query.follow()) {
                return text(200, render(tail));
            }
            LogFollower follower = new LogFollower(logs, query.copy(), tail.positions(), poll, keepAlive);
            return new StreamedProxyResponse(200, TEXT, out -> {
                out.write(render(tail).getBytes(StandardCharsets.UTF_8));
                out.flush();
                follower.run(out);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the logs of " + query.component(), e);
        }
    }

    private static String render(ComponentLogs.Tail tail) {
        StringBuilder text = new StringBuilder();
        tail.lines().forEach(line -> text.append(line.render(tail.prefixed())).append('\n'));
        return text.toString();
    }

    private static APIGatewayProxyResponseEvent text(int status, String message) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(TEXT)
                .withBody(status == 200 ? message : message + "\n");
    }
}
