package dev.vigil.processor.sourcemaps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.state.releases.BundleFile;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a frame's minified file and its map are looked up in a release's bundles. */
class ArtifactUrlsTest {

  @Test
  void aBrowserUrlIsTriedAsItIsThenHostRelative() {
    assertThat(ArtifactUrls.candidates("https://cdn.example.com/static/app.min.js?v=3"))
        .containsExactly("https://cdn.example.com/static/app.min.js?v=3", "https://cdn.example.com/static/app.min.js",
            "~/static/app.min.js");
  }

  @Test
  void aNodeFilePathIsTriedByItsTrailingSegments() {
    assertThat(ArtifactUrls.candidates("/srv/app/dist/server.js"))
        .contains("/srv/app/dist/server.js", "~/srv/app/dist/server.js", "~/dist/server.js", "~/server.js");
  }

  @Test
  void theMapIsNamedByTheSourcemapHeaderRelativeToTheMinifiedFile() {
    BundleFile minified = new BundleFile("files/_/_/static/app.min.js", "~/static/app.min.js", "minified_source", null,
        "app.min.js.map", Map.of(), new byte[0]);

    assertThat(ArtifactUrls.mapUrls(minified)).first().isEqualTo("~/static/app.min.js.map");
  }

  @Test
  void withoutAHeaderTheSourceMappingUrlCommentNamesTheMap() {
    BundleFile minified = new BundleFile("files/_/_/static/app.min.js", "~/static/app.min.js", "minified_source", null,
        null, Map.of(), "o();\n//# sourceMappingURL=../maps/app.js.map\n".getBytes(StandardCharsets.UTF_8));

    assertThat(ArtifactUrls.mapUrls(minified)).first().isEqualTo("~/maps/app.js.map");
  }

  @Test
  void relativeSourcesResolveAgainstTheMinifiedLocation() {
    assertThat(JavaScriptFrames.resolve("https://cdn.example.com/static/js/app.min.js", "../../src/app.ts"))
        .isEqualTo("https://cdn.example.com/src/app.ts");
    assertThat(JavaScriptFrames.displayName("webpack://shop/./src/cart.js")).isEqualTo("./src/cart.js");
    assertThat(JavaScriptFrames.module("./src/cart.js")).isEqualTo("src/cart");
  }
}
