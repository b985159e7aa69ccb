package dev.vigil.processor.sourcemaps;

import static dev.vigil.processor.sourcemaps.SourceMapFixtures.BUILD_A;
import static dev.vigil.processor.sourcemaps.SourceMapFixtures.BUILD_B;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.domain.Event;
import dev.vigil.domain.StackFrame;
import dev.vigil.sentry.event.EventNormalizer;
import dev.vigil.sentry.grouping.Grouper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real @sentry/node events from two terser builds, un-minified with their real maps (no database: an in-memory finder). */
class SourceMapSymbolicatorTest {

  private static final Map<String, SourceMapFixtures.Build> BY_DEBUG_ID =
      Map.of(BUILD_A.debugId(), BUILD_A, BUILD_B.debugId(), BUILD_B);

  private final EventNormalizer normalizer = new EventNormalizer();
  private final Grouper grouper = new Grouper();

  /** Finds the fixtures' maps by debug id only, as the SDK's debug_meta names them. */
  private final SourceMapFinder byDebugId = new SourceMapFinder() {
    @Override
    public LocatedMap byDebugId(long projectId, String debugId) {
      SourceMapFixtures.Build b = BY_DEBUG_ID.get(debugId);
      return b == null ? null : new LocatedMap(SourceMap.parse(b.map()), "debug-id", debugId);
    }

    @Override
    public LocatedMap byUrl(long projectId, String release, String dist, String minifiedPath) {
      return null;
    }
  };

  @Test
  void mapsTheThrowingFrameToTheOriginalFunctionLineAndSource() throws Exception {
    Event event = new SourceMapSymbolicator(byDebugId).symbolicate(normalize(BUILD_A));

    List<StackFrame> frames = event.mainException().frames();
    StackFrame thrower = frames.get(frames.size() - 1);
    assertThat(thrower.filename()).isEqualTo("src/checkout.js");
    assertThat(thrower.function()).isEqualTo("applyDiscount");
    assertThat(thrower.lineno()).isEqualTo(4);
    assertThat(thrower.contextLine()).isEqualTo("    throw new Error(\"checkout failed: empty cart\");");
    assertThat(thrower.preContext()).hasSize(3).startsWith("// A small module that fails like real code does: an error thrown two calls deep.");
    assertThat(thrower.postContext()).hasSize(5).startsWith("  }");
    StackFrame caller = frames.get(frames.size() - 2);
    assertThat(caller.function()).isEqualTo("checkout");
    assertThat(caller.lineno()).isEqualTo(10);
    assertThat(caller.contextLine()).isEqualTo("  const total = applyDiscount(cart, \"HALF\");");

    JsonNode stored = new ObjectMapper().readTree(event.payload())
        .at("/exception/values/0/stacktrace/frames").get(frames.size() - 1);
    assertThat(stored.get("function").asText()).isEqualTo("applyDiscount");
    assertThat(stored.get("lineno").asInt()).isEqualTo(4);
    assertThat(stored.get("context_line").asText()).contains("throw new Error");
    assertThat(stored.at("/data/sourcemap").asText()).isEqualTo(BUILD_A.debugId());
    assertThat(stored.at("/data/orig_lineno").asInt()).isEqualTo(3);
    assertThat(stored.at("/data/orig_filename").asText()).endsWith("checkout.3f9a1c.min.js");
  }

  @Test
  void twoMinifiedBuildsOfTheSameCodeGroupTogether() {
    SourceMapSymbolicator symbolicator = new SourceMapSymbolicator(byDebugId);
    Event a = symbolicator.symbolicate(normalize(BUILD_A));
    Event b = symbolicator.symbolicate(normalize(BUILD_B));

    assertThat(grouper.group(a).hash()).isEqualTo(grouper.group(b).hash());
    // Without the maps the builds differ (file names, positions), which is what the maps fix.
    assertThat(grouper.group(normalize(BUILD_A)).hash()).isNotEqualTo(grouper.group(normalize(BUILD_B)).hash());
  }

  @Test
  void aMissingMapLeavesTheEventAsItWas() {
    Event event = normalize(BUILD_A);
    SourceMapSymbolicator none = new SourceMapSymbolicator(new SourceMapFinder() {
      @Override
      public LocatedMap byDebugId(long projectId, String debugId) {
        return null;
      }

      @Override
      public LocatedMap byUrl(long projectId, String release, String dist, String minifiedPath) {
        return null;
      }
    });

    assertThat(none.symbolicate(event)).isSameAs(event);
  }

  @Test
  void aFailingLookupLeavesTheEventAsItWas() {
    Event event = normalize(BUILD_A);
    SourceMapSymbolicator broken = new SourceMapSymbolicator(new SourceMapFinder() {
      @Override
      public LocatedMap byDebugId(long projectId, String debugId) {
        throw new IllegalStateException("database down");
      }

      @Override
      public LocatedMap byUrl(long projectId, String release, String dist, String minifiedPath) {
        throw new IllegalStateException("database down");
      }
    });

    assertThat(broken.symbolicate(event)).isSameAs(event);
  }

  private Event normalize(SourceMapFixtures.Build build) {
    return normalizer.normalize(SourceMapFixtures.eventItem(build.envelope()), 1L, Instant.now());
  }
}
