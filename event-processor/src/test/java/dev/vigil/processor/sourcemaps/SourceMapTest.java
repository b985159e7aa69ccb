package dev.vigil.processor.sourcemaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The decoder against terser's output and the spec's edge cases. */
class SourceMapTest {

  @Test
  void findsTheOriginalPositionOfAMinifiedToken() {
    SourceMap map = SourceMap.parse(SourceMapFixtures.BUILD_A.map());
    String minified = new String(SourceMapFixtures.BUILD_A.minified(), StandardCharsets.UTF_8);
    // sentry-cli's inject put an empty line and its debug-id snippet above the code (and shifted the map).
    String line3 = minified.split("\n")[2];
    int column = line3.indexOf("throw new Error");

    SourceMap.Original original = map.lookup(3, column);

    assertThat(original.source()).isEqualTo("src/checkout.js");
    assertThat(original.line()).isEqualTo(4);
    assertThat(original.column()).isEqualTo(4);
    assertThat(map.content(original.sourceIndex())).contains("function applyDiscount(cart, code)");
  }

  @Test
  void aPositionBeforeAnyMappingOrPastTheLastLineHasNoOriginal() {
    SourceMap map = SourceMap.parse(
        "{\"version\":3,\"sources\":[\"a.js\"],\"names\":[],\"mappings\":\"KAAA\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(map.lookup(1, 2)).isNull();
    assertThat(map.lookup(1, 5)).isNotNull();
    assertThat(map.lookup(2, 0)).isNull();
  }

  @Test
  void sourceRootPrefixesSourcesAndXssiPrefixIsSkipped() {
    SourceMap map = SourceMap.parse(
        ")]}'\n{\"version\":3,\"sourceRoot\":\"webpack://app/\",\"sources\":[\"a.js\"],\"names\":[\"go\"],\"mappings\":\"AAAAA\"}"
            .getBytes(StandardCharsets.UTF_8));

    SourceMap.Original original = map.lookup(1, 0);
    assertThat(original.source()).isEqualTo("webpack://app/a.js");
    assertThat(original.name()).isEqualTo("go");
  }

  @Test
  void rejectsWhatIsNotAVersion3Map() {
    assertThatThrownBy(() -> SourceMap.parse("{\"version\":2}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SourceMap.parse("<html>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
