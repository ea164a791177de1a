package dev.stowage.testing.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A real scikit-learn model trained by the {@link TestImage#BYOC_SKLEARN} image ({@code train OUT_DIR}): a
 * LinearRegression fitted to exact data y = 3·x1 − 2·x2 + 5.
 *
 * @param directory the training output: {@code model.joblib} and {@code expected.json}
 * @param archive {@code model.tar.gz} of {@code directory}'s files, as SageMaker takes a model artifact
 * @param instances inputs, each {@code [x1, x2]}
 * @param predictions what the trained model predicts for {@code instances}, as the server must answer them
 */
public record TrainedModel(Path directory, Path archive, List<List<Double>> instances, List<Double> predictions) {
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(2);

    public TrainedModel {
        instances = instances.stream().map(List::copyOf).toList();
        predictions = List.copyOf(predictions);
    }

    /** Trains into {@code workDirectory}/model and packs {@code workDirectory}/model.tar.gz (≈3 s). */
    public static TrainedModel train(DockerClient docker, Path workDirectory) throws IOException, InterruptedException {
        String image = TestImages.ensure(docker, TestImage.BYOC_SKLEARN);
        Path directory = Files.createDirectories(workDirectory.resolve("model")).toAbsolutePath();
        // The container writes as this JVM's user, so the test can read and delete what it wrote.
        String user = Files.getAttribute(directory, "unix:uid") + ":" + Files.getAttribute(directory, "unix:gid");
        String id = docker.createContainerCmd(image)
                .withCmd(List.of("train", "/out"))
                .withUser(user)
                .withLabels(Map.of(ServingContainer.LABEL, "training"))
                .withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode("none")
                        .withBinds(new Bind(directory.toString(), new Volume("/out"), AccessMode.rw)))
                .exec()
                .getId();
        try {
            docker.startContainerCmd(id).exec();
            Long exit = Containers.awaitExit(docker, id, TRAINING_TIMEOUT).orElse(null);
            if (exit == null || exit != 0) {
                throw new IllegalStateException("training in " + image + " "
                        + (exit == null ? "took over " + TRAINING_TIMEOUT : "exited with " + exit) + "; its log:\n"
                        + Containers.logs(docker, id));
            }
        } finally {
            Containers.remove(docker, id);
        }
        JsonNode expected =
                new ObjectMapper().readTree(directory.resolve("expected.json").toFile());
        var instances = new ArrayList<List<Double>>();
        expected.get("instances").forEach(row -> {
            var values = new ArrayList<Double>();
            row.forEach(value -> values.add(value.doubleValue()));
            instances.add(values);
        });
        var predictions = new ArrayList<Double>();
        expected.get("predictions").forEach(value -> predictions.add(value.doubleValue()));
        Path archive = pack(directory, workDirectory.resolve("model.tar.gz"));
        return new TrainedModel(directory, archive, instances, predictions);
    }

    private static Path pack(Path directory, Path archive) throws IOException {
        try (var tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(Files.newOutputStream(archive)));
                Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                var entry =
                        new TarArchiveEntry(file.toFile(), file.getFileName().toString());
                tar.putArchiveEntry(entry);
                Files.copy(file, tar);
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }
}
