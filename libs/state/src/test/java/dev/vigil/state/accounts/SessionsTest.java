package dev.vigil.state.accounts;

import static dev.vigil.state.accounts.AccountsFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
class SessionsTest {

  @Inject Sessions sessions;
  @Inject AccountsFixture fixture;

  @Test
  void resolvesACookieToItsUserWithACsrfTokenAndStoresOnlyTheHash() {
    Account user = fixture.user();
    NewSecret session = await(() -> sessions.create(user.userId(), "Mozilla/5.0", "203.0.113.7"));

    assertThat(session.secret()).matches("[0-9a-f]{64}");
    SessionGrant grant = await(() -> sessions.resolve(session.secret()));
    assertThat(grant.sessionId()).isEqualTo(session.id());
    assertThat(grant.userId()).isEqualTo(user.userId());
    assertThat(grant.csrfToken()).matches("[0-9a-f]{64}").isNotEqualTo(session.secret());
    assertThat(grant.expiresAt()).isBetween(Instant.now().plus(Duration.ofDays(29)), Instant.now().plus(Duration.ofDays(30)));

    Row row = fixture.rows("SELECT * FROM sessions WHERE id = $1", session.id()).get(0);
    assertThat(row.getString("secret_hash")).isEqualTo(Secrets.hash(session.secret()));
    assertThat(row.getString("user_agent")).isEqualTo("Mozilla/5.0");
    assertThat(row.getString("client_ip")).isEqualTo("203.0.113.7");
    assertThat(fixture.rows("SELECT id FROM sessions WHERE strpos(sessions::text, $1) > 0", session.secret())).isEmpty();
  }

  @Test
  void endsAfterFourteenIdleDays() {
    long userId = fixture.user().userId();
    NewSecret session = await(() -> sessions.create(userId, null, null));

    lastSeen(session, "13 days 23 hours");
    assertThat(await(() -> sessions.resolve(session.secret()))).isNotNull();
    lastSeen(session, "14 days 1 minute");
    assertThat(await(() -> sessions.resolve(session.secret()))).isNull();
  }

  @Test
  void endsThirtyDaysAfterLoginHoweverActive() {
    long userId = fixture.user().userId();
    NewSecret session = await(() -> sessions.create(userId, null, null));
    fixture.update(
        "UPDATE sessions SET created_at = now() - interval '30 days', expires_at = now() - interval '1 second',"
            + " last_seen_at = now() WHERE id = $1",
        session.id());

    assertThat(await(() -> sessions.resolve(session.secret()))).isNull();
  }

  @Test
  void refreshesTheIdleTimerAtMostOnceAMinute() {
    long userId = fixture.user().userId();
    NewSecret session = await(() -> sessions.create(userId, null, null));

    lastSeen(session, "30 seconds");
    OffsetDateTime recent = lastSeen(session);
    await(() -> sessions.resolve(session.secret()));
    assertThat(lastSeen(session)).isEqualTo(recent);

    lastSeen(session, "10 days");
    OffsetDateTime old = lastSeen(session);
    await(() -> sessions.resolve(session.secret()));
    assertThat(lastSeen(session)).isAfter(old.plusDays(9));
  }

  @Test
  void revokesOneSessionOrAllOfAUserButTheCurrentOne() {
    Account user = fixture.user();
    NewSecret first = await(() -> sessions.create(user.userId(), null, null));
    NewSecret second = await(() -> sessions.create(user.userId(), null, null));
    NewSecret third = await(() -> sessions.create(user.userId(), null, null));
    long someoneElse = fixture.user().userId();
    NewSecret someoneElses = await(() -> sessions.create(someoneElse, null, null));

    await(() -> sessions.revoke(first.secret()));
    assertThat(await(() -> sessions.resolve(first.secret()))).isNull();
    assertThat(await(() -> sessions.resolve(second.secret()))).isNotNull();

    await(() -> sessions.revokeAll(user.userId(), third.id()));
    assertThat(await(() -> sessions.resolve(second.secret()))).isNull();
    assertThat(await(() -> sessions.resolve(third.secret()))).isNotNull();
    assertThat(await(() -> sessions.resolve(someoneElses.secret()))).isNotNull();

    await(() -> sessions.revokeAll(user.userId(), null));
    assertThat(await(() -> sessions.resolve(third.secret()))).isNull();
  }

  @Test
  void aDisabledUsersSessionsAndMalformedCookiesResolveToNothing() {
    Account user = fixture.user();
    NewSecret session = await(() -> sessions.create(user.userId(), null, null));
    fixture.update("UPDATE users SET disabled_at = now() WHERE id = $1", user.userId());

    assertThat(await(() -> sessions.resolve(session.secret()))).isNull();
    assertThat(await(() -> sessions.resolve(""))).isNull();
    assertThat(await(() -> sessions.resolve(null))).isNull();
    assertThat(await(() -> sessions.resolve(Secrets.hash(session.secret())))).isNull();
  }

  private void lastSeen(NewSecret session, String ago) {
    fixture.update("UPDATE sessions SET last_seen_at = now() - CAST(CAST($1 AS text) AS interval) WHERE id = $2", ago, session.id());
  }

  private OffsetDateTime lastSeen(NewSecret session) {
    return fixture.rows("SELECT last_seen_at FROM sessions WHERE id = $1", session.id()).get(0).getOffsetDateTime(0);
  }
}
