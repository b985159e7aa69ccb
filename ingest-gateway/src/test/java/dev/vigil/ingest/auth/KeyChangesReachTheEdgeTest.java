package dev.vigil.ingest.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.vigil.ingest.Fixtures;
import dev.vigil.ingest.TestProjects;
import dev.vigil.ingest.TestProjects.TestProject;
import dev.vigil.sentry.envelope.EventIds;
import dev.vigil.state.projects.KeyChange;
import dev.vigil.state.projects.ProjectKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A key disabled or limited through the management API (libs/state ProjectKeys, as query-service calls
 * it) while the gateway has it cached takes effect once the cached entry expires; here after 1 s.
 */
@QuarkusTest
@TestProfile(KeyChangesReachTheEdgeTest.ShortKeyCache.class)
class KeyChangesReachTheEdgeTest {

  /** A one-second key cache, so that the test waits for expiry instead of the default minute. */
  public static class ShortKeyCache implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("vigil.ingest.auth.key-cache-ttl", "1s");
    }
  }

  private static final long PATIENCE_MILLIS = 15_000;

  @Inject TestProjects projects;
  @Inject ProjectKeys keys;

  @Test
  void aKeyDisabledAfterUseIsRefusedOnceItsCacheEntryExpires() throws Throwable {
    TestProject project = projects.create();
    assertThat(send(project).statusCode()).isEqualTo(200);

    change(project, new KeyChange(null, false, null, false));

    Response refused = sendUntil(project, 403);
    refused.then().body("detail", containsString("DisabledKey"));
  }

  @Test
  void aLimitSetAfterUseAnswersTooManyRequestsOnceItsCacheEntryExpires() throws Throwable {
    TestProject project = projects.create();
    for (int i = 0; i < 5; i++) {
      assertThat(send(project).statusCode()).as("no limit yet").isEqualTo(200);
    }

    change(project, new KeyChange(null, null, 1, false));

    sendUntil(project, 429).then().header("X-Sentry-Rate-Limits", containsString("key_quota"));
  }

  private void change(TestProject project, KeyChange change) throws Throwable {
    assertThat(VertxContextSupport.subscribeAndAwait(() -> keys.update(project.id(), project.publicKey(), change))).isNotNull();
  }

  private static Response send(TestProject project) {
    return given().header("X-Sentry-Auth", project.auth())
        .body(Fixtures.envelope(Fixtures.NODE, EventIds.generate()))
        .post("/api/{p}/envelope/", project.id());
  }

  /** Sends envelopes until one is answered with {@code status}; only 200 is expected before that. */
  private static Response sendUntil(TestProject project, int status) throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (true) {
      Response r = send(project);
      if (r.statusCode() == status) {
        return r;
      }
      assertThat(r.statusCode()).as("answer while the old key is still cached").isEqualTo(200);
      assertThat(System.currentTimeMillis()).as("the change reached the gateway in time").isLessThan(deadline);
      Thread.sleep(200);
    }
  }
}
