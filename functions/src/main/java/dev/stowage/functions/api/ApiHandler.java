package dev.stowage.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stowage.domain.CommandRejected;
import dev.stowage.domain.store.ConcurrencyConflict;
import dev.stowage.domain.store.EventTooLarge;
import dev.stowage.functions.config.Environment;
import dev.stowage.functions.ec2.Ec2HostVerifier;
import dev.stowage.wire.protocol.AwsJsonProtocol;
import dev.stowage.wire.protocol.JsonRequest;
import dev.stowage.wire.protocol.ModelledMembers;
import dev.stowage.wire.protocol.RequestValidator;
import dev.stowage.wire.protocol.WireError;
import dev.stowage.wire.protocol.WireException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The control-plane Lambda behind API Gateway: parse the AWS JSON 1.1 request, validate it against the
 * service model, run the operation, encode the answer. Signatures are checked before it (API Gateway's IAM
 * authorization on AWS, the local server in local mode). A rejected request writes nothing. The hosts' service
 * ({@code StowageHost}) is served on {@code POST} {@value #HOST_PATH} only, every other service on {@code POST /}
 * only; another method or path is an unknown operation.
 */
public final class ApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final Logger LOG = Logger.getLogger(ApiHandler.class.getName());

    /** The path of the hosts' operations ({@link HostApi}). */
    public static final String HOST_PATH = "/host";

    private final AwsJsonProtocol protocol;
    private final Map<String, Served> services = new HashMap<>();
    private final OperationMetrics metrics;

    /** A service with the validator of its model. */
    /** A service, how its requests are checked, and the members of its requests that are kept. */
    private record Served(ServiceApi api, RequestValidator validator, ModelledMembers members) {}

    /** The operation a request named, once it parsed: what its metrics are recorded under. */
    private static final class NamedOperation {
        String name = OperationMetrics.UNPARSED;
    }

    /**
     * Lambda's entry point: clients and configuration come from the environment, once per container; hosts are
     * checked to be the instances they report for.
     */
    public ApiHandler() {
        this(
                ApiWiring.fromEnvironment()
                        .withHostVerifier(Ec2HostVerifier.fromEnvironment(Environment.variables()))
                        .services(),
                OperationMetrics.emf());
    }

    public ApiHandler(List<ServiceApi> apis) {
        this(apis, OperationMetrics.NONE);
    }

    public ApiHandler(List<ServiceApi> apis, OperationMetrics metrics) {
        this.metrics = metrics;
        this.protocol = new AwsJsonProtocol(apis.stream().map(ServiceApi::model).toList());
        apis.forEach(api -> services.put(
                api.model().targetPrefix(),
                new Served(api, RequestValidator.forModel(api.model()), new ModelledMembers(api.model()))));
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        long started = System.nanoTime();
        String requestId = Optional.ofNullable(event.getRequestContext())
                .map(c -> c.getRequestId())
                .orElseGet(() -> UUID.randomUUID().toString());
        NamedOperation operation = new NamedOperation();
        APIGatewayProxyResponseEvent response = serve(event, requestId, operation);
        metrics.record(operation.name, response.getStatusCode(), Duration.ofNanos(System.nanoTime() - started));
        return response;
    }

    private APIGatewayProxyResponseEvent serve(
            APIGatewayProxyRequestEvent event, String requestId, NamedOperation named) {
        @Nullable Served served = null;
        try {
            JsonRequest request = protocol.parse(ApiGatewayEvents.headers(event), ApiGatewayEvents.body(event));
            named.name =
                    request.service().targetPrefix() + "." + request.operation().name();
            boolean host = onHostPath(event);
            if (!"POST".equalsIgnoreCase(event.getHttpMethod())
                    || !(host || onRootPath(event))
                    || host != request.service().targetPrefix().equals(HostApi.TARGET_PREFIX)) {
                throw AwsJsonProtocol.unknownOperation(named.name).exception();
            }
            served = services.get(request.service().targetPrefix());
            String operation = request.operation().name();
            served.validator().check(operation, request.body());
            ObjectNode input = served.members().of(operation, request.body());
            ObjectNode output = served.api()
                    .invoke(operation, input, requestId, ApiGatewayEvents.caller(event))
                    .orElseThrow(
                            () -> AwsJsonProtocol.unknownOperation(named.name).exception());
            return respond(200, AwsJsonProtocol.encode(output), requestId, Optional.empty());
        } catch (WireException e) {
            return error(e.error(), requestId);
        } catch (CommandRejected e) {
            return error(served == null ? ErrorCodes.sageMaker(e) : served.api().error(e), requestId);
        } catch (EventTooLarge e) {
            return error(WireError.validation(e.getMessage()), requestId);
        } catch (ConcurrencyConflict e) {
            // Only an operation appends, so its service is known by now.
            return error(Objects.requireNonNull(served).api().conflict(e), requestId);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "request " + requestId + " failed", e);
            return error(
                    new WireError(
                            "InternalFailure",
                            "The request processing has failed because of an" + " unknown error, exception or failure.",
                            500),
                    requestId);
        }
    }

    private static APIGatewayProxyResponseEvent error(WireError error, String requestId) {
        return respond(error.status(), AwsJsonProtocol.encodeError(error), requestId, Optional.of(error.code()));
    }

    private static APIGatewayProxyResponseEvent respond(
            int status, byte[] body, String requestId, Optional<String> errorType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", AwsJsonProtocol.CONTENT_TYPE);
        headers.put("x-amzn-RequestId", requestId);
        errorType.ifPresent(type -> headers.put(AwsJsonProtocol.ERROR_TYPE_HEADER, type));
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(new String(body, StandardCharsets.UTF_8));
    }

    /** Whether the request came on the API's root, where the JSON services are served (only there and on /host). */
    private static boolean onRootPath(APIGatewayProxyRequestEvent event) {
        if ("/".equals(event.getResource())) {
            return true; // API Gateway's own resource, whatever base path a custom domain adds to the path
        }
        String path = Objects.requireNonNullElse(event.getPath(), "/");
        return path.isEmpty() || path.equals("/");
    }

    /**
     * Whether the request came on {@code POST /host}, where only the hosts' service is served (and it nowhere else),
     * so that IAM can let instances invoke that path and nothing more.
     */
    private static boolean onHostPath(APIGatewayProxyRequestEvent event) {
        if (HOST_PATH.equals(event.getResource())) {
            return true; // API Gateway's own resource, whatever base path a custom domain adds to the path
        }
        String path = Objects.requireNonNullElse(event.getPath(), "/");
        return path.equals(HOST_PATH) || path.equals(HOST_PATH + "/");
    }
}
