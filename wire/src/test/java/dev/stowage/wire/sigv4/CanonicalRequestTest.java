package dev.stowage.wire.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.wire.protocol.Headers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalRequestTest {

    @Test
    void encodesThePathOnceMore() {
        assertThat(CanonicalRequest.path("")).isEqualTo("/");
        assertThat(CanonicalRequest.path("/endpoints/my%20ep/invocations"))
                .isEqualTo("/endpoints/my%2520ep/invocations");
    }

    @Test
    void sortsAndStrictlyEncodesQueryParameters() {
        assertThat(CanonicalRequest.query("b=2&a=x%2Fy&a=space%20here&flag&c=a+b&d=%7e"))
                .isEqualTo("a=space%20here&a=x%2Fy&b=2&c=a%2Bb&d=~&flag=");
    }

    @Test
    void trimsFoldsAndJoinsHeaderValues() {
        Headers headers = Headers.of(Map.of("X-Custom", List.of("  a   b  ", "c\t\td"), "Host", List.of("h")));
        assertThat(CanonicalRequest.headers(headers, List.of("host", "x-custom")))
                .isEqualTo("host:h\nx-custom:a b,c d\n");
    }
}
