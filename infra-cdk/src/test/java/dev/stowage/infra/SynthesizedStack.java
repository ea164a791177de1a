package dev.stowage.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Template;

/**
 * The stack as {@code cdk synth} makes it with the default settings and the jars the reactor just built, checked by
 * cdk-nag's AwsSolutions rules; synthesized once per test JVM (a synth takes seconds).
 */
final class SynthesizedStack {
    static final StowageSettings SETTINGS = new StowageSettings(
            "stowage",
            List.of("ml.g5.xlarge", "ml.g5.12xlarge", "ml.inf2.xlarge"),
            6,
            StowageSettings.DEFAULT_COPY_QUOTA,
            Optional.empty(),
            1,
            List.of(),
            List.of(),
            30,
            jar("../functions/target/stowage-functions.jar"),
            jar("../host/target/stowage-host.jar"));

    private static SynthesizedStack instance;

    final StowageStack stack;
    final Template template;
    final Annotations annotations;

    private SynthesizedStack() {
        App app = new App();
        this.stack = new StowageStack(
                app, SETTINGS.deployment(), StackProps.builder().build(), SETTINGS);
        Aspects.of(app).add(new AwsSolutionsChecks());
        app.synth();
        this.template = Template.fromStack(stack);
        this.annotations = Annotations.fromStack(stack);
    }

    static synchronized SynthesizedStack get() {
        if (instance == null) {
            instance = new SynthesizedStack();
        }
        return instance;
    }

    private static Path jar(String path) {
        Path jar = Path.of(path);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath().normalize()
                    + " is missing: build the reactor (./mvnw verify), the stack deploys that jar");
        }
        return jar;
    }
}
