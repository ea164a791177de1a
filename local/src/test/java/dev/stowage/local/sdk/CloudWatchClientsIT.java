package dev.stowage.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local mode's CloudWatch with the clients that do not speak RPC v2 CBOR: boto3 (JSON 1.0, and the query protocol
 * through botocore given a query-only model, as older SDKs send it), every AWS CLI on the PATH (1.x speaks JSON 1.0,
 * Debian's 2.9 the query protocol) and the JS SDK v3 (JSON 1.0, installed with npm under {@code target/} at test
 * time). Each puts metric data and reads its statistics back, puts an alarm and describes it, and gets CloudWatch's
 * error code for a bad period. A client that is not installed (or that npm cannot install offline) is skipped with the
 * reason.
 */
class CloudWatchClientsIT {
    @RegisterExtension
    static final LocalModeExtension STOWAGE = new LocalModeExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JS_SDK = "@aws-sdk/client-cloudwatch";
    private static final String JSON_1_0 = "application/x-amz-json-1.0";
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    @TempDir
    Path home;

    @Test
    void boto3_speaks_json_1_0_and_its_data_round_trips() throws Exception {
        JsonNode seen = boto3("Boto3/Json", "json");

        assertThat(seen.path("sent").get(0).get(0).asText()).isEqualTo(JSON_1_0);
        assertRoundTrip(seen);
    }

    @Test
    void boto3_on_the_query_protocol_round_trips() throws Exception {
        JsonNode seen = boto3("Boto3/Query", "query");

        assertThat(seen.path("sent").get(0).get(0).asText()).isEqualTo(FORM);
        assertRoundTrip(seen);
    }

    @TestFactory
    Stream<DynamicTest> every_aws_cli_on_the_path_round_trips() throws Exception {
        Map<String, Path> clis = awsClis();
        assumeTrue(!clis.isEmpty(), "the AWS CLI is not installed");
        return clis.entrySet().stream()
                .map(cli -> DynamicTest.dynamicTest(cli.getKey(), () -> cliRoundTrip(cli.getValue())));
    }

    @Test
    void the_js_sdk_v3_speaks_json_1_0_and_its_data_round_trips() throws Exception {
        Path folder = installJsSdk();
        Path script = folder.resolve("js-round-trip.mjs");
        copy("js-round-trip.mjs", script);

        ClientProcesses.Run run = processes()
                .run(
                        List.of("node", script.toString(), baseUri(), "Js/Json"),
                        Map.of(),
                        folder,
                        ClientProcesses.TIMEOUT);

        assertThat(run.exit()).as(run.output()).isZero();
        JsonNode seen = lastJsonLine(run.output());
        assertThat(seen.path("sent").get(0).asText()).isEqualTo(JSON_1_0);
        Instant minute = Instant.parse(seen.path("minute").asText());
        JsonNode first = seen.path("datapoints").get(0);
        JsonNode second = seen.path("datapoints").get(1);
        assertThat(seen.path("datapoints")).hasSize(2);
        assertThat(instant(first.path("Timestamp"))).isEqualTo(minute);
        assertThat(first.path("Sum").asDouble()).isEqualTo(19.0);
        assertThat(first.path("SampleCount").asDouble()).isEqualTo(4.0);
        assertThat(first.path("Maximum").asDouble()).isEqualTo(7.0);
        assertThat(first.path("Unit").asText()).isEqualTo("Milliseconds");
        assertThat(instant(second.path("Timestamp"))).isEqualTo(minute.plusSeconds(60));
        assertThat(second.path("Sum").asDouble()).isEqualTo(12.0);
        JsonNode alarm = seen.path("alarms").get(0);
        assertThat(alarm.path("AlarmName").asText()).isEqualTo("Js-Json-high");
        assertThat(alarm.path("Threshold").asDouble()).isEqualTo(5.0);
        assertThat(alarm.path("DatapointsToAlarm").asInt()).isEqualTo(2);
        assertThat(alarm.path("AlarmConfigurationUpdatedTimestamp").asText()).isNotEmpty();
        assertThat(seen.path("error").path("name").asText()).isEqualTo("InvalidParameterValueException");
        assertThat(seen.path("error").path("code").asText()).isEqualTo("InvalidParameterValue");
        assertThat(seen.path("error").path("status").asInt()).isEqualTo(400);
    }

    private JsonNode boto3(String namespace, String wire) throws Exception {
        assumeTrue(
                processes().succeeds(List.of("python3", "-c", "import boto3")), "python3 with boto3 is not installed");
        Path script = home.resolve("boto3_round_trip.py");
        copy("boto3_round_trip.py", script);
        ClientProcesses.Run run =
                processes().run(List.of("python3", script.toString(), baseUri(), namespace, wire), Map.of());
        assertThat(run.exit()).as(run.output()).isZero();
        return lastJsonLine(run.output());
    }

