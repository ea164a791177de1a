package dev.stowage.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Context} of one local invocation: a fresh request id, the function's name and ARN, and a logger. There
 * is no timeout locally, so the remaining time is always the Lambda maximum (15 minutes).
 */
public final class LocalLambdaContext implements Context {
    private static final int FIFTEEN_MINUTES_MILLIS = 15 * 60 * 1000;

    private final String requestId;
    private final String functionName;
    private final String functionArn;
    private final LambdaLogger logger;

    private LocalLambdaContext(String requestId, String functionName, String functionArn) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.functionArn = functionArn;
        this.logger = new LocalLambdaLogger(functionName);
    }

    /** A context for one invocation of {@code functionName} in the given region and account. */
    public static LocalLambdaContext invocation(String functionName, String region, String account) {
        return withRequestId(UUID.randomUUID().toString(), functionName, region, account);
    }

    /** A context with a request id chosen by the caller (an API request id, say). */
    public static LocalLambdaContext withRequestId(
            String requestId, String functionName, String region, String account) {
        return new LocalLambdaContext(
                requestId, functionName, "arn:aws:lambda:" + region + ":" + account + ":function:" + functionName);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public @Nullable CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public @Nullable ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return FIFTEEN_MINUTES_MILLIS;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
