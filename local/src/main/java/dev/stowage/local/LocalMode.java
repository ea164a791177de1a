package dev.stowage.local;

import dev.stowage.local.app.LocalApplication;
import dev.stowage.local.app.LocalEnvironment;
import dev.stowage.local.app.LocalHandlers;
import dev.stowage.local.app.StreamSubscription;
import dev.stowage.local.dynamodb.LocalDynamoDb;
import dev.stowage.local.http.LocalHttpServer;
import dev.stowage.local.stream.StreamPoller;
import dev.stowage.local.stream.StreamPollerConfig;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;

/**
 * Local mode running: DynamoDB Local, the application's stream pollers and the HTTP server, in one JVM. {@link
 * #close()} stops them in reverse order of start.
 */
public final class LocalMode implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalMode.class.getName());

    private final Deque<AutoCloseable> started;
    private final LocalHttpServer http;
    private final URI dynamoDb;

    private LocalMode(Deque<AutoCloseable> started, LocalHttpServer http, URI dynamoDb) {
        this.started = started;
        this.http = http;
        this.dynamoDb = dynamoDb;
    }

    /**
     * Starts everything; when this returns the API serves requests and the pollers run. A port that cannot be listened
     * on fails before anything else starts.
     */
    public static LocalMode start(LocalModeOptions options, LocalApplication application) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        // The HTTP server is bound first, so that a port in use fails before DynamoDB Local starts and the application
        // knows its URL, but it is stopped first: it stays out of the stack.
        LocalHttpServer http = LocalHttpServer.bind(options.port(), options.region(), options.account());
        try {
            LocalDynamoDb db = push(started, LocalDynamoDb.start(options.dataDir()));
            LocalEnvironment environment = new LocalEnvironment(
                    db.client(),
                    db.streams(),
                    Region.of(options.region()),
                    options.account(),
                    AwsBasicCredentials.create(options.accessKey(), options.secretKey()),
                    Clock.systemUTC(),
                    http.baseUri(),
                    options.dataDir());
            LocalHandlers handlers = application.setUp(environment);
            push(started, handlers.resources());
            StreamPollerConfig config =
                    StreamPollerConfig.defaults().withRegionAndAccount(options.region(), options.account());
            for (StreamSubscription subscription : handlers.streams()) {
                push(
                        started,
                        StreamPoller.start(
                                subscription.tableName(),
                                subscription.handler(),
                                db.client(),
                                db.streams(),
                                config,
                                StreamPoller.logFailures()));
            }
            http.serve(handlers.api(), handlers.refusal());
            return new LocalMode(started, http, db.endpoint());
        } catch (RuntimeException | Error e) {
            http.close();
            closeAll(started);
            throw e;
        }
    }

    /** The base URL of the API, {@code http://127.0.0.1:<port>}. */
    public URI baseUri() {
        return http.baseUri();
    }

    /** Where DynamoDB Local listens, {@code http://127.0.0.1:<port>}. */
    public URI dynamoDbEndpoint() {
        return dynamoDb;
    }

    /** Stops the HTTP server, the pollers, the application's resources and DynamoDB Local, in that order. */
    @Override
    public void close() {
        http.close();
        closeAll(started);
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> started, T resource) {
        started.push(resource);
        return resource;
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing " + resource + " failed", e);
            }
        }
    }
}
