package dev.stowage.host.copies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactFetcherTest {
    @TempDir
    Path dir;

    @Test
    void an_s3_url_maps_to_the_bucket_folder() throws Exception {
        BucketFolder buckets = new BucketFolder(dir.resolve("buckets"));
        ArtifactFetcher fetcher = new ArtifactFetcher(buckets, dir.resolve("work"));

        assertThat(buckets.resolve(S3Location.parse("s3://models/llama/model.tar.gz")))
                .isEqualTo(dir.resolve("buckets/models/llama/model.tar.gz"));
        assertThatThrownBy(() -> fetcher.fetch("c", "s3://models/../etc")).hasMessageContaining("not a valid");
        assertThatThrownBy(() -> fetcher.fetch("c", "https://example.com/m")).hasMessageContaining("neither s3://");
    }

    @Test
    void a_folder_is_used_in_place_and_a_file_is_copied_into_the_copy_folder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("buckets/models/folder"));
        Files.writeString(dir.resolve("buckets/models/model.tar.gz"), "weights");
        ArtifactFetcher fetcher = new ArtifactFetcher(dir.resolve("buckets"), dir.resolve("work"));

        assertThat(fetcher.fetch("copy-1", "s3://models/folder")).isEqualTo(folder);
        assertThat(fetcher.fetch("copy-1", folder.toUri().toString())).isEqualTo(folder);
        Path fetched = fetcher.fetch("copy-1", "s3://models/model.tar.gz");
        assertThat(fetched).isEqualTo(dir.resolve("work/copy-1/model"));
        assertThat(fetched.resolve("model.tar.gz")).hasContent("weights");
        assertThatThrownBy(() -> fetcher.fetch("copy-1", "s3://models/missing"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("The model artifact s3://models/missing was not found");
    }
}
