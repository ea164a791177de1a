package dev.stowage.local.wiring;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.stowage.functions.api.ApiGatewayEvents;
import dev.stowage.local.cloudwatch.CloudWatchApi;
import dev.stowage.local.http.ProxyRefusal;
import dev.stowage.local.http.RawRequest;
import dev.stowage.wire.protocol.AwsJsonProtocol;
import dev.stowage.wire.protocol.Headers;
import dev.stowage.wire.protocol.ServiceModel;
import dev.stowage.wire.protocol.WireError;
import dev.stowage.wire.protocol.WireException;
import dev.stowage.wire.sigv4.SigV4Verifier;
import dev.stowage.wire.sigv4.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Local mode's stand-in for API Gateway's IAM authorization (ADR 5): a request reaches the handler only when
 * its SigV4 signature verifies against the local credentials, for the signing name of the service its target
 * names (SageMaker's runtime and unknown targets sign as {@code sagemaker}; the hosts' {@code StowageHost} as
 * {@code execute-api}; CloudWatch's requests, in any of its wires, as {@code monitoring}, refused in the request's
 * wire format). The JSON APIs and the runtime also accept {@code execute-api}, the name clients of the AWS deployment
 * sign with for API Gateway, so one client configuration works against both.
 */
final class SignatureGate implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final String DEFAULT_SIGNING_NAME = "sagemaker";
    /** What clients of the AWS deployment sign with (API Gateway's IAM authorization); accepted here as well. */
    private static final String API_GATEWAY_SIGNING_NAME = "execute-api";

    private final RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> next;
    private final SigV4Verifier verifier;
    private final AwsJsonProtocol protocol = AwsJsonProtocol.standard();

    SignatureGate(
            RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> next, SigV4Verifier verifier) {
        this.next = next;
        this.verifier = verifier;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        Headers headers = ApiGatewayEvents.headers(event);
        boolean cloudWatch = CloudWatchApi.serves(event);
        try {
            String signingName = cloudWatch
                    ? CloudWatchApi.SIGNING_NAME
                    : protocol.service(headers).map(ServiceModel::signingName).orElse(DEFAULT_SIGNING_NAME);
            verifier.verify(
                    signed(event, headers),
                    cloudWatch ? List.of(signingName) : List.of(signingName, API_GATEWAY_SIGNING_NAME));
        } catch (WireException refused) {
            return cloudWatch ? CloudWatchApi.refusal(event, refused.error()) : jsonRefusal(refused.error());
        }
        return next.handleRequest(event, context);
    }

    /**
     * A request refused before its body was read, in its protocol: CloudWatch's wire when its path and headers are
     * CloudWatch's, AWS JSON 1.1 when it names a target, else the runtime's REST JSON.
     */
    static APIGatewayProxyResponseEvent refusal(APIGatewayProxyRequestEvent head, WireError error) {
        return CloudWatchApi.refusalOfHead(head, error)
                .orElseGet(() -> ApiGatewayEvents.headers(head)
                                .first(AwsJsonProtocol.TARGET_HEADER)
                                .isPresent()
                        ? jsonRefusal(error)
                        : ProxyRefusal.json().refuse(head, error));
    }

    private static APIGatewayProxyResponseEvent jsonRefusal(WireError error) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(error.status())
                .withHeaders(Map.of(
                        "Content-Type", AwsJsonProtocol.CONTENT_TYPE, AwsJsonProtocol.ERROR_TYPE_HEADER, error.code()))
                .withBody(new String(AwsJsonProtocol.encodeError(error), StandardCharsets.UTF_8));
    }

    private static SignedRequest signed(APIGatewayProxyRequestEvent event, Headers headers) {
        Map<String, Object> raw =
                Objects.requireNonNullElse(event.getRequestContext().getAuthorizer(), Map.of());
        String rawPath = (String) raw.getOrDefault(RawRequest.RAW_PATH, event.getPath());
        String rawQuery = (String) raw.getOrDefault(RawRequest.RAW_QUERY, "");
        return new SignedRequest(event.getHttpMethod(), rawPath, rawQuery, headers, ApiGatewayEvents.body(event));
    }
}
