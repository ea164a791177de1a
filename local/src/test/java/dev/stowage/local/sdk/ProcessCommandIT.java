package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;

/**
 * A {@code process:} model with arguments, deployed through the API as the README shows (issue 13): an image may hold
 * no whitespace, so the command line with its quoted arguments goes in {@code STOWAGE_COMMAND}, and the program gets
 * each argument whole.
 */
class ProcessCommandIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension();

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final String ENDPOINT = "process-ep";

    /** Serves the contract and answers every invocation with its arguments, one a line. */
    private static final String ARGUMENTS_MODEL =
            """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetAddress;
            import java.net.InetSocketAddress;

            class ArgumentsModel {
                public static void main(String[] args) throws Exception {
                    int port = Integer.parseInt(System.getenv("SAGEMAKER_BIND_TO_PORT"));
                    HttpServer server = HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
                    server.createContext("/ping", e -> { e.sendResponseHeaders(200, -1); e.close(); });
                    server.createContext("/invocations", e -> {
                        e.getRequestBody().readAllBytes();
                        byte[] out = String.join("\\n", args).getBytes();
                        e.sendResponseHeaders(200, out.length);
                        e.getResponseBody().write(out);
                        e.close();
                    });
                    server.start();
                }
            }
            """;

    @TempDir
    static Path dir;

    @Test
    void a_command_with_quoted_arguments_runs_from_stowage_command() throws Exception {
        Path program = dir.resolve("ArgumentsModel.java");
        Files.writeString(program, ARGUMENTS_MODEL);
        String command = "'" + JAVA + "' -Xshare:auto -XX:TieredStopAtLevel=1 '" + program
                + "' --greeting \"hello, world\" it\\'s '$HOME stays'";
        ScenarioFleet.endpoint(STOWAGE, ENDPOINT, 1);
        ScenarioFleet.component(STOWAGE, ENDPOINT, "args", "process:java", Map.of("STOWAGE_COMMAND", command), 1);

        try (SageMakerRuntimeClient runtime = STOWAGE.running().runtime(false)) {
            String answer = runtime.invokeEndpoint(b -> b.endpointName(ENDPOINT)
                            .inferenceComponentName("args")
                            .contentType("application/json")
                            .body(SdkBytes.fromUtf8String("{}")))
                    .body()
                    .asUtf8String();

            assertThat(answer.lines()).containsExactly("--greeting", "hello, world", "it's", "$HOME stays");
        }
    }

    @Test
    void an_image_with_whitespace_is_refused_by_the_api_as_by_the_service() {
        SageMakerException refused = catchThrowableOfType(
                SageMakerException.class, () -> STOWAGE.sageMaker().createModel(b -> b.modelName("spaced")
                        .executionRoleArn(ScenarioFleet.ROLE)
                        .primaryContainer(c -> c.image("process:python3 serve.py"))));

        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(refused.awsErrorDetails().errorMessage())
                .contains("process:python3 serve.py")
                .contains("Member must satisfy regular expression pattern");
    }
}
