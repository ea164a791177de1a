package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CloudWatch's JSON 1.0 and query requests on the local port, signed by hand: they reach CloudWatch (signing name
 * {@code monitoring}) whatever their operation, and every refusal is in the request's own wire format.
 */
class CloudWatchWiresIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension();

    private static final String JSON_1_0 = "application/x-amz-json-1.0";
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    private static final String SECRET = RunningStowage.SECRET_KEY;

    @Test
    void a_target_cloudwatch_lacks_is_an_unknown_operation_not_a_signature_error() throws Exception {
        HttpResponse<String> response = send(signed(
                Map.of("X-Amz-Target", "GraniteServiceVersion20100801.DescribeAlarmHistory", "Content-Type", JSON_1_0),
                "{}",
                "monitoring",
                SECRET));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-query-error")).contains("UnknownOperationException;Sender");
        assertThat(response.body()).contains("UnknownOperationException");
    }

    @Test
    void bad_signatures_are_refused_in_each_wires_format() throws Exception {
        HttpResponse<String> json = send(signed(
                Map.of("X-Amz-Target", "GraniteServiceVersion20100801.ListMetrics", "Content-Type", JSON_1_0),
                "{}",
                "monitoring",
                "not-the-secret"));
        HttpResponse<String> query = send(
                signed(Map.of("Content-Type", FORM), "Action=ListMetrics&Version=2010-08-01", "sagemaker", SECRET));
        HttpResponse<String> unsigned = send(HttpRequest.newBuilder(URI.create(baseUri() + "/"))
                .header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString("Action=ListMetrics&Version=2010-08-01"))
                .build());

        assertThat(json.statusCode()).isEqualTo(403);
        assertThat(json.body())
                .contains("\"__type\":\"com.amazonaws.cloudwatch#InvalidSignatureException\"")
                .contains("The request signature we calculated does not match");
        assertThat(query.statusCode()).isEqualTo(403);
        assertThat(query.body())
                .startsWith("<?xml")
                .contains("<Code>SignatureDoesNotMatch</Code>")
                .contains("Credential should be scoped to correct service: 'monitoring'.");
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).contains("<Code>MissingAuthenticationToken</Code>");
    }

    private static HttpRequest signed(Map<String, String> headers, String body, String service, String secret) {
        return SignedJson.request(STOWAGE.running().baseUri(), headers, body, service, secret);
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String baseUri() {
        return STOWAGE.running().baseUri().toString();
    }
}
