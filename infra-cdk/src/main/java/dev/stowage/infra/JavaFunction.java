package dev.stowage.infra;

import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One Stowage Lambda function: a handler class of the functions jar on Java 21 with SnapStart, its own role (which
 * may write only to its own log group until the stack grants it more) and log group, and the alias {@code live}
 * that every trigger invokes, so SnapStart's published version is what runs.
 */
public final class JavaFunction extends Construct {
    public static final String ALIAS = "live";

    private final Function function;
    private final Alias alias;
    private final Role role;
    private final String shortName;

    public JavaFunction(Construct scope, String id, Props props) {
        super(scope, id);
        this.shortName = props.shortName();
        String name = props.deployment() + "-" + props.shortName();
        this.role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Stowage " + props.shortName() + " function")
                .build();
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + name)
                .retention(props.retention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        logs.grantWrite(role);
        this.function = Function.Builder.create(this, "Function")
                .functionName(name)
                .description(props.description())
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(props.handlerClass() + "::handleRequest")
                .code(props.code())
                .memorySize(props.memoryMib())
                .timeout(props.timeout())
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(props.environment())
                .role(role)
                .logGroup(logs)
                .loggingFormat(LoggingFormat.TEXT)
                .build();
        Annotations.of(function)
                .acknowledgeWarning(
                        "@aws-cdk/aws-lambda:snapStartRequirePublish", "The live alias publishes every version");
        this.alias = Alias.Builder.create(this, "Live")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .build();
    }

    public Function function() {
        return function;
    }

    /** What triggers invoke: the published version SnapStart restores. */
    public Alias alias() {
        return alias;
    }

    public Role role() {
        return role;
    }

    /** The name after the deployment's, which the function's own figures name too ({@code Function} dimension). */
    public String shortName() {
        return shortName;
    }

    /**
     * @param shortName the function's name after the deployment's, e.g. {@code api} for {@code stowage-api}
     */
    public record Props(
            String deployment,
            String shortName,
            String description,
            String handlerClass,
            Code code,
            int memoryMib,
            Duration timeout,
            Map<String, String> environment,
            RetentionDays retention) {}
}
