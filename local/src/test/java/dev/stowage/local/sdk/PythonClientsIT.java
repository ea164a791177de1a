package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's boto3 and AWS CLI instructions for the deployed API, run against local mode (which accepts the
 * {@code execute-api} scope API Gateway requires): {@code clients/stowage_signing.py} re-scopes the signature of
 * requests to Stowage and leaves requests to AWS alone. Skipped where Python with boto3, or the CLI, is missing.
 */
class PythonClientsIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension();

    private static final Path CLIENTS = Path.of("../clients").toAbsolutePath().normalize();

    @TempDir
    Path home;

    @Test
    void boto3_signs_for_api_gateway_and_is_served() throws Exception {
        assumeTrue(succeeds(List.of("python3", "-c", "import boto3")), "python3 with boto3 is not installed");
        String script =
                """
                import stowage_signing
                sm = stowage_signing.client("sagemaker", endpoint_url="%s")
                scopes = []
                sm.meta.events.register("before-send.sagemaker",
                        lambda request, **kw: scopes.append(request.headers["Authorization"].decode().split("/")[3]))
                sm.create_model(ModelName="from-boto3")
                print(scopes[0], [m["ModelName"] for m in sm.list_models()["Models"]])
                print(stowage_signing.goes_to_stowage("https://api.sagemaker.us-east-1.amazonaws.com/"))
                """
                        .formatted(STOWAGE.running().baseUri());
        ClientProcesses.Run run = run(List.of("python3", "-c", script), Map.of());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("execute-api ['from-boto3']").contains("False");
    }

    @Test
    void the_cli_plugin_signs_requests_to_stowage_for_api_gateway() throws Exception {
        assumeTrue(succeeds(List.of("aws", "--version")), "the AWS CLI is not installed");
        Path config = home.resolve("config");
        boolean v1 = run(List.of("aws", "--version"), Map.of()).output().startsWith("aws-cli/1.");
        // CLI v2 loads plugins from cli_legacy_plugin_path; v1 takes every plugins entry as a module on the PYTHONPATH.
        Files.writeString(
                config,
                "[plugins]\nstowage = stowage_signing\n" + (v1 ? "" : "cli_legacy_plugin_path = " + CLIENTS + "\n"));
        Map<String, String> env = Map.of("AWS_CONFIG_FILE", config.toString());

        ClientProcesses.Run toStowage = run(
                List.of(
                        "aws",
                        "sagemaker",
                        "list-models",
                        "--endpoint-url",
                        STOWAGE.running().baseUri().toString(),
                        "--debug"),
                env);
        assertThat(toStowage.exit()).as(toStowage.output()).isZero();
        assertThat(toStowage.output()).contains("/" + RunningStowage.REGION + "/execute-api/aws4_request");
    }

    private ClientProcesses.Run run(List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        Map<String, String> withClients = new HashMap<>(env);
        withClients.put("PYTHONPATH", CLIENTS.toString());
        return new ClientProcesses(home).run(command, withClients);
    }

    private boolean succeeds(List<String> command) {
        return new ClientProcesses(home).succeeds(command);
    }
}
