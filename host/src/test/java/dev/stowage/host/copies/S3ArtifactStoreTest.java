package dev.stowage.host.copies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.testing.aws.CannedResponse;
import dev.stowage.testing.aws.CapturedRequest;
import dev.stowage.testing.aws.CapturingAwsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;

/** Artifacts from S3, checked on the requests the real S3 client sends (path-style to reach the loopback server). */
class S3ArtifactStoreTest {
    @TempDir
    Path dir;

    private final CapturingAwsServer server = CapturingAwsServer.start();
    private final S3Client s3 = server.configure(S3Client.builder())
            .forcePathStyle(true)
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();

    @AfterEach
    void close() {
        s3.close();
        server.close();
    }

    private ArtifactFetcher fetcher() {
        return new ArtifactFetcher(new S3ArtifactStore(s3), dir.resolve("work"));
    }

    private static CannedResponse object(String text) {
        return CannedResponse.bytes(200, "application/octet-stream", text.getBytes(StandardCharsets.UTF_8));
    }

    private static CannedResponse listing(String prefix, String token, String next, String... keys) {
        StringBuilder xml = new StringBuilder("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Name>models</Name><Prefix>" + prefix + "</Prefix><KeyCount>" + keys.length
                + "</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>" + !next.isEmpty() + "</IsTruncated>");
        for (String key : keys) {
            xml.append("<Contents><Key>").append(key).append("</Key><Size>1</Size></Contents>");
        }
        if (!next.isEmpty()) {
            xml.append("<NextContinuationToken>").append(next).append("</NextContinuationToken>");
        }
        return CannedResponse.xml(200, xml.append("</ListBucketResult>").toString());
    }

    private static CannedResponse noSuchKey() {
        return CannedResponse.xml(
                404, "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>");
    }

    @Test
    void a_single_object_is_streamed_into_the_copy_folder() throws Exception {
        server.respond(request -> object("weights"));

        Path fetched = fetcher().fetch("copy-1", "s3://models/llama/weights.bin");

        assertThat(fetched).isEqualTo(dir.resolve("work/copy-1/model"));
        assertThat(fetched.resolve("weights.bin")).hasContent("weights");
        CapturedRequest get = server.requests().getFirst();
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.path()).isEqualTo("/models/llama/weights.bin");
        assertThat(get.header("authorization"))
                .hasValueSatisfying(a -> assertThat(a).contains("/s3/aws4_request"));
    }

    @Test
    void a_prefix_is_listed_page_by_page_and_each_object_fetched_under_its_relative_key() throws Exception {
        server.respond(request -> {
            if (!request.query().contains("list-type=2")) {
                return object("content of " + request.path());
            }
            return request.query().contains("continuation-token=page-2")
                    ? listing("llama/", "page-2", "", "llama/weights/shard-1.bin")
                    : listing("llama/", "", "page-2", "llama/", "llama/config.json");
        });

        Path fetched = fetcher().fetch("copy-1", "s3://models/llama/");

        assertThat(fetched.resolve("config.json")).hasContent("content of /models/llama/config.json");
        assertThat(fetched.resolve("weights/shard-1.bin")).hasContent("content of /models/llama/weights/shard-1.bin");
        assertThat(server.requests().getFirst().query()).contains("prefix=llama%2F");
        assertThat(server.requests())
                .filteredOn(r -> !r.query().contains("list-type"))
                .hasSize(2);
    }

    @Test
    void a_key_that_is_no_object_is_read_as_a_folder_and_nothing_there_is_not_found() throws Exception {
        server.respond(request -> request.query().contains("list-type=2")
                ? listing("llama/", "", "", "llama/config.json")
                : request.path().endsWith("/llama") ? noSuchKey() : object("{}"));

        assertThat(fetcher().fetch("copy-1", "s3://models/llama").resolve("config.json"))
                .hasContent("{}");

        server.respond(request -> request.query().contains("list-type=2") ? listing("gone/", "", "") : noSuchKey());
        assertThatThrownBy(() -> fetcher().fetch("copy-2", "s3://models/gone"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("The model artifact s3://models/gone was not found");
    }

    @Test
    void access_denied_is_an_io_failure_naming_the_object() {
        server.respond(request ->
                CannedResponse.xml(403, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"));

        assertThatThrownBy(() -> fetcher().fetch("copy-1", "s3://private/model.tar.gz"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Could not read s3://private/model.tar.gz")
                .hasMessageContaining("Access Denied");
    }
}
