package dev.stowage.testing.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

class ImageRecipeTest {

    @Test
    void every_image_has_a_recipe_and_a_tag_of_its_own() {
        List<String> references =
                Arrays.stream(TestImage.values()).map(TestImages::reference).toList();

        assertThat(references).doesNotHaveDuplicates().allMatch(r -> r.matches("stowage-test/[a-z-]+:[0-9a-f]{16}"));
        assertThat(TestImages.reference(TestImage.STREAMING)).startsWith("stowage-test/streaming:");
    }

    @Test
    void the_same_recipe_gives_the_same_tag() {
        assertThat(ImageRecipe.load(TestImage.BYOC_SKLEARN).reference())
                .isEqualTo(ImageRecipe.load(TestImage.BYOC_SKLEARN).reference());
    }

    @Test
    void images_of_the_same_packages_share_one_base() {
        var unhealthy = ImageRecipe.load(TestImage.UNHEALTHY).base();

        assertThat(ImageRecipe.load(TestImage.EXIT_AFTER_SERVING).base()).isEqualTo(unhealthy);
        assertThat(ImageRecipe.load(TestImage.STREAMING).base().reference()).isEqualTo(unhealthy.reference());
        assertThat(ImageRecipe.load(TestImage.BYOC_SKLEARN).base().reference()).isNotEqualTo(unhealthy.reference());
        assertThat(ImageRecipe.load(TestImage.BYOC_SKLEARN).base().packages())
                .containsExactly("gunicorn", "python3-flask", "python3-sklearn");
    }

    @Test
    void the_build_context_names_the_base_in_its_dockerfile() throws Exception {
        var recipe = ImageRecipe.load(TestImage.UNHEALTHY);

        var entries = new LinkedHashMap<String, String>();
        try (var tar =
                new TarArchiveInputStream(new ByteArrayInputStream(recipe.buildContext("stowage-test/base:abc")))) {
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }

        assertThat(entries).containsOnlyKeys("Dockerfile", "app.py", "contract.py");
        assertThat(entries.get("contract.py")).as("a shared file").contains("def serve(");
        assertThat(entries.get("Dockerfile"))
                .startsWith("FROM stowage-test/base:abc\n")
                .contains("ENTRYPOINT [\"python3\", \"/opt/program/app.py\"]");
    }

    @Test
    void the_mirror_is_the_one_this_machine_uses() {
        assertThat(Mmdebstrap.mirror()).matches("https?://\\S+/debian");
    }
}
