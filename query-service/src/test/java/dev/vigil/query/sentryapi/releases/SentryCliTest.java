package dev.vigil.query.sentryapi.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.query.Tenants;
import dev.vigil.query.Tenants.Org;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.ApiTokens;
import dev.vigil.state.accounts.Organizations;
import dev.vigil.state.accounts.Scope;
import dev.vigil.state.releases.ArtifactBundles;
import dev.vigil.state.releases.BundleFile;
import dev.vigil.state.releases.Deploys;
import dev.vigil.state.releases.Release;
import dev.vigil.state.releases.Releases;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real sentry-cli (npm @sentry/cli, the version pinned in e2e/node/package.json) against query-service
 * with only the URL and an organization token changed: releases new, sourcemaps inject and upload,
 * releases finalize, deploys new. ./vigil test installs e2e/node (npm ci) first.
 */
@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
class SentryCliTest {

  private static final Path CLI = Path.of("..", "e2e", "node", "node_modules", ".bin", "sentry-cli");
  /** What sentry-cli 3.8 derives from the fixture's content when it injects the debug id. */
  private static final String DEBUG_ID = "78692a04-adc1-510b-aebe-002839a64bf6";

  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject ApiTokens tokens;
  @Inject Releases releases;
  @Inject Deploys deploys;
  @Inject ArtifactBundles bundles;

  @TempDir Path work;

  @Test
  void sentryCliCreatesAReleaseUploadsSourceMapsFinalizesAndDeploys() throws Exception {
    assumeTrue(Files.isExecutable(CLI), "e2e/node/node_modules is absent: run npm ci --prefix e2e/node (./vigil test does)");
    Tenants tenants = new Tenants(accounts, organizations, tokens);
    Org org = tenants.organization("cli");
    String project = ReleaseApiTest.projectSlug(org, "frontend");
    Map<String, String> env =
        Map.of(
            "SENTRY_URL", "http://localhost:" + RestAssured.port + "/",
            "SENTRY_AUTH_TOKEN", tenants.token(null, org, Scope.PROJECT_RELEASES),
            "SENTRY_ORG", org.slug(),
            "SENTRY_PROJECT", project);
    Path dist = work.resolve("dist");
    Files.createDirectories(dist);
    for (String name : List.of("app.min.js", "app.min.js.map")) {
      Files.copy(Path.of("src/test/resources/sentry-cli/dist", name), dist.resolve(name));
    }
    String version = "frontend@" + Tenants.unique("v");

    run(env, "releases", "new", version);
    run(env, "sourcemaps", "inject", dist.toString());
    String upload = run(env, "sourcemaps", "upload", "--release", version, dist.toString());
    run(env, "releases", "finalize", version);
    run(env, "deploys", "new", "--release", version, "-e", "production", "-n", "ci-42");

    assertThat(upload).contains("artifact bundle");
    Release release = await(() -> releases.find(org.id(), version));
    assertThat(release.projects()).extracting(p -> p.slug()).containsExactly(project);
    assertThat(release.dateReleased()).isNotNull();
    assertThat(await(() -> deploys.list(release.id())))
        .singleElement()
        .satisfies(d -> {
          assertThat(d.environment()).isEqualTo("production");
          assertThat(d.name()).isEqualTo("ci-42");
        });

    long projectId = release.projects().get(0).id();
    BundleFile minified = await(() -> bundles.findByUrl(projectId, version, null, List.of("~/app.min.js")));
    assertThat(minified.type()).isEqualTo("minified_source");
    assertThat(minified.sourcemap()).isEqualTo("app.min.js.map");
    assertThat(minified.debugId()).isEqualTo(DEBUG_ID);
    assertThat(new String(minified.content(), StandardCharsets.UTF_8)).contains("checkout failed: empty cart");
    BundleFile map = await(() -> bundles.findByDebugId(projectId, DEBUG_ID.toUpperCase(), "source_map"));
    assertThat(map.url()).isEqualTo("~/app.min.js.map");
    assertThat(new String(map.content(), StandardCharsets.UTF_8)).contains("\"sourcesContent\"").contains("function checkout(cart)");
  }

  /** Runs sentry-cli and returns its output; fails the test with that output when it exits non-zero. */
  private String run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(CLI.toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    // No ~/.sentryclirc of the machine, no update check or telemetry to sentry.io.
    builder.environment().put("HOME", work.toString());
    builder.environment().put("SENTRY_DISABLE_UPDATE_CHECK", "true");
    builder.environment().put("SENTRYCLI_SKIP_DOWNLOAD", "1");
    builder.environment().put("SENTRY_LOG_LEVEL", "info");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("sentry-cli %s finished", String.join(" ", args)).isTrue();
    assertThat(process.exitValue()).as("sentry-cli %s failed:%n%s", String.join(" ", args), output).isZero();
    return output;
  }

  private static <T> T await(Supplier<Uni<T>> work) {
    try {
      return VertxContextSupport.subscribeAndAwait(work);
    } catch (Throwable e) {
      throw new IllegalStateException("reading what was stored failed", e);
    }
  }
}
