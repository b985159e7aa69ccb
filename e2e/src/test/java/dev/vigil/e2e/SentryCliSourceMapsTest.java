package dev.vigil.e2e;

import static dev.vigil.e2e.Issues.frames;
import static dev.vigil.e2e.Issues.mainException;
import static dev.vigil.e2e.Issues.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's proof through the packaged stack: a build minified by terser, released with the real sentry-cli
 * (releases new, sourcemaps inject and upload, releases finalize, deploys new) against query-service with an
 * organization token, then an error raised in the minified code by @sentry/node (e2e/node/minified-error.js)
 * shows the original file, lines, functions and source context.
 */
@ExtendWith(StackServices.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentryCliSourceMapsTest {

  private static final String SOURCE = "invoice.js";
  private static final String ORIGINAL_FILE = "src/" + SOURCE;

  private VigilApi api;
  private String token;
  private String version;
  private TestProject project;
  private List<String> sourceLines;
  private String uploadOutput;
  private JsonNode event;
  private List<JsonNode> issues;

  @BeforeAll
  void releaseABuildWithSentryCliAndRaiseAnErrorInIt(VigilApi api, @TempDir Path work) throws Exception {
    this.api = api;
    Path nodeDir = SdkScript.repoRoot().resolve("e2e/node");
    assertThat(nodeDir.resolve("node_modules/@sentry/cli"))
        .as("@sentry/cli is not installed; run `./vigil test` (it runs `npm ci --prefix e2e/node`)")
        .exists();
    sourceLines = Files.readAllLines(nodeDir.resolve("sourcemaps/src").resolve(SOURCE), StandardCharsets.UTF_8);
    project = api.createProject("node");
    token =
        api.createOrganizationToken(
            VigilApi.ORGANIZATION, "ci " + project.slug(), List.of("project:releases", "org:read", "project:read"));
    version = "invoice@" + UUID.randomUUID().toString().substring(0, 8);

    SourceMapBuild build = new SourceMapBuild(nodeDir, work);
    Path minified = build.minify(SOURCE);
    Map<String, String> sentry =
        Map.of(
            "SENTRY_URL", api.queryUrl() + "/",
            "SENTRY_AUTH_TOKEN", token,
            "SENTRY_ORG", VigilApi.ORGANIZATION,
            "SENTRY_PROJECT", project.slug());
    build.sentryCli(sentry, "sourcemaps", "inject", build.dist().toString());
    build.sentryCli(sentry, "releases", "new", version);
    uploadOutput = build.sentryCli(sentry, "sourcemaps", "upload", "--release", version, build.dist().toString());
    build.sentryCli(sentry, "releases", "finalize", version);
    build.sentryCli(sentry, "deploys", "new", "--release", version, "-e", "production", "-n", "e2e-deploy");

    String node = SdkScript.interpreter("vigil.test.node", "node");
    JsonNode result =
        SdkScript.run(List.of(node, "minified-error.js", project.dsn(), version, minified.toString()), nodeDir);
    assertThat(result.path("flushed").asBoolean()).as("Sentry.flush() completed: %s", result).isTrue();
    String eventId = result.path("event_id").asText();
    assertThat(eventId).matches("[0-9a-f]{32}");
    event =
        Awaitility.await("event " + eventId + " of project " + project.id())
            .atMost(Issues.ARRIVAL_TIMEOUT)
            .pollInterval(Duration.ofMillis(500))
            .ignoreExceptionsInstanceOf(java.io.UncheckedIOException.class)
            .until(() -> api.getOrNull("/projects/" + project.id() + "/events/" + eventId), found -> found != null);
    issues = Issues.awaitEvents(api, project.id(), 1);
  }

  @Test
  void sentryCliUploadedTheMinifiedFileAndItsMapAsAnArtifactBundle() {
    assertThat(uploadOutput).contains("artifact bundle");
  }

  @Test
  void framesOfTheMinifiedBuildShowTheOriginalFileLinesFunctionsAndContext() {
    assertThat(issues).singleElement().satisfies(issue -> {
      assertThat(issue.path("title").asText()).isEqualTo("RangeError: invalid quantity \"two\" for SKU-2");
      assertThat(issue.path("count").asLong()).isEqualTo(1);
      // Sentry's JavaScript culprit, function(module), of the original raising frame, not of the minified one.
      assertThat(issue.path("culprit").asText()).isEqualTo("parseQuantity(src/invoice)");
    });
    List<JsonNode> mapped =
        frames(mainException(event)).stream()
            .filter(frame -> frame.path("data").path("symbolicated").asBoolean(false))
            .toList();
    // Innermost last, as Sentry orders frames: the throw, then the two calls that led to it.
    assertThat(mapped).extracting(frame -> frame.path("function").asText())
        .containsExactly("invoiceTotal", "lineTotal", "parseQuantity");
    assertOriginal(mapped.get(0), "    total += lineTotal(line);");
    assertOriginal(mapped.get(1), "  return parseQuantity(line) * line.unitPriceCents;");
    assertOriginal(mapped.get(2), "    throw new RangeError(`invalid quantity \"${line.quantity}\" for ${line.sku}`);");
    assertThat(mapped).allSatisfy(frame -> {
      // Found through the debug id sentry-cli injected and the SDK reported, as it would be in Sentry.
      assertThat(frame.path("data").path("resolved_with").asText()).isEqualTo("debug-id");
      assertThat(frame.path("data").path("orig_filename").asText()).endsWith("invoice.min.js");
      assertThat(frame.path("in_app").asBoolean()).isTrue();
    });
    assertThat(payload(event).path("release").asText()).isEqualTo(version);
  }

  @Test
  void theReleaseIsFinalizedDeployedAndCountsTheNewIssue() {
    String path =
        "/organizations/" + VigilApi.ORGANIZATION + "/releases/" + URLEncoder.encode(version, StandardCharsets.UTF_8) + "/";
    // With the organization token sentry-cli used, as `sentry-cli releases info` reads it.
    JsonNode release = Awaitility.await("newGroups of release " + version)
        .atMost(Issues.ARRIVAL_TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> api.getSentryApi(path, token), r -> r.path("newGroups").asInt() >= 1);
    assertThat(release.path("version").asText()).isEqualTo(version);
    assertThat(release.path("dateReleased").isTextual()).as("dateReleased of %s", release).isTrue();
    assertThat(release.path("newGroups").asInt()).isEqualTo(1);
    assertThat(release.path("deployCount").asInt()).isEqualTo(1);
    assertThat(release.path("lastDeploy").path("environment").asText()).isEqualTo("production");
    assertThat(release.path("lastDeploy").path("name").asText()).isEqualTo("e2e-deploy");
    assertThat(release.path("projects")).extracting(p -> p.path("slug").asText()).containsExactly(project.slug());
  }

  /** The frame at the original line that reads {@code sourceLine}, with that line as its context. */
  private void assertOriginal(JsonNode frame, String sourceLine) {
    int lineno = sourceLines.indexOf(sourceLine) + 1;
    assertThat(lineno).as("line %s of %s", sourceLine, SOURCE).isPositive();
    assertThat(frame.path("filename").asText()).as("filename of %s", frame).isEqualTo(ORIGINAL_FILE);
    assertThat(frame.path("abs_path").asText()).endsWith(ORIGINAL_FILE);
    assertThat(frame.path("lineno").asInt()).as("lineno of %s", frame).isEqualTo(lineno);
    assertThat(frame.path("context_line").asText()).isEqualTo(sourceLine);
    assertThat(Issues.texts(frame.path("pre_context"))).containsExactlyElementsOf(
        sourceLines.subList(Math.max(0, lineno - 6), lineno - 1));
  }
}
