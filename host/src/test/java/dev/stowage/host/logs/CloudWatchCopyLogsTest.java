package dev.stowage.host.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.host.runtime.CopyLog;
import dev.stowage.testing.aws.CannedResponse;
import dev.stowage.testing.aws.CapturedRequest;
import dev.stowage.testing.aws.CapturingAwsServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** Copy logs shipped to CloudWatch Logs, checked on the JSON requests the real SDK client sends. */
class CloudWatchCopyLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final String GROUP = "/stowage/inference-components/ic";

    @TempDir
    Path dir;

    private final CapturingAwsServer server = CapturingAwsServer.start();
    private final CloudWatchLogsClient client = server.configure(CloudWatchLogsClient.builder())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();
    private final CloudWatchCopyLogs sink = new CloudWatchCopyLogs(
            client,
            CloudWatchCopyLogs.DEFAULT_GROUP_PREFIX,
            "i-1",
            Duration.ofHours(1),
            Clock.offset(CLOCK, Duration.ofSeconds(5)));

    @AfterEach
    void close() {
        sink.close();
        client.close();
        server.close();
    }

    private static CannedResponse error(String type) {
        return CannedResponse.json(400, "{\"__type\":\"" + type + "\",\"message\":\"" + type + "\"}");
    }

    private static JsonNode body(CapturedRequest request) {
        try {
            return JSON.readTree(request.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_missing_group_and_stream_are_created_and_every_line_of_the_file_is_shipped_in_order() throws Exception {
        server.respond(request -> switch (request.operation()) {
            case "CreateLogStream" ->
                server.requests("CreateLogStream").size() == 1
                        ? error("ResourceNotFoundException")
                        : CannedResponse.json(200, "{}");
            case "CreateLogGroup" -> error("ResourceAlreadyExistsException");
            default -> CannedResponse.json(200, "{\"nextSequenceToken\":\"1\"}");
        });
        CopyLog log = CopyLog.open(dir.resolve("ic/copy-1.log"), CLOCK);
        log.line("before following: not shipped");
        CopyLogSink.Following following = sink.follow("ic", "copy-1", log.file());

        log.line("loading copy copy-1");
        Files.writeString(log.file(), "child says hi\n", StandardOpenOption.APPEND);
        Files.writeString(log.file(), "a line still being writ", StandardOpenOption.APPEND);
        sink.flush();

        assertThat(server.requests())
                .extracting(CapturedRequest::operation)
                .containsExactly("CreateLogStream", "CreateLogGroup", "CreateLogStream", "PutLogEvents");
        CapturedRequest put = server.requests("PutLogEvents").getFirst();
        assertThat(put.header("x-amz-target")).contains("Logs_20140328.PutLogEvents");
        JsonNode body = body(put);
        assertThat(body.path("logGroupName").asText()).isEqualTo(GROUP);
        assertThat(body.path("logStreamName").asText()).isEqualTo("i-1/copy-1");
        assertThat(body.path("logEvents").findValuesAsText("message"))
                .containsExactly("2026-11-25T10:00:00Z loading copy copy-1", "child says hi");
        assertThat(body.path("logEvents").findValues("timestamp"))
                .extracting(JsonNode::asLong)
                .containsExactly(T0.toEpochMilli(), T0.plusSeconds(5).toEpochMilli());

        Files.writeString(log.file(), "ten\n", StandardOpenOption.APPEND);
        following.close();
        assertThat(server.requests("CreateLogStream")).hasSize(2);
        assertThat(body(server.requests("PutLogEvents").get(1))
                        .path("logEvents")
                        .findValuesAsText("message"))
                .containsExactly("a line still being written");
        log.line("after closing: not shipped");
        sink.flush();
        assertThat(server.requests("PutLogEvents")).hasSize(2);
    }

    @Test
    void a_group_this_host_creates_keeps_events_for_the_deployments_retention() throws Exception {
        server.respond(request -> request.operation().equals("CreateLogStream")
                        && server.requests("CreateLogStream").size() == 1
                ? error("ResourceNotFoundException")
                : CannedResponse.json(200, "{}"));
        try (CloudWatchCopyLogs kept = new CloudWatchCopyLogs(
                client, CloudWatchCopyLogs.DEFAULT_GROUP_PREFIX, "i-1", Duration.ofHours(1), CLOCK, 30)) {
            CopyLog log = CopyLog.open(dir.resolve("ic/copy-3.log"), CLOCK);
            kept.follow("ic", "copy-3", log.file());
            log.line("loading");
            kept.flush();
        }
        assertThat(server.requests())
                .extracting(CapturedRequest::operation)
                .containsSubsequence("CreateLogGroup", "PutRetentionPolicy", "CreateLogStream", "PutLogEvents");
        JsonNode retention = body(server.requests("PutRetentionPolicy").getFirst());
        assertThat(retention.path("logGroupName").asText()).isEqualTo(GROUP);
        assertThat(retention.path("retentionInDays").asInt()).isEqualTo(30);
    }

    @Test
    void a_failed_send_is_retried_on_the_next_round_and_batches_keep_to_ten_thousand_events() throws Exception {
        AtomicBoolean refuse = new AtomicBoolean(true);
        server.respond(request -> request.operation().equals("PutLogEvents") && refuse.get()
                ? error("ServiceUnavailableException")
                : CannedResponse.json(200, "{}"));
        CopyLog log = CopyLog.open(dir.resolve("ic/copy-2.log"), CLOCK);
        sink.follow("ic", "copy-2", log.file());
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 10_001; i++) {
            many.append("line ").append(i).append('\n');
        }
        Files.writeString(log.file(), many, StandardOpenOption.APPEND);

        sink.flush();
        refuse.set(false);
        sink.flush();

        List<CapturedRequest> puts = server.requests("PutLogEvents");
        assertThat(puts).hasSize(3);
        assertThat(body(puts.get(1)).path("logEvents")).hasSize(10_000);
        assertThat(body(puts.get(2)).path("logEvents")).hasSize(1);
        assertThat(body(puts.get(2)).path("logEvents").path(0).path("message").asText())
                .isEqualTo("line 10000");
    }

    @Test
    void batches_keep_under_a_megabyte_and_long_lines_are_cut() {
        String line = "x".repeat(300 * 1024);
        List<InputLogEvent> events = IntStream.range(0, 6)
                .mapToObj(i -> InputLogEvent.builder()
                        .timestamp(1L)
                        .message(LogBatch.fit(line))
                        .build())
                .toList();

        List<List<InputLogEvent>> batches = LogBatch.split(events);

        assertThat(events.getFirst().message()).hasSize(LogBatch.MAX_MESSAGE_BYTES);
        assertThat(batches).extracting(List::size).containsExactly(4, 2);
    }
}
