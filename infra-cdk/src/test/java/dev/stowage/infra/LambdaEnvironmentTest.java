package dev.stowage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LambdaEnvironmentTest {

    @Test
    void the_functions_read_every_variable_the_stack_sets() throws IOException {
        String functions = sources(Path.of("../functions/src/main/java"));
        Map<String, String> everything = LambdaEnvironment.withFrontToken(
                LambdaEnvironment.withDashboards(
                        LambdaEnvironment.withInstances(
                                LambdaEnvironment.of("e", "v", "1", "d", List.of("ml.g5.xlarge"), 1000),
                                "lt-1",
                                "lt-2",
                                List.of("subnet-1"),
                                "arn:tg",
                                3),
                        "d-"),
                "token");
        assertThat(unread(everything.keySet(), functions))
                .as("variables no function reads")
                .isEmpty();
    }

    @Test
    void the_host_reads_every_variable_its_user_data_sets() throws IOException {
        String host = sources(Path.of("../host/src/main/java"));
        List<String> variables =
                HostFleet.hostEnvironment("https://api/prod/", SynthesizedStack.SETTINGS).keySet().stream()
                        .filter(variable -> !variable.equals("AWS_REGION")) // the AWS SDK reads it
                        .toList();
        assertThat(unread(variables, host))
                .as("variables the host does not read")
                .isEmpty();
    }

    private static List<String> unread(Collection<String> variables, String sources) {
        return variables.stream()
                .filter(variable -> !sources.contains("\"" + variable + "\""))
                .toList();
    }

    private static String sources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.joining("\n"));
        }
    }
}
