package dev.stowage.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** cdk-nag's AwsSolutions pack finds nothing the stack has not answered with a written reason. */
class NagTest {
    private final SynthesizedStack synthesized = SynthesizedStack.get();

    @Test
    void no_error_is_left_unexplained() {
        List<SynthesisMessage> errors =
                synthesized.annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertThat(errors).extracting(NagTest::describe).isEmpty();
    }

    @Test
    void no_warning_is_left_unexplained() {
        List<SynthesisMessage> warnings =
                synthesized.annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertThat(warnings).extracting(NagTest::describe).isEmpty();
    }

    private static String describe(SynthesisMessage message) {
        String text = String.valueOf(message.getEntry().getData());
        return message.getId() + ": " + text.substring(0, Math.min(160, text.length()));
    }
}
