package dev.stowage.local.cloudwatch;

import static dev.stowage.local.cloudwatch.CloudWatchJsonTest.operation;
import static dev.stowage.local.cloudwatch.WireRequests.CLI_V2_DESCRIBE_ALARMS;
import static dev.stowage.local.cloudwatch.WireRequests.CLI_V2_PUT_METRIC_DATA;
import static dev.stowage.local.cloudwatch.WireRequests.QUERY_HEADERS;
import static dev.stowage.local.cloudwatch.WireRequests.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.wire.protocol.WireError;
import dev.stowage.wire.protocol.WireException;
import org.junit.jupiter.api.Test;

/**
 * The query-protocol codec against the requests the AWS CLI 2.9 sent ({@link WireRequests}), and its XML as
 * botocore's {@code QueryParser} expects it.
 */
class CloudWatchQueryTest {
    private static final CloudWatchWire QUERY = CloudWatchWire.QUERY;
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private static final String XMLNS = " xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"";
    private static final String METADATA = "<ResponseMetadata><RequestId>request-1</RequestId></ResponseMetadata>";

    @Test
    void xml_text_holds_only_what_xml_can() {
        // Issue 13: a quoted \u0000 made an ErrorResponse no client could parse.
        assertThat(QueryXml.xmlText("a\u0000b\uD800c\uD83D\uDE42\t")).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE42\t");
    }

    @Test
    void reads_the_clis_put_metric_data_into_the_input_shape() {
        CloudWatchWire.Call call = QUERY.read(post("/", QUERY_HEADERS, CLI_V2_PUT_METRIC_DATA));
        JsonNode datum = call.input().path("MetricData").path(0);

        assertThat(call.operation().name()).isEqualTo("PutMetricData");
        assertThat(call.input().path("Namespace").asText()).isEqualTo("App");
        assertThat(call.input().properties()).hasSize(2);
        assertThat(datum.path("MetricName").asText()).isEqualTo("m");
        assertThat(datum.path("Value").isDouble()).isTrue();
        assertThat(datum.path("Value").asDouble()).isEqualTo(1.5);
        assertThat(Members.instant(datum.path("Timestamp").asDouble())).hasToString("2026-01-01T00:00:00Z");
        assertThat(datum.at("/Dimensions/0/Name").asText()).isEqualTo("d");
        assertThat(datum.at("/Dimensions/0/Value").asText()).isEqualTo("v");
    }

