package dev.stowage.host.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Issue 13: what the JDK server answered with an HTML page, a 501 or a closed connection is refused first. */
class RequestHeadsTest {
    private static RequestHeads.Read read(String head) throws IOException {
        return RequestHeads.read(new ByteArrayInputStream(head.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static RequestHeads.Bad refused(String head) throws IOException {
        RequestHeads.Read read = read(head);
        assertThat(read).isInstanceOf(RequestHeads.Bad.class);
        return (RequestHeads.Bad) read;
    }

    @Test
    void aWellFormedHeadIsForwardedAsItCameWithItsFraming() throws IOException {
        String head = "POST /a?b=1 HTTP/1.1\r\nHost: x\r\nX-Amz-Target: SageMaker.DescribeModel\r\n"
                + "Content-Length: 12\r\n\r\n";
        RequestHeads.Good good = (RequestHeads.Good) read(head + "{\"a\":\"bcd\"}");
        assertThat(new String(good.raw(), StandardCharsets.ISO_8859_1)).isEqualTo(head);
        assertThat(good.length()).isEqualTo(12);
        assertThat(((RequestHeads.Good) read("GET / HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n")).chunked())
                .isTrue();
        assertThat(read("")).isInstanceOf(RequestHeads.End.class);
    }

    @Test
    void framingTheJdkServerRefusesIsABadRequest() throws IOException {
        for (String framing : new String[] {
            "Transfer-Encoding: identity\r\n",
            "Transfer-Encoding: gzip, chunked\r\n",
            "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n",
            "Content-Length: abc\r\n",
            "Content-Length: -1\r\n",
            "Content-Length: 1, 2\r\n",
            "Content-Length: 99999999999999999999\r\n",
        }) {
            RequestHeads.Bad bad =
                    refused("POST / HTTP/1.1\r\nX-Amz-Target: SageMaker.DescribeModel\r\n" + framing + "\r\n");
            assertThat(bad.status()).as(framing).isEqualTo(400);
            assertThat(bad.code()).isEqualTo("BadRequestException");
            assertThat(bad.head().first("x-amz-target")).contains("SageMaker.DescribeModel");
        }
    }

    @Test
    void aTargetThatIsNotAUriOrALineThatIsNotAHeaderIsABadRequest() throws IOException {
        assertThat(refused("POST // HTTP/1.1\r\n\r\n").message()).startsWith("The request target is not a URI");
        assertThat(refused("POST /%zz HTTP/1.1\r\n\r\n").status()).isEqualTo(400);
        assertThat(refused("POST / HTTP/2.0\r\n\r\n").status()).isEqualTo(400);
        assertThat(refused("POST / HTTP/1.1\r\nno colon\r\n\r\n").status()).isEqualTo(400);
        assertThat(refused("POST / HTTP/1.1\r\nHost: x").message()).contains("ended inside its head");
    }

    @Test
    void tooManyOrTooLargeHeadersAre431() throws IOException {
        StringBuilder many = new StringBuilder("POST / HTTP/1.1\r\n");
        for (int i = 0; i <= RequestHeads.MAX_HEADERS; i++) {
            many.append("X-").append(i).append(": v\r\n");
        }
        assertThat(refused(many + "\r\n").status()).isEqualTo(431);
        assertThat(refused("POST / HTTP/1.1\r\nX-Big: " + "h".repeat(RequestHeads.MAX_HEAD_BYTES) + "\r\n\r\n")
                        .status())
                .isEqualTo(431);
    }
}
