package dev.stowage.domain.routing.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A real LLM request trace from {@code shared/traces/}: arrival seconds from the first request, prompt and output
 * tokens, the prompt's prefix block ids (empty when the trace has none), and an entry host drawn with a seed.
 */
record LlmTrace(String name, double[] arrivals, int[] input, int[] output, long[][] blocks, int[] entryHost) {

    /** The traces folder: {@code -Dstowage.traces}, else {@code shared/traces} beside the repository. */
    static Path folder() {
        String configured = System.getProperty("stowage.traces");
        if (configured != null) {
            return Path.of(configured);
        }
        Path fromModule = Path.of(System.getProperty("user.dir"))
                .resolve("../../shared/traces")
                .normalize();
        return Files.isDirectory(fromModule) ? fromModule : Path.of("/work/shared/traces");
    }

    static boolean available() {
        return Files.isRegularFile(folder().resolve("mooncake/conversation_trace.jsonl"));
    }

    /** Mooncake's conversation trace: one JSON object per line with {@code hash_ids}, 512-token blocks. */
    static LlmTrace mooncake(int hosts, long seed) {
        List<String> lines = read(folder().resolve("mooncake/conversation_trace.jsonl"));
        int n = lines.size();
        double[] arrivals = new double[n];
        int[] input = new int[n];
        int[] output = new int[n];
        long[][] blocks = new long[n][];
        for (int i = 0; i < n; i++) {
            String line = lines.get(i);
            arrivals[i] = Long.parseLong(member(line, "timestamp")) / 1000.0;
            input[i] = Integer.parseInt(member(line, "input_length"));
            output[i] = Integer.parseInt(member(line, "output_length"));
            String ids = line.substring(line.indexOf('[', line.indexOf("\"hash_ids\"")) + 1, line.indexOf(']'));
            blocks[i] = ids.isBlank()
                    ? new long[0]
                    : java.util.Arrays.stream(ids.split(","))
                            .mapToLong(s -> Long.parseLong(s.strip()))
                            .toArray();
        }
        return new LlmTrace("mooncake-conversation", arrivals, input, output, blocks, entries(n, hosts, seed));
    }

    /** Azure's 2023 conversation trace (Splitwise): timestamps and token counts, no prefixes. */
    static LlmTrace azureConversation(int hosts, long seed) {
        List<String> lines = read(folder().resolve("azure-llm-2023/AzureLLMInferenceTrace_conv.csv"));
        lines = lines.subList(1, lines.size());
        int n = lines.size();
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSS");
        double[] arrivals = new double[n];
        int[] input = new int[n];
        int[] output = new int[n];
        long[][] blocks = new long[n][];
        LocalDateTime first = null;
        for (int i = 0; i < n; i++) {
            String[] columns = lines.get(i).split(",");
            LocalDateTime at = LocalDateTime.parse(columns[0], format);
            if (first == null) {
                first = at;
            }
            arrivals[i] = ChronoUnit.MICROS.between(first, at) / 1e6;
            input[i] = Integer.parseInt(columns[1].strip());
            output[i] = Math.max(1, Integer.parseInt(columns[2].strip()));
            blocks[i] = new long[0];
        }
        return new LlmTrace("azure-conversation", arrivals, input, output, blocks, entries(n, hosts, seed));
    }

    int size() {
        return input.length;
    }

    /** The same requests arriving at {@code seconds} instead. */
    LlmTrace withArrivals(double[] seconds) {
        return new LlmTrace(name, seconds, input, output, blocks, entryHost);
    }

    /** Mean seconds of copy time per request with nothing cached ({@link PrefixServing#work}). */
    double meanWork(PrefixServing model) {
        double sum = 0;
        for (int i = 0; i < size(); i++) {
            sum += model.work(input[i], output[i]);
        }
        return sum / size();
    }

    /** How much faster than recorded to replay the trace so that the offered work is {@code load} of capacity. */
    double speedUpFor(double load, PrefixServing model) {
        double recordedRate = size() / arrivals[size() - 1];
        double wantedRate = load * model.copies() / meanWork(model);
        return wantedRate / recordedRate;
    }

    private static int[] entries(int n, int hosts, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] entry = new int[n];
        for (int i = 0; i < n; i++) {
            entry[i] = random.nextInt(hosts);
        }
        return entry;
    }

    private static String member(String line, String name) {
        int colon = line.indexOf(':', line.indexOf("\"" + name + "\""));
        int end = colon + 1;
        while (end < line.length() && line.charAt(end) != ',' && line.charAt(end) != '}') {
            end++;
        }
        return line.substring(colon + 1, end).strip();
    }

    private static List<String> read(Path file) {
        try {
            return new ArrayList<>(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