    /** What every boto3 run must have seen, whichever wire carried it. */
    private static void assertRoundTrip(JsonNode seen) {
        assertThat(seen.path("sent").get(1).get(1).asText())
                .as("the bulk put goes gzipped")
                .isEqualTo("gzip");
        JsonNode minute = seen.path("datapoints").get(0);
        assertThat(seen.path("datapoints")).hasSize(2);
        assertThat(minute.path("Sum").asDouble()).isEqualTo(19.0);
        assertThat(minute.path("SampleCount").asDouble()).isEqualTo(4.0);
        assertThat(minute.path("Maximum").asDouble()).isEqualTo(7.0);
        assertThat(minute.path("Unit").asText()).isEqualTo("Milliseconds");
        assertThat(instant(minute.path("Timestamp"))).isEqualTo(instant(seen.path("minute")));
        assertThat(seen.path("datapoints").get(1).path("Sum").asDouble()).isEqualTo(30.0);
        assertThat(seen.path("bulk").get(0).path("SampleCount").asDouble()).isEqualTo(200.0);
        JsonNode data = seen.path("data").get(0);
        assertThat(data.path("Values").toString()).isEqualTo("[19.0,30.0]");
        assertThat(data.path("Timestamps")).hasSize(2);
        assertThat(data.path("StatusCode").asText()).isEqualTo("Complete");
        assertThat(seen.path("metrics").findValuesAsText("MetricName")).containsExactlyInAnyOrder("Bulk", "Latency");
        JsonNode alarm = seen.path("alarms").get(0);
        assertThat(alarm.path("AlarmDescription").asText()).isEqualTo("latency & more");
        assertThat(alarm.path("Dimensions").toString()).isEqualTo("[{\"Name\":\"Service\",\"Value\":\"checkout\"}]");
        assertThat(alarm.path("Period").asInt()).isEqualTo(60);
        assertThat(alarm.path("EvaluationPeriods").asInt()).isEqualTo(3);
        assertThat(alarm.path("DatapointsToAlarm").asInt()).isEqualTo(2);
        assertThat(alarm.path("Threshold").asDouble()).isEqualTo(5.0);
        assertThat(alarm.path("TreatMissingData").asText()).isEqualTo("notBreaching");
        assertThat(alarm.path("ActionsEnabled").asBoolean()).isFalse();
        assertThat(alarm.path("StateValue").asText()).isNotEmpty();
        assertThat(seen.path("error").path("Code").asText()).isEqualTo("InvalidParameterValue");
        assertThat(seen.path("error").path("Message").asText())
                .isEqualTo("The parameter Period must be a multiple of 60.");
        assertThat(seen.path("after")).isEmpty();
    }

    private void cliRoundTrip(Path aws) throws Exception {
        String namespace = "Cli/" + Math.abs(aws.toString().hashCode());
        String alarm = "cli-" + Math.abs(aws.toString().hashCode()) + "-high";
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        String datum =
                "{'MetricName':'Latency','Unit':'Milliseconds','Dimensions':[{'Name':'Service','Value':'checkout'}],";
        String data = ("[" + datum + "'Value':2,'Timestamp':'%s'}," + datum
                        + "'Values':[3,7],'Counts':[1,2],'Timestamp':'%s'}]")
                .formatted(minute.plusSeconds(10), minute.plusSeconds(20))
                .replace('\'', '"');
        String range = "--namespace %s --metric-name Latency --start-time %s --end-time %s"
                .formatted(namespace, minute, minute.plusSeconds(60));

        ClientProcesses.Run put =
                cli(aws, "put-metric-data --debug --namespace " + namespace + " --metric-data " + data);
        ClientProcesses.Run statistics = cli(
                aws,
                "get-metric-statistics " + range
                        + " --dimensions Name=Service,Value=checkout --period 60 --statistics Sum SampleCount");
        ClientProcesses.Run putAlarm = cli(
                aws,
                "put-metric-alarm --alarm-name " + alarm + " --namespace " + namespace + " --metric-name Latency"
                        + " --dimensions Name=Service,Value=checkout --statistic Average --period 60"
                        + " --evaluation-periods 2 --threshold 5 --comparison-operator GreaterThanThreshold");
        ClientProcesses.Run described = cli(aws, "describe-alarms --alarm-names " + alarm);
        ClientProcesses.Run refused = cli(aws, "get-metric-statistics " + range + " --period 61 --statistics Sum");

        assertThat(put.exit()).as(put.output()).isZero();
        assertThat(put.output()).containsAnyOf("'Content-Type': '" + JSON_1_0 + "'", "'Content-Type': '" + FORM + "'");
        assertThat(statistics.exit()).as(statistics.output()).isZero();
        JsonNode datapoint =
                JSON.readTree(statistics.output()).path("Datapoints").get(0);
        assertThat(datapoint.path("Sum").asDouble()).as(statistics.output()).isEqualTo(19.0);
        assertThat(datapoint.path("SampleCount").asDouble()).isEqualTo(4.0);
        assertThat(instant(datapoint.path("Timestamp"))).isEqualTo(minute);
        assertThat(putAlarm.exit()).as(putAlarm.output()).isZero();
        assertThat(described.exit()).as(described.output()).isZero();
        JsonNode metricAlarm =
                JSON.readTree(described.output()).path("MetricAlarms").get(0);
        assertThat(metricAlarm.path("AlarmName").asText())
                .as(described.output())
                .isEqualTo(alarm);
        assertThat(metricAlarm.path("Threshold").asDouble()).isEqualTo(5.0);
        assertThat(metricAlarm.path("Dimensions").get(0).path("Value").asText()).isEqualTo("checkout");
        assertThat(refused.exit()).as(refused.output()).isNotZero();
        assertThat(refused.output())
                .contains("(InvalidParameterValue)")
                .contains("The parameter Period must be a multiple of 60.");
    }

