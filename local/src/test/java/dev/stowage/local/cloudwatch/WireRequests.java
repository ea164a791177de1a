package dev.stowage.local.cloudwatch;

import dev.stowage.wire.protocol.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * CloudWatch requests as the clients sent them to a capturing server (2026-12-07): boto3 1.43.11 and the AWS CLI
 * 1.45.11 (botocore 1.43.11) and the JS SDK v3 3.1178 in JSON 1.0, the AWS CLI 2.9.19 (Debian 12) in the query
 * protocol. Signature headers are left out: the codecs never read them.
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

    static final Map<String, String> QUERY_HEADERS =
            Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
    static final String CLI_V2_PUT_METRIC_DATA = "Action=PutMetricData&Version=2010-08-01&Namespace=App"
            + "&MetricData.member.1.MetricName=m&MetricData.member.1.Value=1.5"
            + "&MetricData.member.1.Timestamp=2026-01-01T00%3A00%3A00Z"
            + "&MetricData.member.1.Dimensions.member.1.Name=d&MetricData.member.1.Dimensions.member.1.Value=v";
    static final String CLI_V2_DESCRIBE_ALARMS =
            "Action=DescribeAlarms&Version=2010-08-01&AlarmNames.member.1=a&AlarmNames.member.2=b";

    private WireRequests() {}

    static CloudWatchRequest post(String path, Map<String, String> headers, String body) {
        return request("POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    static CloudWatchRequest request(String method, String path, Map<String, String> headers, byte[] body) {
        return new CloudWatchRequest(method, path, Headers.ofSingle(headers), body, "request-1");
    }
}
