package dev.stowage.local.simulate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stowage simulate} (issue 16), its inputs only: it checks every option, reads the deployment and the workload,
 * prints what it read, and exits {@value #NOT_IMPLEMENTED} because the replay is not built yet; it writes no report.
 * Options, files or workloads it cannot take are one line on standard error and exit status {@value #USAGE}; a file it
 * cannot read for another reason (permissions, I/O) exits 1.
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Replay a workload through a deployment in simulated time (issue 16). So far it only reads and"
                + " checks its inputs: the replay is not implemented yet, and it exits 3 without a report.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "2:an option, the deployment or the workload cannot be taken (one line says why)",
            "3:the inputs were read, but the replay is not implemented yet (no report is written)",
            "1:a file could not be read"
        })
public final class SimulateCommand implements Callable<Integer> {
    public static final int USAGE = 2;
    public static final int NOT_IMPLEMENTED = 3;

    @Option(names = "--deployment", required = true, paramLabel = "FILE", description = "JSON list of operations")
    Path deployment = Path.of("");

    @Option(
            names = "--workload",
            required = true,
            paramLabel = "KIND:PATH",
            converter = SimulateOptionValues.Source.class,
            description = "servegen:FOLDER, azure:FILE|FOLDER, mooncake:FILE|FOLDER or csv:FILE")
    @Nullable
    WorkloadSource workload;

    @Option(
            names = "--rate-scale",
            paramLabel = "X",
            converter = SimulateOptionValues.RateScale.class,
            description =
                    "multiply the trace's request rate by X, above 0 and at most 1000 (default: ${DEFAULT-VALUE})")
    double rateScale = 1;

    @Option(
            names = "--compress",
            paramLabel = "N",
            converter = SimulateOptionValues.Compress.class,
            description = "run the trace N times faster (default: ${DEFAULT-VALUE})")
    int compress = 1;

    @Option(
            names = "--seed",
            paramLabel = "N",
            converter = SimulateOptionValues.Seed.class,
            description = "seed of every random draw (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--prices", paramLabel = "FILE", description = "instance prices (not read yet)")
    @Nullable
    Path prices;

    @Option(names = "--report", required = true, paramLabel = "OUT.json", description = "where the report will go")
    Path report = Path.of("");

    @Option(names = "--plots", paramLabel = "DIR", description = "where the plots will go")
    @Nullable
    Path plots;

    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine line = spec().commandLine();
        PrintWriter out = line.getOut();
        PrintWriter err = line.getErr();
        Optional<String> refusal = refusal();
        if (refusal.isPresent()) {
            return fail(err, USAGE, refusal.get());
        }
        WorkloadShaping shaping = new WorkloadShaping(rateScale, compress, seed);
        try {
            Deployment read = DeploymentFile.read(deployment);
            WorkloadSummary summary = source().open(shaping).summary();
            List<String> uncovered = read.uncovered(
                    summary.components().stream().map(ComponentLoad::component).toList());
            if (!uncovered.isEmpty()) {
                return fail(
                        err,
                        USAGE,
                        deployment.getFileName() + ": the workload's component " + uncovered.getFirst()
                                + " is not created and there is no DefaultInferenceComponent"
                                + (uncovered.size() > 1 ? " (nor " + (uncovered.size() - 1) + " more)" : ""));
            }
            InputSummary.lines(deployment.toString(), read, source(), shaping, summary)
                    .forEach(out::println);
            out.flush();
        } catch (InputException e) {
            return fail(err, USAGE, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            return fail(err, 1, "cannot read: " + e.getMessage());
        }
        return fail(
                err,
                NOT_IMPLEMENTED,
                "the inputs are read, but the replay is not implemented yet (issue 16); no report was written to "
                        + report);
    }

    /** What is wrong with the paths, before any file is read. */
    private Optional<String> refusal() {
        if (!Files.isRegularFile(deployment)) {
            return Optional.of("--deployment " + deployment + ": no such file");
        }
        if (prices != null && !Files.isRegularFile(prices)) {
            return Optional.of("--prices " + prices + ": no such file");
        }
        if (Files.isDirectory(report)) {
            return Optional.of("--report " + report + " is a folder; give the report file's path");
        }
        Path reportFolder = report.toAbsolutePath().getParent();
        if (reportFolder == null || !Files.isDirectory(reportFolder)) {
            return Optional.of("--report " + report + ": its folder does not exist");
        }
        if (plots != null && Files.exists(plots) && !Files.isDirectory(plots)) {
            return Optional.of("--plots " + plots + " is a file; give a folder");
        }
        return Optional.empty();
    }

    private static int fail(PrintWriter err, int status, String message) {
        err.println("stowage simulate: " + message);
        err.flush();
        return status;
    }

    private WorkloadSource source() {
        if (workload == null) {
            throw new IllegalStateException("picocli requires --workload");
        }
        return workload;
    }

    private CommandLine.Model.CommandSpec spec() {
        if (spec == null) {
            throw new IllegalStateException("SimulateCommand runs through picocli");
        }
        return spec;
    }
}
