package dev.stowage.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code process:} and {@code STOWAGE_COMMAND} command lines, split as a POSIX shell splits the simple cases. */
class CommandLineTest {
    @Test
    void whitespace_separates_arguments() {
        assertThat(CommandLine.split("python3 -m http.server  8080"))
                .containsExactly("python3", "-m", "http.server", "8080");
        assertThat(CommandLine.split("\tserve\n--port 1 ")).containsExactly("serve", "--port", "1");
        assertThat(CommandLine.split("  ")).isEmpty();
    }

    @Test
    void quotes_group_and_a_backslash_escapes() {
        assertThat(CommandLine.split("'/opt/my java/bin/java' -Dx=\"a b\" it\\'s"))
                .containsExactly("/opt/my java/bin/java", "-Dx=a b", "it's");
        assertThat(CommandLine.split("echo \"say \\\"hi\\\"\" 'no $HOME or \\n here'"))
                .containsExactly("echo", "say \"hi\"", "no $HOME or \\n here");
        assertThat(CommandLine.split("a\\ b c")).containsExactly("a b", "c");
    }

    @Test
    void an_empty_quoted_argument_is_kept() {
        assertThat(CommandLine.split("serve '' \"\" x")).containsExactly("serve", "", "", "x");
    }

    @Test
    void nothing_is_expanded_as_no_shell_runs() {
        assertThat(CommandLine.split("serve *.bin $PORT | tee log"))
                .isEqualTo(List.of("serve", "*.bin", "$PORT", "|", "tee", "log"));
    }

    @Test
    void an_unclosed_quote_is_refused() {
        assertThatThrownBy(() -> CommandLine.split("echo 'open")).hasMessageContaining("Unclosed quote");
        assertThatThrownBy(() -> CommandLine.split("echo \"open")).hasMessageContaining("Unclosed quote");
    }
}
