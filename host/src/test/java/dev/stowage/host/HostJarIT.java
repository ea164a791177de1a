package dev.stowage.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jar the launch templates run (ADR 19): it holds the host and the wire formats it speaks, and none of the Lambda
 * handlers or the DynamoDB, EC2 and CloudWatch adapters of {@code functions}.
 */
class HostJarIT {
    private static final Path JAR = Path.of("target", "stowage-host.jar");

    @Test
    void the_host_jar_holds_the_host_and_the_wire_but_no_functions() throws IOException {
        assertThat(JAR).as("packaged before the integration tests").exists();
        List<String> classes;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            classes = jar.stream()
                    .map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class"))
                    .toList();
        }
        assertThat(classes)
                .contains("dev/stowage/host/ec2/HostMain.class", "dev/stowage/wire/runtime/InvocationRequest.class")
                .noneMatch(name -> name.startsWith("dev/stowage/functions/"))
                .noneMatch(name -> name.startsWith("com/amazonaws/services/lambda/"))
                .noneMatch(name -> name.startsWith("software/amazon/awssdk/services/dynamodb/"));
        assertThat(Files.size(JAR)).isPositive();
    }
}
