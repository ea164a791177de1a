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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** {@code stowage up} in process, with a test application: a request writes an item, its stream record arrives. */
class UpCommandTest {
    private static final Pattern READY = Pattern.compile("Stowage listening on (http://127\\.0\\.0\\.1:(\\d+))\\R");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void upServesTheApiAndFeedsTheStreamHandlers() throws Exception {
        NotesApplication application = new NotesApplication();
        UpCommand up = new UpCommand(() -> application);
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
            assertThat(out.toString()).isEqualTo(ready.group(0));
            URI base = URI.create(ready.group(1));
            assertThat(Integer.parseInt(ready.group(2))).isPositive();

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
    }

    @Test
    void upFailsClearlyWhenNoApplicationIsRegistered() {
        UpCommand up = new UpCommand(() -> LocalApplications.choose(List.of()));
        StringWriter err = new StringWriter();

        int exitCode = StowageCommand.commandLine(up)
                .setErr(new PrintWriter(err, true))
                .execute("up", "--port", "0");

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString()).startsWith("stowage up: no LocalApplication is registered");
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
