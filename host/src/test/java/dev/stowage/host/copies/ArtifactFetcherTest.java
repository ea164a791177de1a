package dev.stowage.host.copies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.testing.ModelArchives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
    void a_key_never_leads_out_of_its_bucket_and_a_missing_object_says_where_local_mode_looks() throws Exception {
        Files.createDirectories(dir.resolve("buckets/models"));
        Files.writeString(dir.resolve("secret"), "the machine's own file");
        ArtifactFetcher fetcher = new ArtifactFetcher(dir.resolve("buckets"), dir.resolve("work"));

        assertThatThrownBy(() -> fetcher.fetch("c", "s3://models/" + dir.resolve("secret")))
                .as("a leading slash would make the key absolute")
                .hasMessage(
                        "The model artifact s3://models/" + dir.resolve("secret") + " was not found. Local mode reads"
                                + " s3://<bucket>/<key> from hosts/buckets/<bucket>/<key> under the data dir that ./stowage up"
                                + " was given with --data-dir; put the object there.");
        assertThat(Files.exists(dir.resolve("work/c/model/secret"))).isFalse();
    }

    @Test
    void a_folder_is_used_in_place_and_a_file_is_copied_into_the_copy_folder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("buckets/models/folder"));
        Files.writeString(dir.resolve("buckets/models/model.bin"), "weights");
        ArtifactFetcher fetcher = new ArtifactFetcher(dir.resolve("buckets"), dir.resolve("work"));

        assertThat(fetcher.fetch("copy-1", "s3://models/folder")).isEqualTo(folder);
        assertThat(fetcher.fetch("copy-1", folder.toUri().toString())).isEqualTo(folder);
        Path fetched = fetcher.fetch("copy-1", "s3://models/model.bin");
        assertThat(fetched).isEqualTo(dir.resolve("work/copy-1/model"));
        assertThat(fetched.resolve("model.bin")).hasContent("weights");
        assertThatThrownBy(() -> fetcher.fetch("copy-1", "s3://models/missing"))
                .hasMessageStartingWith("The model artifact s3://models/missing was not found.")
                .hasMessageNotContaining(dir.toString());
    }

    @Test
    void a_model_tar_gz_is_unpacked_into_the_copy_folder_as_sagemaker_unpacks_it() throws Exception {
        Path archive = Files.createDirectories(dir.resolve("buckets/models")).resolve("model.tar.gz");
        ModelArchives.write(archive, linked("./", "", "./config.json", "{}", "./weights/part-1.bin", "ones"));
        ArtifactFetcher fetcher = new ArtifactFetcher(dir.resolve("buckets"), dir.resolve("work"));

        Path fetched = fetcher.fetch("copy-2", "s3://models/model.tar.gz");

        assertThat(fetched).isEqualTo(dir.resolve("work/copy-2/model"));
        assertThat(fetched.resolve("config.json")).hasContent("{}");
        assertThat(fetched.resolve("weights/part-1.bin")).hasContent("ones");
        assertThat(fetched.resolve("model.tar.gz")).doesNotExist();
        assertThat(dir.resolve("work/copy-2/artifact.tar.gz")).doesNotExist();
        assertThat(fetcher.fetch("copy-3", archive.toString()).resolve("config.json"))
                .hasContent("{}");
    }

    @Test
    void an_archive_that_escapes_its_folder_or_is_not_one_is_refused_with_its_url() throws Exception {
        Path models = Files.createDirectories(dir.resolve("buckets/models"));
        ModelArchives.write(models.resolve("evil.tar.gz"), Map.of("../outside.txt", "gotcha"));
        Files.writeString(models.resolve("plain.tar.gz"), "not gzip");
        ArtifactFetcher fetcher = new ArtifactFetcher(dir.resolve("buckets"), dir.resolve("work"));

        assertThatThrownBy(() -> fetcher.fetch("copy-4", "s3://models/evil.tar.gz"))
                .hasMessageContaining("The model artifact s3://models/evil.tar.gz could not be unpacked")
                .hasMessageContaining("would land outside the model folder");
        assertThat(dir.resolve("work/copy-4/outside.txt")).doesNotExist();
        assertThatThrownBy(() -> fetcher.fetch("copy-5", "s3://models/plain.tar.gz"))
                .hasMessageContaining("The model artifact s3://models/plain.tar.gz could not be unpacked as a gzip");
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            files.put(pairs[i], pairs[i + 1]);
        }
        return files;
    }
}
