package dev.vigil.processor.sourcemaps;

import static dev.vigil.processor.sourcemaps.SourceMapFixtures.BUILD_A;
import static dev.vigil.processor.sourcemaps.SourceMapFixtures.BUILD_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.processor.EdgeRecords;
import dev.vigil.state.issues.IssueEntity;
import dev.vigil.state.projects.ProjectEntity;
import dev.vigil.state.projects.Projects;
import dev.vigil.state.releases.ArtifactBundles;
import dev.vigil.state.releases.BundleFile;
import dev.vigil.state.releases.NewArtifactBundle;
import dev.vigil.storage.clickhouse.ClickHouseStorage;
import dev.vigil.testsupport.TestTopics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bundles stored as sentry-cli's upload stores them, real @sentry/node envelopes of two terser builds
 * on Kafka: the stored events show the original code and both builds make one issue (local stack).
 */
@QuarkusTest
class SourceMapsPipelineTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String RELEASE = "checkout@1.0.0";

  @Inject Projects projects;
  @Inject ArtifactBundles bundles;
  @Inject ClickHouseStorage clickhouse;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  private EdgeRecords edge;
  private long projectId;
  private long organizationId;

  @BeforeEach
  void newProjectAndProducer() throws Throwable {
    String slug = "sourcemaps-" + UUID.randomUUID().toString().substring(0, 8);
    ProjectEntity project = VertxContextSupport.subscribeAndAwait(() -> projects.create("processor-tests", slug, slug, "node"));
    projectId = project.id;
    organizationId = project.organization.id;
    edge = new EdgeRecords(bootstrap);
  }

  @AfterEach
  void closeProducer() {
    edge.close();
  }

  @Test
  void framesOfTwoMinifiedBuildsAreStoredAsTheOriginalCodeInOneIssue() throws Throwable {
    store(BUILD_A, true);
    store(BUILD_B, true);

    send(BUILD_A.envelope(), true);
    send(BUILD_B.envelope(), true);

    await().atMost(WAIT).untilAsserted(() -> assertThat(storedFrames()).hasSize(2));
    for (JsonNode frames : storedFrames()) {
      JsonNode thrower = frames.get(frames.size() - 1);
      assertThat(thrower.get("filename").asText()).isEqualTo("src/checkout.js");
      assertThat(thrower.get("function").asText()).isEqualTo("applyDiscount");
      assertThat(thrower.get("lineno").asInt()).isEqualTo(4);
      assertThat(thrower.get("context_line").asText()).isEqualTo("    throw new Error(\"checkout failed: empty cart\");");
      assertThat(thrower.get("pre_context")).hasSize(3);
      assertThat(thrower.get("post_context")).hasSize(5);
      assertThat(thrower.at("/data/resolved_with").asText()).isEqualTo("debug-id");
      JsonNode caller = frames.get(frames.size() - 2);
      assertThat(caller.get("function").asText()).isEqualTo("checkout");
      assertThat(caller.get("lineno").asInt()).isEqualTo(10);
    }
    assertThat(issues()).singleElement().satisfies(i -> assertThat(i.culprit).contains("applyDiscount"));
  }

  @Test
  void withoutDebugIdsTheMapIsFoundByReleaseAndTheFilesSourceMappingUrl() throws Throwable {
    store(BUILD_A, false);

    send(BUILD_A.envelope(), false);

    await().atMost(WAIT).untilAsserted(() -> assertThat(storedFrames()).hasSize(1));
    JsonNode frames = storedFrames().get(0);
    JsonNode thrower = frames.get(frames.size() - 1);
    assertThat(thrower.get("function").asText()).isEqualTo("applyDiscount");
    assertThat(thrower.get("context_line").asText()).contains("throw new Error");
    assertThat(thrower.at("/data/resolved_with").asText()).isEqualTo("release");
    assertThat(thrower.at("/data/sourcemap").asText()).isEqualTo("~/checkout.3f9a1c.min.js.map");
  }

  @Test
  void withoutAnUploadedMapTheMinifiedFramesAreStoredAsSent() throws Throwable {
    send(BUILD_A.envelope(), true);

    await().atMost(WAIT).untilAsserted(() -> assertThat(storedFrames()).hasSize(1));
    JsonNode frames = storedFrames().get(0);
    JsonNode thrower = frames.get(frames.size() - 1);
    assertThat(thrower.get("filename").asText()).endsWith("checkout.3f9a1c.min.js");
    assertThat(thrower.get("lineno").asInt()).isEqualTo(3);
    assertThat(thrower.has("data")).isFalse();
  }

  /** As sentry-cli's upload stores a bundle: URLs under {@code ~/}, the Sourcemap header, optionally debug ids. */
  private void store(SourceMapFixtures.Build build, boolean withDebugIds) throws Throwable {
    String debugId = withDebugIds ? build.debugId() : null;
    List<BundleFile> files = List.of(
        new BundleFile("files/_/_/" + build.name() + ".min.js", "~/" + build.name() + ".min.js", "minified_source",
            debugId, build.name() + ".min.js.map", Map.of("Sourcemap", build.name() + ".min.js.map"), build.minified()),
        new BundleFile("files/_/_/" + build.name() + ".min.js.map", "~/" + build.name() + ".min.js.map", "source_map",
            debugId, null, Map.of(), build.map()));
    String checksum = UUID.randomUUID().toString().replace("-", "") + "00000000";
    VertxContextSupport.subscribeAndAwait(() -> bundles.store(organizationId,
        new NewArtifactBundle(checksum, UUID.randomUUID().toString(), RELEASE, null, List.of(projectId), files)));
  }

  /** Sends a fixture envelope under a new event id, without its debug_meta when asked. */
  private void send(byte[] envelope, boolean withDebugMeta) throws Exception {
    String eventId = UUID.randomUUID().toString().replace("-", "");
    String text = SourceMapFixtures.fresh(envelope, eventId, null);
    if (!withDebugMeta) {
      text = text.replaceAll(",\"debug_meta\":\\{\"images\":\\[[^\\]]*\\]\\}", "");
      assertThat(text).doesNotContain("debug_meta");
    }
    edge.send(TestTopics.INGEST_EVENTS, eventId, text.getBytes(StandardCharsets.UTF_8), projectId);
  }

  /** The main exception's frames of each stored event of the project, as ClickHouse holds them. */
  private List<JsonNode> storedFrames() throws Exception {
    List<JsonNode> frames = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Connection c = clickhouse.connection();
        PreparedStatement ps = c.prepareStatement(clickhouse.qualify(
            "SELECT payload FROM ${database}.events FINAL WHERE project_id = ?"))) {
      ps.setLong(1, projectId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          frames.add(json.readTree(rs.getString(1)).at("/exception/values/0/stacktrace/frames"));
        }
      }
    }
    return frames;
  }

  private List<IssueEntity> issues() throws Throwable {
    return VertxContextSupport.subscribeAndAwait(
        () -> Panache.withSession(() -> IssueEntity.<IssueEntity>list("projectId = ?1 order by id", projectId)));
  }
}
