package dev.stowage.testing.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * A loopback {@code HttpServer} to point a real AWS SDK v2 client at ({@code endpointOverride(server.endpoint())},
 * {@link #CREDENTIALS}, {@link #REGION}). It records every request and answers each with what the responder gives
 * (200 with no body until one is set). A body the SDK compressed ({@code Content-Encoding: gzip}, as CloudWatch's
 * PutMetricData is above 10 KB) is recorded uncompressed; the header stays. Safe for concurrent use; close it after the test.
 */
public final class CapturingAwsServer implements AutoCloseable {
    public static final Region REGION = Region.US_EAST_1;
    public static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret"));

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<CapturedRequest> requests = new ArrayList<>();
    private volatile Function<CapturedRequest, CannedResponse> responder = request -> CannedResponse.empty();

    private CapturingAwsServer(HttpServer server) {
        this.server = server;
    }

    public static CapturingAwsServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            CapturingAwsServer capturing = new CapturingAwsServer(http);
            http.createContext("/", capturing::handle);
            http.setExecutor(capturing.executor);
            http.start();
            return capturing;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    /** {@code builder} pointed at this server, with the test region and credentials. */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        return builder.endpointOverride(endpoint()).region(REGION).credentialsProvider(CREDENTIALS);
    }

    /** Answers every later request with what {@code responder} returns for it. */
    public void respond(Function<CapturedRequest, CannedResponse> responder) {
        this.responder = responder;
    }

    /** Every request so far, in arrival order. */
    public synchronized List<CapturedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests so far for one operation (see {@link CapturedRequest#operation()}). */
    public List<CapturedRequest> requests(String operation) {
        return requests().stream().filter(r -> r.operation().equals(operation)).toList();
    }

    public synchronized void clear() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = unzipped.readAllBytes();
                }
            }
            URI uri = exchange.getRequestURI();
            CapturedRequest request = new CapturedRequest(
                    exchange.getRequestMethod(),
                    uri.getRawPath(),
                    uri.getRawQuery() == null ? "" : uri.getRawQuery(),
                    exchange.getRequestHeaders(),
                    body);
            synchronized (this) {
                requests.add(request);
            }
            CannedResponse response;
            try {
                response = responder.apply(request);
            } catch (RuntimeException e) {
                response = new CannedResponse(500, Map.of(), String.valueOf(e).getBytes());
            }
            response.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders()
                    .add("x-amzn-RequestId", "req-" + requests().size());
            boolean noBody =
                    response.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
