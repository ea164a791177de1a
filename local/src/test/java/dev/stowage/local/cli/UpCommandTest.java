package dev.stowage.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.stowage.local.app.LocalApplication;
import dev.stowage.local.app.LocalApplications;
import dev.stowage.local.app.LocalEnvironment;
import dev.stowage.local.app.LocalHandlers;
import dev.stowage.local.app.StreamSubscription;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * {@code stowage up} in process, with a test application: a request writes an item, its stream record arrives; what it
 * prints, the run file that {@code stowage metrics} finds it by, and the options it refuses before starting (issue 13).
 */
class UpCommandTest {
    private static final Pattern READY = Pattern.compile("Stowage listening on (http://127\\.0\\.0\\.1:(\\d+))\\R");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path runDir;

    private final AtomicInteger applicationsBuilt = new AtomicInteger();

    @Test
    void upServesTheApiAndFeedsTheStreamHandlers() throws Exception {
        NotesApplication application = new NotesApplication();
        UpCommand up = new UpCommand(() -> application, new RunFiles(runDir), false);
        StringWriter out = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread running = Thread.ofVirtual()
                .start(() -> exitCode.set(StowageCommand.commandLine(up)
                        .setOut(new PrintWriter(out, true))
                        .execute("up", "--port", "0", "--account", "123456789012", "--region", "eu-west-1")));
        try {
            await(() -> READY.matcher(out.toString()).find());
            Matcher ready = READY.matcher(out.toString());
            assertThat(ready.find()).isTrue();
            assertThat(out.toString()).endsWith(ready.group(0));
            URI base = URI.create(ready.group(1));
            assertThat(Integer.parseInt(ready.group(2))).isPositive();
            assertThat(out.toString())
                    .contains("Console:      " + base + "/stowage/\n")
                    .contains("Region:       eu-west-1 (account 123456789012)\n")
                    .contains(
                            "export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=eu-west-1\n");

            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(base.resolve("/notes/first"))
                                    .PUT(HttpRequest.BodyPublishers.ofString("hello"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(204);
            await(() -> !application.seen.isEmpty());
            assertThat(application
                            .seen
                            .getFirst()
                            .getDynamodb()
                            .getNewImage()
                            .get("text")
                            .getS())
                    .isEqualTo("hello");
            assertThat(application.seen.getFirst().getAwsRegion()).isEqualTo("eu-west-1");
            assertThat(application.environment.get().account()).isEqualTo("123456789012");
            assertThat(application.environment.get().endpoint()).isEqualTo(base);
            assertThat(application.environment.get().credentials().accessKeyId())
                    .isEqualTo("test");
        } finally {
            up.stopAndWait();
            running.join(TIMEOUT);
        }
        assertThat(exitCode).hasValue(0);
        assertThat(application.closed).isTrue();
        Matcher ready = READY.matcher(out.toString());
        assertThat(ready.find()).isTrue();
        assertThat(ready.end())
                .as("nothing after the ready line, stopping included")
                .isEqualTo(out.toString().length());
    }

    @Test
    void metricsFindsTheRunningUpThroughItsRunFileUntilItStops() throws Exception {
        NotesApplication application = new NotesApplication();
        UpCommand up = new UpCommand(() -> application, new RunFiles(runDir), false);
        CommandLine stowage = StowageCommand.commandLine(countingUp());
        StringWriter upOut = new StringWriter();
        Thread running = Thread.ofVirtual().start(() -> StowageCommand.commandLine(up)
                .setOut(new PrintWriter(upOut, true))
                .execute("up", "--port", "0"));
        try {
            await(() -> READY.matcher(upOut.toString()).find());
            assertThat(new RunFiles(runDir).running()).singleElement().satisfies(run -> {
                assertThat(run.pid()).isEqualTo(ProcessHandle.current().pid());
                assertThat(upOut.toString()).contains("Stowage listening on " + run.url());
            });

            Output metrics = Output.of(stowage, "metrics", "CPUReservation");

            assertThat(metrics.status()).isZero();
            assertThat(metrics.out())
                    .startsWith("CPUReservation")
                    .contains("25.00")
                    .contains("InstanceId=i-1");
            assertThat(application.metricQueries).containsExactly("name=CPUReservation");
        } finally {
            up.stopAndWait();
            running.join(TIMEOUT);
        }
        assertThat(runDir).isEmptyDirectory();
        Output afterwards = Output.of(stowage, "metrics");
        assertThat(afterwards.status()).isEqualTo(1);
        assertThat(afterwards.err())
                .startsWith("stowage metrics: no running Stowage found")
                .hasLineCount(1);
    }

    @Test
    void anUnknownMetricIsOneLineListingTheKnownOnes() {
        Output metrics = Output.of(StowageCommand.commandLine(countingUp()), "metrics", "cpureservation");

        assertThat(metrics.status()).isEqualTo(2);
        assertThat(metrics.err())
                .startsWith("stowage metrics: no metric is named 'cpureservation' (did you mean CPUReservation?);")
                .contains("GPUReservation, MemoryReservation, Invocations")
                .hasLineCount(1);
    }

    @Test
    void aPortInUseIsOneLineAndNothingStarts() throws Exception {
        UpCommand up = countingUp();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Output refused = Output.of(StowageCommand.commandLine(up), "up", "--port", "" + taken.getLocalPort());

            assertThat(refused.status()).isEqualTo(2);
            assertThat(refused.err())
                    .isEqualTo("stowage up: port " + taken.getLocalPort() + " on 127.0.0.1 is in use (by another"
                            + " program, or another './stowage up'); choose another with --port, or --port 0 for a"
                            + " free one\n");
            assertThat(refused.out()).isEmpty();
        }
        assertThat(applicationsBuilt).as("applications built").hasValue(0);
        assertThat(runDir).isEmptyDirectory();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            --port|eighty|--port must be a whole number from 1 to 65535, or 0 for a free port, not 'eighty'
            --port|70000|--port must be a whole number from 1 to 65535, or 0 for a free port, not '70000'
            --time-scale|0|--time-scale must be a positive number (1 is real time, 60 runs a minute in a second), not '0'
            --time-scale|fast|--time-scale must be a positive number (1 is real time, 60 runs a minute in a second), not 'fast'
            --boot-delay|-5|--boot-delay must be a whole number of milliseconds, 0 or more, not '-5'
            """)
    void aValueItCannotTakeIsOneLineAndExitStatus2(String option, String value, String why) {
        UpCommand up = countingUp();

        Output refused = Output.of(StowageCommand.commandLine(up), "up", option, value);

        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).isEqualTo("stowage up: " + why + "; see 'stowage up --help'\n");
        assertThat(applicationsBuilt).as("applications built").hasValue(0);
    }

    @Test
    void anUnknownOptionIsOneLineWithASuggestion() {
        Output refused = Output.of(StowageCommand.commandLine(countingUp()), "up", "--data-directory", "x");

        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err())
                .isEqualTo("stowage up: Unknown options: '--data-directory', 'x' (did you mean --data-dir?);"
                        + " see 'stowage up --help'\n");
    }

    @Test
    void upFailsClearlyWhenNoApplicationIsRegistered() {
        UpCommand up = new UpCommand(() -> LocalApplications.choose(List.of()), new RunFiles(runDir), false);
        StringWriter err = new StringWriter();

        int exitCode = StowageCommand.commandLine(up)
                .setErr(new PrintWriter(err, true))
                .execute("up", "--port", "0");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).startsWith("stowage up: no LocalApplication is registered");
    }

    /** {@code up} on a {@link NotesApplication}, counting the applications it builds, its run files in {@link #runDir}. */
    private UpCommand countingUp() {
        return new UpCommand(
                () -> {
                    applicationsBuilt.incrementAndGet();
                    return new NotesApplication();
                },
                new RunFiles(runDir),
                false);
    }

    /** A command run in process, with its exit status and what it printed. */
    private record Output(int status, String out, String err) {
        static Output of(CommandLine command, String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            command.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
            int status = command.execute(args);
            return new Output(status, out.toString(), err.toString());
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + TIMEOUT);
            }
            Thread.sleep(10);
        }
    }

    /** A tiny application: PUT /notes/{id} stores a note; a stream handler sees each stored note. */
    private static final class NotesApplication implements LocalApplication {
        final AtomicReference<LocalEnvironment> environment = new AtomicReference<>();
        final List<DynamodbEvent.DynamodbStreamRecord> seen = new CopyOnWriteArrayList<>();
        final List<String> metricQueries = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        @Override
        public LocalHandlers setUp(LocalEnvironment env) {
            environment.set(env);
            env.dynamoDb().createTable(b -> b.tableName("notes")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName("id")
                            .attributeType(ScalarAttributeType.S)
                            .build())
                    .keySchema(KeySchemaElement.builder()
                            .attributeName("id")
                            .keyType(KeyType.HASH)
                            .build())
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> api = (request, context) -> {
                if (request.getPath().equals("/stowage/metrics")) {
                    metricQueries.add(request.getQueryStringParameters().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("&")));
                    return new APIGatewayProxyResponseEvent()
                            .withStatusCode(200)
                            .withBody("{\"Metrics\": [{\"MetricName\": \"CPUReservation\", \"Value\": 25.0,"
                                    + " \"Unit\": \"Percent\", \"Dimensions\": {\"InstanceId\": \"i-1\"},"
                                    + " \"Timestamp\": \"2026-01-01T00:00:00Z\"}]}");
                }
                String id = request.getPath().substring("/notes/".length());
                env.dynamoDb().putItem(b -> b.tableName("notes")
                        .item(Map.of("id", AttributeValue.fromS(id), "text", AttributeValue.fromS(request.getBody()))));
                return new APIGatewayProxyResponseEvent().withStatusCode(204);
            };
            RequestHandler<DynamodbEvent, StreamsEventResponse> consumer = (event, context) -> {
                seen.addAll(event.getRecords());
                return new StreamsEventResponse();
            };
            return new LocalHandlers(api, List.of(new StreamSubscription("notes", consumer)), () -> closed = true);
        }
    }
}
