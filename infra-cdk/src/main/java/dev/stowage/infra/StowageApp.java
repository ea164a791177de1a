package dev.stowage.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: one {@link StowageStack} named after the deployment, checked by cdk-nag's AwsSolutions rules (a
 * finding without a written reason fails the synth). Run by {@code cdk synth|deploy} from {@code infra-cdk/}.
 */
public final class StowageApp {
    private StowageApp() {}

    public static void main(String[] args) {
        App app = new App();
        StowageSettings settings = StowageSettings.fromContext(app.getNode());
        new StowageStack(
                app,
                settings.deployment(),
                StackProps.builder()
                        .env(environment())
                        .description("Stowage: SageMaker inference components on your own account")
                        .build(),
                settings);
        Aspects.of(app).add(new AwsSolutionsChecks());
        app.synth();
    }

    /** The account and region the CLI resolved, when it did; an environment-agnostic stack otherwise. */
    private static Environment environment() {
        String account = System.getenv("CDK_DEFAULT_ACCOUNT");
        String region = System.getenv("CDK_DEFAULT_REGION");
        if (account == null || region == null) {
            return Environment.builder().build();
        }
        return Environment.builder().account(account).region(region).build();
    }
}
