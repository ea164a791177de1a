package dev.stowage.infra;

import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The deployment's front token (ADR 23): a secret Secrets Manager generates, which API Gateway's runtime integration
 * sends to the hosts with every invocation it has authorized ({@code X-Stowage-Front-Token}) and the API function
 * hands to the hosts with their keys ({@code STOWAGE_FRONT_TOKEN}), so that a host lets in only invocations that came
 * through the API. CloudFormation resolves it into both when it deploys them; the template holds only a reference.
 */
public final class FrontToken extends Construct {
    /** The header the hosts' {@code InvocationGate} reads. */
    public static final String HEADER = "X-Stowage-Front-Token";

    private final Secret secret;

    public FrontToken(Construct scope, String id) {
        super(scope, id);
        this.secret = Secret.Builder.create(this, "Secret")
                .description("Stowage: the token API Gateway sends the hosts with every invocation")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(48)
                        // Letters and digits only: the value is quoted into an API Gateway mapping and joined by
                        // commas.
                        .excludePunctuation(true)
                        .includeSpace(false)
                        .build())
                .build();
    }

    /** A dynamic reference CloudFormation replaces by the token where a resource uses it. */
    public String value() {
        return secret.getSecretValue().unsafeUnwrap();
    }

    public Secret secret() {
        return secret;
    }
}
