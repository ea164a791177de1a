package dev.stowage.local.cloudwatch;

import dev.stowage.wire.protocol.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * CloudWatch requests as the clients sent them to a capturing server (2026-12-07): boto3 1.43.11 and the AWS CLI
 * 1.45.11 (botocore 1.43.11) and the JS SDK v3 3.1178 in JSON 1.0. Signature headers are left out: the codecs never
 * read them.
 */
final class WireRequests {
    static final CloudWatchRequest ANY = post("/", Map.of(), "");

    static final Map<String, String> BOTO3_HEADERS = Map.of(
            "X-Amz-Target", "GraniteServiceVersion20100801.PutMetricData",
            "Content-Type", "application/x-amz-json-1.0",
            "x-amzn-query-mode", "true",
            "Accept-Encoding", "identity");
    static final String BOTO3_PUT_METRIC_DATA = "{\"Namespace\": \"App\", \"MetricData\": [{\"MetricName\": \"m\","
            + " \"Value\": 1.5, \"Timestamp\": 1767225600, \"Dimensions\": [{\"Name\": \"d\", \"Value\": \"v\"}]}]}";

    static final Map<String, String> JS_HEADERS = Map.of(
            "x-amz-target", "GraniteServiceVersion20100801.DescribeAlarms",
            "content-type", "application/x-amz-json-1.0",
            "x-amzn-query-mode", "true");
    static final String JS_DESCRIBE_ALARMS = "{\"AlarmNames\":[\"a\"]}";

    private WireRequests() {}

    static CloudWatchRequest post(String path, Map<String, String> headers, String body) {
        return request("POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    static CloudWatchRequest request(String method, String path, Map<String, String> headers, byte[] body) {
        return new CloudWatchRequest(method, path, Headers.ofSingle(headers), body, "request-1");
    }
}