    /** {@code aws cloudwatch <arguments>} against local mode, JSON output; the arguments hold no spaces of their own. */
    private ClientProcesses.Run cli(Path aws, String arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(aws.toString(), "cloudwatch"));
        command.addAll(List.of(arguments.split(" ")));
        command.addAll(List.of("--endpoint-url", baseUri(), "--output", "json"));
        return processes().run(command, Map.of());
    }

    /** Each distinct AWS CLI on the PATH by its version line, e.g. {@code aws-cli/1.45.11 …}. */
    private Map<String, Path> awsClis() throws IOException {
        Map<String, Path> clis = new LinkedHashMap<>();
        for (String entry :
                Objects.requireNonNullElse(System.getenv("PATH"), "").split(":")) {
            Path aws = Path.of(entry.isEmpty() ? "." : entry, "aws");
            if (Files.isExecutable(aws)) {
                try {
                    ClientProcesses.Run version = processes().run(List.of(aws.toString(), "--version"), Map.of());
                    String line = version.output().strip();
                    if (version.exit() == 0 && line.startsWith("aws-cli/")) {
                        clis.putIfAbsent(
                                line.substring(0, line.indexOf(' ') < 0 ? line.length() : line.indexOf(' ')), aws);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return clis;
                }
            }
        }
        return clis;
    }

    /** The JS SDK under {@code target/js-cloudwatch}, installed by npm once; the test is skipped when it cannot be. */
    private Path installJsSdk() throws IOException, InterruptedException {
        assumeTrue(processes().succeeds(List.of("node", "--version")), "node is not installed");
        Path folder = Path.of("target", "js-cloudwatch").toAbsolutePath();
        Files.createDirectories(folder);
        copy("package.json", folder.resolve("package.json"));
        if (!Files.exists(folder.resolve("node_modules").resolve(JS_SDK).resolve("package.json"))) {
            ClientProcesses.Run install;
            try {
                install = processes()
                        .run(
                                List.of(
                                        "npm",
                                        "install",
                                        "--no-audit",
                                        "--no-fund",
                                        "--prefer-offline",
                                        "--fetch-retries=1",
                                        "--fetch-timeout=60000"),
                                Map.of("npm_config_update_notifier", "false"),
                                folder,
                                Duration.ofMinutes(3));
            } catch (IOException e) {
                abort("npm is not installed: " + e.getMessage());
                throw e;
            }
            if (install.exit() != 0) {
                String output = install.output().strip();
                abort("npm could not install " + JS_SDK + " (offline?): "
                        + output.substring(Math.max(0, output.length() - 500)));
            }
        }
        return folder;
    }

    private ClientProcesses processes() {
        return new ClientProcesses(home);
    }

    private static String baseUri() {
        return STOWAGE.running().baseUri().toString();
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = Objects.requireNonNull(
                CloudWatchClientsIT.class.getResourceAsStream("/cloudwatch-clients/" + resource), resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A timestamp as a client printed it: ISO 8601 (botocore's {@code 2026-01-01 00:00:00+00:00}, JavaScript's) or,
     * from the CLI v1, whose {@code cli_timestamp_format} is {@code none}, as the wire had it (epoch seconds on JSON).
     */
    private static Instant instant(JsonNode printed) {
        if (printed.isNumber()) {
            return Instant.ofEpochMilli(Math.round(printed.asDouble() * 1000));
        }
        return OffsetDateTime.parse(printed.asText().replace(' ', 'T').replace("Z", "+00:00"))
                .toInstant();
    }

    private static JsonNode lastJsonLine(String output) throws IOException {
        List<String> lines = output.lines().filter(line -> line.startsWith("{")).toList();
        assertThat(lines).as(output).isNotEmpty();
        return JSON.readTree(lines.getLast());
    }
}
