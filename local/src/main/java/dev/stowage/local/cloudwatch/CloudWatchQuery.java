package dev.stowage.local.cloudwatch;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stowage.wire.protocol.Operation;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.WireError;
import dev.stowage.wire.protocol.WireException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CloudWatch's query protocol, as older SDKs and CLIs (the AWS CLI 2.9, botocore before CloudWatch's JSON) speak it:
 * {@code POST /} with {@code Content-Type: application/x-www-form-urlencoded} and {@code
 * Action=<Operation>&Version=2010-08-01&…} ({@link QueryInput}), answered in XML ({@link QueryXml}). An {@code
 * Action} CloudWatch does not have is {@code InvalidAction}. Thread-safe.
 */
final class CloudWatchQuery implements CloudWatchWire {
    static final String CONTENT_TYPE = "application/x-www-form-urlencoded";
    static final String VERSION = "2010-08-01";

    private final ServiceModel model;
    private final QueryInput input;
    private final QueryXml xml;

    CloudWatchQuery(ServiceModel model) {
        this.model = model;
        this.input = new QueryInput(model);
        this.xml = new QueryXml(model, "http://monitoring.amazonaws.com/doc/" + VERSION + "/");
    }

    /** Whether the request is a form post to {@code /}, as the query protocol's are (its body unread). */
    static boolean posted(CloudWatchRequest request) {
        return request.path().equals("/")
                && "POST".equals(request.method())
                && request.contentType().equals(CONTENT_TYPE);
    }

    /**
     * Whether the request is a form post to {@code /} with an {@code Action} of CloudWatch's API version, or one whose
     * body cannot be read at all (a broken gzip stream, a bad escape): CloudWatch then says so in XML, where before
     * the request fell through to the JSON APIs and was refused as a SageMaker signature (issue 13).
     */
    static boolean speaks(CloudWatchRequest request) {
        if (!posted(request)) {
            return false;
        }
        try {
            Map<String, String> form = form(request.body());
            return form.containsKey("Action")
                    && VERSION.equals(form.getOrDefault("Version", "").strip());
        } catch (WireException unreadable) {
            return true;
        }
    }

    @Override
    public Call read(CloudWatchRequest request) {
        Map<String, String> form = form(request.body());
        String action = form.getOrDefault("Action", "");
        Operation operation = model.operation(action).orElseThrow(() -> new WireError(
                        "InvalidAction", "The action " + action + " is not valid for this web service.", 400)
                .exception());
        return new Call(
                operation,
                operation.input() == null ? Members.TREE.createObjectNode() : input.read(form, operation.input()));
    }

    @Override
    public APIGatewayProxyResponseEvent success(
            @Nullable JsonNode output, Operation operation, CloudWatchRequest request) {
        return response(200, xml.response(operation.name(), output, operation.output(), request.requestId()));
    }

    @Override
    public APIGatewayProxyResponseEvent failure(WireError error, CloudWatchRequest request) {
        return response(error.status(), xml.error(error, request.requestId()));
    }

    /** The form's parameters (the first value of each name). */
    static Map<String, String> form(byte[] body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                out.putIfAbsent(
                        URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new WireError("MalformedQueryString", "The form parameter " + pair + " is not URL-encoded.", 400)
                        .exception();
            }
        }
        return out;
    }

    private static APIGatewayProxyResponseEvent response(int status, String body) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "text/xml"))
                .withBody(body);
    }
}