    @Test
    void reads_lists_in_index_order_and_an_empty_name_as_an_empty_list() {
        CloudWatchWire.Call call = QUERY.read(post("/", QUERY_HEADERS, CLI_V2_DESCRIBE_ALARMS));
        ObjectNode empty = QUERY.read(post("/", QUERY_HEADERS, "Action=DeleteAlarms&Version=2010-08-01&AlarmNames="))
                .input();
        ObjectNode reordered = QUERY.read(post(
                        "/",
                        QUERY_HEADERS,
                        "Action=DeleteAlarms&Version=2010-08-01&AlarmNames.member.10=j&AlarmNames.member.2=b"))
                .input();

        assertThat(call.input().path("AlarmNames").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(empty.path("AlarmNames").isArray()).isTrue();
        assertThat(empty.path("AlarmNames")).isEmpty();
        assertThat(reordered.path("AlarmNames").toString()).isEqualTo("[\"b\",\"j\"]");
    }

    @Test
    void reads_values_as_their_shapes_types() {
        ObjectNode input = QUERY.read(post(
                        "/",
                        QUERY_HEADERS,
                        "Action=PutMetricAlarm&Version=2010-08-01&AlarmName=high&Period=60&Threshold=5"
                                + "&ActionsEnabled=false&AlarmDescription=a+b%26c&Unknown=1"))
                .input();

        assertThat(input.path("Period").isIntegralNumber()).isTrue();
        assertThat(input.path("Threshold").isDouble()).isTrue();
        assertThat(input.path("ActionsEnabled").isBoolean()).isTrue();
        assertThat(input.path("ActionsEnabled").asBoolean()).isFalse();
        assertThat(input.path("AlarmDescription").asText()).isEqualTo("a b&c");
        assertThat(input.has("Unknown")).isFalse();
    }

    @Test
    void reads_maps_from_their_entries() {
        ObjectNode input = QUERY.read(post(
                        "/",
                        QUERY_HEADERS,
                        "Action=PutMetricData&Version=2010-08-01&Namespace=App"
                                + "&EntityMetricData.member.1.Entity.KeyAttributes.entry.1.key=Type"
                                + "&EntityMetricData.member.1.Entity.KeyAttributes.entry.1.value=Service"))
                .input();

        assertThat(input.at("/EntityMetricData/0/Entity/KeyAttributes").toString())
                .isEqualTo("{\"Type\":\"Service\"}");
    }

    @Test
    void a_value_not_of_its_type_is_an_invalid_parameter_value() {
        WireException refused = catchThrowableOfType(
                WireException.class,
                () -> QUERY.read(
                        post("/", QUERY_HEADERS, "Action=GetMetricStatistics&Version=2010-08-01&Period=sixty")));

        assertThat(refused.error())
                .isEqualTo(new WireError(
                        "InvalidParameterValue", "The value sixty for parameter Period is invalid.", 400));
    }

    @Test
    void an_action_cloudwatch_does_not_have_is_an_invalid_action() {
        WireException refused = catchThrowableOfType(
                WireException.class,
                () -> QUERY.read(post("/", QUERY_HEADERS, "Action=DescribeAlarmHistory&Version=2010-08-01")));

        assertThat(refused.error().code()).isEqualTo("InvalidAction");
        assertThat(refused.error().status()).isEqualTo(400);
    }

    @Test
    void writes_the_result_with_members_entries_and_iso_timestamps() {
        ObjectNode output = Members.TREE.createObjectNode().put("Label", "m");
        ObjectNode datapoint = output.putArray("Datapoints")
                .addObject()
                .put("Timestamp", 1767225600.25)
                .put("Sum", 3.0)
                .put("Unit", "Count");
        datapoint.putObject("ExtendedStatistics").put("p99", 2.5);

        APIGatewayProxyResponseEvent response =
                QUERY.success(output, operation("GetMetricStatistics"), WireRequests.ANY);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/xml");
        assertThat(response.getBody())
                .isEqualTo(XML_DECLARATION + "<GetMetricStatisticsResponse" + XMLNS + "><GetMetricStatisticsResult>"
                        + "<Label>m</Label><Datapoints><member><Timestamp>2026-01-01T00:00:00.250Z</Timestamp>"
                        + "<Sum>3.0</Sum><Unit>Count</Unit><ExtendedStatistics><entry><key>p99</key><value>2.5</value>"
                        + "</entry></ExtendedStatistics></member></Datapoints></GetMetricStatisticsResult>" + METADATA
                        + "</GetMetricStatisticsResponse>");
    }

    @Test
    void writes_integers_and_booleans_as_the_shapes_say() {
        ObjectNode output = Members.TREE.createObjectNode();
        output.putArray("MetricAlarms")
                .addObject()
                .put("AlarmName", "high <1>")
                .put("ActionsEnabled", true)
                .put("Period", 60)
                .put("Threshold", 5.0);

        String body = QUERY.success(output, operation("DescribeAlarms"), WireRequests.ANY)
                .getBody();

        assertThat(body)
                .contains(
                        "<MetricAlarms><member><AlarmName>high &lt;1&gt;</AlarmName><ActionsEnabled>true</ActionsEnabled>"
                                + "<Period>60</Period><Threshold>5.0</Threshold></member></MetricAlarms>");
    }

    @Test
    void an_operation_without_output_answers_its_response_with_metadata_only() {
        String body = QUERY.success(null, operation("PutMetricData"), WireRequests.ANY)
                .getBody();

        assertThat(body)
                .isEqualTo(XML_DECLARATION + "<PutMetricDataResponse" + XMLNS + ">" + METADATA
                        + "</PutMetricDataResponse>");
    }

    @Test
    void errors_are_error_responses_with_query_codes() {
        APIGatewayProxyResponseEvent invalid =
                QUERY.failure(new WireError("InvalidParameterValue", "bad", 400), WireRequests.ANY);
        APIGatewayProxyResponseEvent signature =
                QUERY.failure(new WireError("InvalidSignatureException", "no match", 403), WireRequests.ANY);

        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(invalid.getBody())
                .isEqualTo(XML_DECLARATION + "<ErrorResponse" + XMLNS + "><Error><Type>Sender</Type>"
                        + "<Code>InvalidParameterValue</Code><Message>bad</Message></Error>"
                        + "<RequestId>request-1</RequestId></ErrorResponse>");
        assertThat(signature.getStatusCode()).isEqualTo(403);
        assertThat(signature.getBody()).contains("<Code>SignatureDoesNotMatch</Code><Message>no match</Message>");
    }
}
