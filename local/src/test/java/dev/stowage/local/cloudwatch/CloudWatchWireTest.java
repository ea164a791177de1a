package dev.stowage.local.cloudwatch;

import static dev.stowage.local.cloudwatch.WireRequests.BOTO3_HEADERS;
import static dev.stowage.local.cloudwatch.WireRequests.BOTO3_PUT_METRIC_DATA;
import static dev.stowage.local.cloudwatch.WireRequests.CLI_V2_DESCRIBE_ALARMS;
import static dev.stowage.local.cloudwatch.WireRequests.QUERY_HEADERS;
import static dev.stowage.local.cloudwatch.WireRequests.post;
import static dev.stowage.local.cloudwatch.WireRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stowage.wire.protocol.WireException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Which wire a request speaks, decided before its signature is checked, and gzipped bodies. */
class CloudWatchWireTest {
    private static final Map<String, String> CBOR_HEADERS = Map.of("smithy-protocol", "rpc-v2-cbor");

    @Test
    void each_wire_is_told_by_its_path_target_or_form() {
        assertThat(CloudWatchWire.of(post(CloudWatchRpc.PATH_PREFIX + "ListMetrics", CBOR_HEADERS, "")))
                .contains(CloudWatchWire.RPC);
        assertThat(CloudWatchWire.of(post("/", BOTO3_HEADERS, BOTO3_PUT_METRIC_DATA)))
                .contains(CloudWatchWire.JSON);
        assertThat(CloudWatchWire.of(post("/", QUERY_HEADERS, CLI_V2_DESCRIBE_ALARMS)))
                .contains(CloudWatchWire.QUERY);
    }

    @Test
    void an_unknown_granite_target_is_still_cloudwatchs() {
        Map<String, String> headers = new HashMap<>(BOTO3_HEADERS);
        headers.put("X-Amz-Target", "GraniteServiceVersion20100801.NoSuchOperation");

        assertThat(CloudWatchWire.of(post("/", headers, "{}"))).contains(CloudWatchWire.JSON);
        // Issue 13: a target without its operation, or in another case, got a SageMaker signature error.
        headers.put("X-Amz-Target", "graniteserviceversion20100801.listmetrics");
        assertThat(CloudWatchWire.of(post("/", headers, "{}"))).contains(CloudWatchWire.JSON);
        headers.put("X-Amz-Target", "GraniteServiceVersion20100801");
        assertThat(CloudWatchWire.of(post("/", headers, "{}"))).contains(CloudWatchWire.JSON);
        headers.put("X-Amz-Target", "");
        assertThat(CloudWatchWire.of(post("/", headers, "{}"))).contains(CloudWatchWire.JSON);
    }

    @Test
    void other_services_requests_are_not_cloudwatchs() {
        Map<String, String> sageMaker =
                Map.of("X-Amz-Target", "SageMaker.ListModels", "Content-Type", "application/x-amz-json-1.1");

        assertThat(CloudWatchWire.of(post("/", sageMaker, "{}"))).isEmpty();
        assertThat(CloudWatchWire.of(post("/host", BOTO3_HEADERS, "{}"))).isEmpty();
        assertThat(CloudWatchWire.of(post("/", QUERY_HEADERS, "Action=DescribeAlarms&Version=2011-01-01")))
                .isEmpty();
        assertThat(CloudWatchWire.of(post("/", QUERY_HEADERS, "Version=2010-08-01")))
                .isEmpty();
        assertThat(CloudWatchWire.of(post("/", Map.of(), CLI_V2_DESCRIBE_ALARMS)))
                .isEmpty();
        assertThat(CloudWatchWire.of(request("GET", "/", QUERY_HEADERS, bytes(CLI_V2_DESCRIBE_ALARMS))))
                .isEmpty();
    }

    @Test
    void a_gzipped_body_is_read_inflated_on_every_wire() {
        Map<String, String> json = new HashMap<>(BOTO3_HEADERS);
        json.put("Content-Encoding", "gzip");
        Map<String, String> query = new HashMap<>(QUERY_HEADERS);
        query.put("Content-Encoding", "gzip");

        CloudWatchRequest jsonRequest = request("POST", "/", json, gzip(bytes(BOTO3_PUT_METRIC_DATA)));
        CloudWatchRequest queryRequest = request("POST", "/", query, gzip(bytes(CLI_V2_DESCRIBE_ALARMS)));

        assertThat(CloudWatchWire.JSON
                        .read(jsonRequest)
                        .input()
                        .path("Namespace")
                        .asText())
                .isEqualTo("App");
        assertThat(CloudWatchWire.of(queryRequest)).contains(CloudWatchWire.QUERY);
        assertThat(CloudWatchWire.QUERY.read(queryRequest).input().path("AlarmNames"))
                .hasSize(2);
    }

    @Test
    void a_broken_or_oversize_gzip_body_is_refused() {
        Map<String, String> headers = new HashMap<>(BOTO3_HEADERS);
        headers.put("Content-Encoding", "gzip");
        CloudWatchRequest broken = request("POST", "/", headers, bytes("not gzip"));
        CloudWatchRequest bomb = request("POST", "/", headers, gzip(new byte[CloudWatchRequest.MAX_INFLATED + 1]));

        assertThat(catchThrowableOfType(WireException.class, broken::body)
                        .error()
                        .code())
                .isEqualTo("SerializationException");
        assertThat(catchThrowableOfType(WireException.class, bomb::body).error().status())
                .isEqualTo(413);
    }

    @Test
    void a_form_post_whose_body_cannot_be_read_is_still_the_query_protocols() {
        // Issue 13: a form marked gzip that is not fell through to the JSON APIs and got a SageMaker signature error.
        Map<String, String> headers = new HashMap<>(QUERY_HEADERS);
        headers.put("Content-Encoding", "gzip");

        assertThat(CloudWatchWire.of(request("POST", "/", headers, bytes(CLI_V2_DESCRIBE_ALARMS))))
                .contains(CloudWatchWire.QUERY);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
