package dev.stowage.wire.protocol;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who signed a request, as API Gateway's IAM authorization tells the function ({@code requestContext.identity.userArn});
 * empty where nothing checked a signature for it (tests) or local mode's own check.
 */
public record Caller(Optional<String> principalArn) {
    /** An EC2 instance role's session is named after the instance: {@code …:assumed-role/<role>/i-0123…}. */
    private static final Pattern INSTANCE_SESSION =
            Pattern.compile("^arn:aws[a-z-]*:sts::\\d{12}:assumed-role/[^/]+/(i-[0-9a-f]{8,17})$");

    public static final Caller UNKNOWN = new Caller(Optional.empty());

    public static Caller of(String principalArn) {
        return principalArn == null || principalArn.isBlank() ? UNKNOWN : new Caller(Optional.of(principalArn));
    }

    /** The EC2 instance whose role signed the request, when an instance role did. */
    public Optional<String> ec2InstanceId() {
        return principalArn
                .map(INSTANCE_SESSION::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1));
    }

    @Override
    public String toString() {
        return principalArn.orElse("an unknown caller");
    }
}
