package dev.stowage.local.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.local.cli.StowageCommand;
import dev.stowage.local.cli.UpCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code stowage simulate} in process, as {@code ./stowage} dispatches it (issue 16, inputs only). */
class SimulateCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "simulate";
        System.arraycopy(args, 0, all, 1, args.length);
        return StowageCommand.commandLine(UpCommand.discovering())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(all);
    }

    private String report() {
        return dir.resolve("report.json").toString();
    }

    @Test
    void reads_and_summarises_the_inputs_then_says_the_replay_is_not_built() {
        int status = run(
                "--deployment", Fixtures.file("deployment.json").toString(),
                "--workload", "csv:" + Fixtures.file("workload.csv"),
                "--report", report());
        assertThat(status).isEqualTo(SimulateCommand.NOT_IMPLEMENTED);
        assertThat(out.toString())
                .contains("6 operations")
                .contains("  CreateInferenceComponent 1\n")
                .contains("components created: chat\n")
                .contains("default component template: yes, with a scalable target and policy")
                .contains("2 components, 4 requests")
                .containsPattern("chat +3 requests  00:00:00.000 to 01:00:00.000  \\(created\\)")
                .containsPattern("code +1 requests  00:00:00.500 to 00:00:00.500  \\(from the template\\)");
        assertThat(err.toString())
                .isEqualTo("stowage simulate: the inputs are read, but the replay is not implemented yet (issue 16);"
                        + " no report was written to " + report() + "\n");
        assertThat(Files.exists(dir.resolve("report.json"))).isFalse();
    }

    @Test
    void servegen_components_are_named_after_model_folder_and_file() {
        int status = run(
                "--deployment",
                Fixtures.file("deployment.json").toString(),
                "--workload",
                "servegen:" + Fixtures.file("servegen"),
                "--rate-scale",
                "0.5",
                "--compress",
                "10",
                "--seed",
                "3",
                "--report",
                report());
        assertThat(status).isEqualTo(3);
        assertThat(out.toString()).contains("m-large-chunk-12-trace").contains("m-small-chunk-5-trace");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--rate-scale|0|--rate-scale must be a number above 0 and at most 1000",
                "--rate-scale|1001|--rate-scale must be a number above 0 and at most 1000",
                "--rate-scale|x|--rate-scale must be a number above 0 and at most 1000",
                "--compress|0|--compress must be a whole number from 1 to 1000000",
                "--seed|1.5|--seed must be a whole number, not '1.5'",
                "--workload|parquet:x|--workload kind must be servegen, azure, mooncake or csv, not 'parquet'",
                "--workload|servegen|--workload must be KIND:PATH",
            })
    void a_refused_option_is_one_line_and_exit_2(String option, String value, String error) {
        String[] args = {
            "--deployment",
            Fixtures.file("deployment.json").toString(),
            "--workload",
            "csv:" + Fixtures.file("workload.csv"),
            "--report",
            report(),
            option,
            value
        };
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString()).startsWith("stowage simulate: " + error).doesNotContain("Usage");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void a_missing_required_option_is_exit_2() {
        assertThat(run("--deployment", Fixtures.file("deployment.json").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("stowage simulate: Missing required options");
    }

    @Test
    void a_bad_workload_line_is_one_line_and_exit_2() {
        int status = run(
                "--deployment", Fixtures.file("deployment.json").toString(),
                "--workload", "csv:" + Fixtures.file("bad/workload-out-of-order.csv"),
                "--report", report());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("stowage simulate: workload-out-of-order.csv: line 3: the requests are not in time order"
                        + " (this one is earlier than the line before)\n");
    }

    @Test
    void components_without_a_template_are_exit_2() {
        int status = run(
                "--deployment", Fixtures.file("deployment-no-default.json").toString(),
                "--workload", "csv:" + Fixtures.file("workload.csv"),
                "--report", report());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("stowage simulate: deployment-no-default.json: the workload's component code is not created"
                        + " and there is no DefaultInferenceComponent\n");
    }

    @Test
    void missing_files_are_exit_2() {
        assertThat(run(
                        "--deployment", dir.resolve("none.json").toString(),
                        "--workload", "csv:" + Fixtures.file("workload.csv"),
                        "--report", report()))
                .isEqualTo(2);
        assertThat(run(
                        "--deployment", Fixtures.file("deployment.json").toString(),
                        "--workload", "mooncake:" + dir.resolve("none.jsonl"),
                        "--report", report()))
                .isEqualTo(2);
        assertThat(run(
                        "--deployment", Fixtures.file("deployment.json").toString(),
                        "--workload", "csv:" + Fixtures.file("workload.csv"),
                        "--report", dir.resolve("no/such/folder/report.json").toString()))
                .isEqualTo(2);
        assertThat(err.toString().lines())
                .containsExactly(
                        "stowage simulate: --deployment " + dir.resolve("none.json") + ": no such file",
                        "stowage simulate: none.jsonl: no such file or folder (--workload mooncake:"
                                + dir.resolve("none.jsonl") + ")",
                        "stowage simulate: --report " + dir.resolve("no/such/folder/report.json")
                                + ": its folder does not exist");
    }
}
