package dev.stowage.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InstanceTypesCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = new CommandLine(new InstanceTypesCommand());
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        return line.execute(args);
    }

    @Test
    void lists_every_supported_type() {
        assertThat(run()).isZero();
        assertThat(out.toString())
                .contains("ml.g5.12xlarge")
                .contains("ml.inf2.48xlarge")
                .contains("ml.m5.large");
    }

    @Test
    void describes_one_type() {
        assertThat(run("ml.g5.12xlarge")).isZero();
        assertThat(out.toString()).contains("ml.g5.12xlarge").contains("A10G");
    }

    @Test
    void an_unsupported_type_is_a_clear_error() {
        assertThat(run("ml.t2.medium")).isEqualTo(2);
        assertThat(err.toString()).contains("instance type ml.t2.medium is not supported");
    }
}
