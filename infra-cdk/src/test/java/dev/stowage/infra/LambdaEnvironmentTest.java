package dev.stowage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LambdaEnvironmentTest {

    @Test
    void the_functions_read_every_variable_the_stack_sets() throws Exception {
        String stores =
                Files.readString(Path.of("../functions/src/main/java/dev/stowage/functions/config/Stores.java"));
        assertThat(LambdaEnvironment.of("e", "v", "1").keySet())
                .allSatisfy(variable -> assertThat(stores).contains("\"" + variable + "\""));
    }
}
