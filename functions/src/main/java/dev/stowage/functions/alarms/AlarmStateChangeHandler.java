package dev.stowage.functions.alarms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.stowage.domain.alarms.AlarmService;
import dev.stowage.domain.scaling.ScalingReactor;
import dev.stowage.functions.api.ApiWiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The scaling reactor Lambda, the target of the EventBridge rule for CloudWatch alarm state changes: it reads the
 * alarm's definition (the event does not carry its actions) and lets the reactor run the policies the alarm
 * triggers. An alarm deleted since the change is ignored. A failure throws, so EventBridge's asynchronous
 * invocation retries it; the reactor is idempotent per state change.
 */
public final class AlarmStateChangeHandler implements RequestStreamHandler {
    private final ScalingReactor reactor;
    private final AlarmService alarms;

    /** Lambda's entry point: stores and the CloudWatch client come from the environment, once per container. */
    public AlarmStateChangeHandler() {
        this(ApiWiring.fromEnvironment());
    }

    private AlarmStateChangeHandler(ApiWiring wiring) {
        this(wiring.scalingReactor(1.0), wiring.alarms());
    }

    public AlarmStateChangeHandler(ScalingReactor reactor, AlarmService alarms) {
        this.reactor = reactor;
        this.alarms = alarms;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        AlarmStateChangeJson.parse(event, alarms::describe).ifPresent(reactor::onStateChange);
    }
}
