package dev.stowage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every handler the stack deploys exists, in the jar it is deployed from, and Lambda can construct it. */
class HandlersTest {
    static final List<String> FUNCTIONS = Handlers.functions();

    @ParameterizedTest
    @FieldSource("FUNCTIONS")
    void the_handler_is_a_lambda_handler_lambda_can_construct(String handler) throws Exception {
        Class<?> type = Class.forName(handler);
        assertThat(RequestHandler.class.isAssignableFrom(type) || RequestStreamHandler.class.isAssignableFrom(type))
                .as(handler + " implements RequestHandler or RequestStreamHandler")
                .isTrue();
        assertThat(Modifier.isPublic(type.getConstructor().getModifiers()))
                .as(handler + " has a public constructor without arguments")
                .isTrue();
    }

    @ParameterizedTest
    @FieldSource("FUNCTIONS")
    void the_handler_is_in_the_functions_jar(String handler) throws IOException {
        try (JarFile jar = new JarFile(SynthesizedStack.SETTINGS.functionsJar().toFile())) {
            assertThat(jar.getEntry(handler.replace('.', '/') + ".class")).isNotNull();
        }
    }

    @Test
    void the_host_jar_runs_the_host() throws IOException {
        try (JarFile jar = new JarFile(SynthesizedStack.SETTINGS.hostJar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(Handlers.HOST_MAIN);
            assertThat(jar.getEntry(Handlers.HOST_MAIN.replace('.', '/') + ".class"))
                    .isNotNull();
        }
    }
}
