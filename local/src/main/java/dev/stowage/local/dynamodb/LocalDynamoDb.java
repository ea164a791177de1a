package dev.stowage.local.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.stowage.host.http.FreePort;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * DynamoDB Local running as a server on 127.0.0.1 only, with one shared database for every access key and region
 * ({@code -sharedDb}). In memory, or on disk in a directory so that the data survives a restart on the same
 * directory. The clients it hands out are thread-safe and closed by {@link #close()}.
 */
public final class LocalDynamoDb implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    private static final int BIND_ATTEMPTS = 5;

    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final SdkHttpClient httpClient;
    private final DynamoDbClient client;
    private final DynamoDbStreamsClient streams;

    private LocalDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://" + LOOPBACK + ":" + port);
        this.httpClient = Apache5HttpClient.builder().maxConnections(64).build();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        this.client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClient(httpClient)
                .build();
        this.streams = DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .httpClient(httpClient)
                .build();
    }

    /** Starts an in-memory database; its data is gone when it is closed. */
    public static LocalDynamoDb inMemory() {
        return start(null);
    }

    /** Starts a database stored in {@code dataDir} (created if missing); a later start on it sees the same data. */
    public static LocalDynamoDb onDisk(Path dataDir) {
        return start(dataDir);
    }

    /** In memory when {@code dataDir} is null, on disk otherwise. */
    public static LocalDynamoDb start(@Nullable Path dataDir) {
        Exception last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            int port = FreePort.onLoopback();
            try {
                DynamoDBProxyServer server = startServer(arguments(dataDir, port));
                return new LocalDynamoDb(server, port);
            } catch (Exception e) {
                last = e;
                if (!isBindFailure(e)) {
                    break;
                }
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start", last);
    }

    /**
     * DynamoDB Local prints its configuration banner on {@code System.out}, where {@code stowage up} promises one
     * line only; the banner goes to {@code System.err} instead while the server starts.
     */
    private static synchronized DynamoDBProxyServer startServer(String[] arguments) throws Exception {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(arguments);
            bindToLoopback(server);
            server.start();
            return server;
        } finally {
            System.setOut(stdout);
        }
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint;
    }

    /** A client for this database (region us-east-1, static credentials, Apache 5 HTTP client). */
    public DynamoDbClient client() {
        return client;
    }

    /** A DynamoDB Streams client for this database. */
    public DynamoDbStreamsClient streams() {
        return streams;
    }

    /** Closes the clients and stops the server; an on-disk database is flushed and kept. */
    @Override
    public void close() {
        client.close();
        streams.close();
        httpClient.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }

    private static String[] arguments(@Nullable Path dataDir, int port) throws IOException {
        List<String> args = new ArrayList<>();
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            Files.createDirectories(dataDir);
            args.add("-dbPath");
            args.add(dataDir.toAbsolutePath().toString());
        }
        args.addAll(List.of("-port", Integer.toString(port), "-disableTelemetry", "-sharedDb"));
        return args.toArray(String[]::new);
    }

    /**
     * DynamoDB Local has no option for the listen address and binds 0.0.0.0, which would expose an unauthenticated
     * database to the network. Its Jetty server is a private field of {@link DynamoDBProxyServer} with no accessor,
     * so reflection is the only way to give the connector a host before {@code start()} opens the socket.
     */
    private static void bindToLoopback(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost(LOOPBACK);
            } else {
                throw new IllegalStateException("unexpected Jetty connector " + connector.getClass());
            }
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
