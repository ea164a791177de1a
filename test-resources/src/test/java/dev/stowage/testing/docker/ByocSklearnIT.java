package dev.stowage.testing.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The scikit-learn server, run as SageMaker runs it, with a model it trained itself. */
@ExtendWith(DockerEngine.class)
class ByocSklearnIT {
    private static final Duration START_UP = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static String image;
    static TrainedModel model;
    /** The model as the host would mount it: {@code model.tar.gz} unpacked. */
    static Path unpacked;

    @BeforeAll
    static void trainAndUnpack(DockerClient docker) throws Exception {
        image = TestImages.ensure(docker, TestImage.BYOC_SKLEARN);
        model = TrainedModel.train(docker, work);
        unpacked = unpack(model.archive(), work.resolve("unpacked"));
    }

    @Test
    void training_gives_a_real_model_and_an_archive_of_it() throws Exception {
        assertThat(unpacked.resolve("model.joblib")).isNotEmptyFile();
        assertThat(model.instances()).hasSameSizeAs(model.predictions()).isNotEmpty();
        for (int i = 0; i < model.instances().size(); i++) {
            List<Double> x = model.instances().get(i);
            assertThat(model.predictions().get(i)).isCloseTo(3 * x.get(0) - 2 * x.get(1) + 5, within(1e-9));
        }
    }

    @Test
    void it_serves_the_models_predictions_for_json_and_csv(DockerClient docker) throws Exception {
        try (var container = ServingContainer.of(image).model(unpacked).start(docker)) {
            assertThat(container.awaitHealthy(START_UP)).as(container::logs).isTrue();

            var json = Http.post(
                    container.uri("/invocations"),
                    "application/json",
                    JSON.writeValueAsString(Map.of("instances", model.instances())));
            String csv = model.instances().stream()
                    .map(row -> row.stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .collect(Collectors.joining("\n"));
            var fromCsv = Http.post(container.uri("/invocations"), "text/csv", csv);

            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(predictions(json.body())).isEqualTo(model.predictions());
            assertThat(fromCsv.statusCode()).isEqualTo(200);
            assertThat(predictions(fromCsv.body())).isEqualTo(model.predictions());
            assertThat(container.logs()).contains("loaded LinearRegression from /opt/ml/model/model.joblib");
        }
    }

    @Test
    void it_listens_on_the_port_it_is_told_and_sees_the_model_read_only(DockerClient docker) throws Exception {
        try (var container =
                ServingContainer.of(image).model(unpacked).port(9091).start(docker)) {
            assertThat(container.awaitHealthy(START_UP)).as(container::logs).isTrue();

            InspectContainerResponse inspected =
                    docker.inspectContainerCmd(container.id()).exec();
            assertThat(inspected.getArgs()).containsExactly("/opt/program/entry.py", "serve");
            assertThat(inspected.getMounts()).singleElement().satisfies(mount -> {
                assertThat(mount.getDestination().getPath()).isEqualTo(ServingContainer.MODEL_DIR);
                assertThat(mount.getRW()).isFalse();
            });
            assertThat(container.logs()).contains("Listening at: http://0.0.0.0:9091");
        }
    }

    @Test
    void bad_input_is_a_client_error(DockerClient docker) throws Exception {
        try (var container = ServingContainer.of(image).model(unpacked).start(docker)) {
            assertThat(container.awaitHealthy(START_UP)).as(container::logs).isTrue();

            assertThat(Http.post(container.uri("/invocations"), "application/json", "{\"rows\": []}")
                            .statusCode())
                    .isEqualTo(400);
            assertThat(Http.post(container.uri("/invocations"), "text/plain", "1,2")
                            .statusCode())
                    .isEqualTo(415);
        }
    }

    @Test
    void without_a_model_it_stops_at_start_up_and_says_why(DockerClient docker) throws Exception {
        Path empty = Files.createDirectories(work.resolve("empty"));
        try (var container = ServingContainer.of(image).model(empty).start(docker)) {
            assertThat(container.awaitHealthy(START_UP)).isFalse();

            assertThat(container.awaitExit(Duration.ofSeconds(30)))
                    .hasValueSatisfying(code -> assertThat(code).isNotZero());
            assertThat(container.logs()).contains("No such file or directory").contains("model.joblib");
        }
    }

    private static List<Double> predictions(String body) throws IOException {
        var predictions = new ArrayList<Double>();
        JSON.readTree(body).get("predictions").forEach(value -> predictions.add(value.doubleValue()));
        return predictions;
    }

    private static Path unpack(Path archive, Path directory) throws IOException {
        Files.createDirectories(directory);
        try (var tar = new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(archive)))) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IOException("entry outside the folder: " + entry.getName());
                }
                Files.copy(tar, target);
            }
        }
        return directory;
    }
}
