package dev.stowage.local.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code --workload KIND:PATH}. {@code servegen:<folder>} reads every {@code *-trace.csv} under the folder;
 * {@code azure:} and {@code mooncake:} take one file, or a folder whose {@code .csv} / {@code .jsonl} files are one
 * component each, named after the file ({@code AzureLLMInferenceTrace_code.csv} is {@code
 * AzureLLMInferenceTrace-code}); {@code csv:<file>} is the generic CSV, which names its components in a column.
 */
public record WorkloadSource(Kind kind, Path path) {
    public enum Kind {
        SERVEGEN,
        AZURE,
        MOONCAKE,
        CSV;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final long MAX_FILES = 1_000;

    /** {@code KIND:PATH}; {@link IllegalArgumentException} with the one line that says what is wrong. */
    public static WorkloadSource parse(String value) {
        int colon = value.indexOf(':');
        String kinds = "servegen, azure, mooncake or csv";
        if (colon < 0) {
            throw new IllegalArgumentException(
                    "--workload must be KIND:PATH with KIND " + kinds + ", not '" + value + "'");
        }
        String label = value.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        Kind kind = Stream.of(Kind.values())
                .filter(candidate -> candidate.label().equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "--workload kind must be " + kinds + ", not '" + value.substring(0, colon) + "'"));
        String path = value.substring(colon + 1).strip();
        if (path.isEmpty()) {
            throw new IllegalArgumentException("--workload " + label + ": needs a path after the colon");
        }
        return new WorkloadSource(kind, Path.of(path));
    }

    @Override
    public String toString() {
        return kind.label() + ":" + path;
    }

    /** The workload, its files checked as it is read ({@link InputException} names the file and line). */
    public Workload open(WorkloadShaping shaping) throws IOException {
        if (!Files.exists(path)) {
            throw InputException.inFile(path, "no such file or folder (--workload " + this + ")");
        }
        return switch (kind) {
            case SERVEGEN -> ServeGenWorkload.read(path, shaping);
            case AZURE -> {
                List<Path> files = files(".csv");
                long origin = Long.MAX_VALUE;
                for (Path file : files) {
                    origin = Math.min(origin, AzureLines.firstNanos(file));
                }
                long start = origin;
                yield merged(files, shaping, file -> new AzureLines(ComponentNames.fromFile(file), start));
            }
            case MOONCAKE -> merged(files(".jsonl"), shaping, file -> new MooncakeLines(ComponentNames.fromFile(file)));
            case CSV -> new RequestTrace(path, ComponentNames.fromFile(path), new CsvLines(), shaping);
        };
    }

    /** The file, or the folder's files with this extension, sorted by name. */
    private List<Path> files(String extension) throws IOException {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> listed = Files.list(path)) {
                files = listed.filter(file -> file.getFileName().toString().endsWith(extension))
                        .filter(Files::isRegularFile)
                        .sorted()
                        .limit(MAX_FILES + 1)
                        .toList();
            }
            if (files.isEmpty() || files.size() > MAX_FILES) {
                throw InputException.inFile(
                        path,
                        "expected 1 to " + MAX_FILES + " " + extension + " files in this folder, found "
                                + (files.isEmpty() ? "none" : "more"));
            }
        } else {
            files = List.of(path);
        }
        return files;
    }

    private static Workload merged(List<Path> files, WorkloadShaping shaping, Function<Path, LineParser> parser) {
        List<Workload> parts = files.stream()
                .map(file ->
                        (Workload) new RequestTrace(file, ComponentNames.fromFile(file), parser.apply(file), shaping))
                .toList();
        return parts.size() == 1 ? parts.getFirst() : new MergedWorkload(parts);
    }
}
