package dev.vigil.state.accounts;

import static dev.vigil.state.accounts.AccountsFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
class ApiTokensTest {

  @Inject ApiTokens tokens;
  @Inject Organizations organizations;
  @Inject AccountsFixture fixture;

  @Test
  void storesOnlyTheHashAndTheFirstCharactersOfANewToken() {
    Membership org = fixture.organizationOf(fixture.user());
    NewSecret token = await(() -> tokens.create(null, org.organizationId(), "CI", Set.of(Scope.PROJECT_RELEASES), null));

    assertThat(token.secret()).matches("[0-9a-f]{64}");
    Row row = fixture.rows("SELECT * FROM api_tokens WHERE id = $1", token.id()).get(0);
    assertThat(row.getString("token_hash")).matches("[0-9a-f]{64}").isEqualTo(Secrets.hash(token.secret()));
    assertThat(row.getString("prefix")).isEqualTo(token.secret().substring(0, 8));
    assertThat(fixture.rows("SELECT id FROM api_tokens WHERE strpos(api_tokens::text, $1) > 0", token.secret()))
        .isEmpty();
    assertThat(await(() -> tokens.list(org.organizationId(), null)))
        .singleElement()
        .satisfies(info -> {
          assertThat(info.prefix()).isEqualTo(token.secret().substring(0, 8));
          assertThat(info.name()).isEqualTo("CI");
          assertThat(info.scopes()).containsExactly(Scope.PROJECT_RELEASES);
          assertThat(info.userId()).isNull();
        });
  }

  @Test
  void findsAnUnrevokedTokenOfTheOrganizationAsTheListingShowsIt() {
    Membership org = fixture.organizationOf(fixture.user());
    Membership other = fixture.organizationOf(fixture.user());
    Instant expires = Instant.parse("2099-01-02T03:04:05.123456400Z");
    NewSecret token = await(() -> tokens.create(null, org.organizationId(), "CI", Set.of(Scope.EVENT_READ), expires));

    ApiTokens.TokenInfo found = await(() -> tokens.find(org.organizationId(), token.id()));
    assertThat(found).isEqualTo(await(() -> tokens.list(org.organizationId(), null)).get(0));
    assertThat(found.createdAt()).isNotNull();
    assertThat(found.expiresAt()).isEqualTo(Instant.parse("2099-01-02T03:04:05.123456Z"));
    assertThat(await(() -> tokens.find(other.organizationId(), token.id()))).isNull();
    await(() -> tokens.revoke(org.organizationId(), token.id()));
    assertThat(await(() -> tokens.find(org.organizationId(), token.id()))).isNull();
  }

  @Test
  void anOrganizationTokenGrantsExactlyItsScopes() {
    Membership org = fixture.organizationOf(fixture.user());
    Set<Scope> scopes = EnumSet.of(Scope.PROJECT_RELEASES, Scope.ORG_ADMIN, Scope.EVENT_READ);
    NewSecret token = await(() -> tokens.create(null, org.organizationId(), "CI", scopes, null));

    TokenGrant grant = await(() -> tokens.resolve(token.secret()));
    assertThat(grant).isEqualTo(new TokenGrant(token.id(), null, org.organizationId(), scopes));
  }

  @Test
  void unknownMalformedRevokedAndExpiredTokensGrantNothing() {
    Membership org = fixture.organizationOf(fixture.user());
    NewSecret token = await(() -> tokens.create(null, org.organizationId(), "CI", Set.of(Scope.EVENT_READ), null));

    assertThat(await(() -> tokens.resolve(Secrets.generate()))).isNull();
    assertThat(await(() -> tokens.resolve(token.secret().toUpperCase()))).isNull();
    assertThat(await(() -> tokens.resolve(null))).isNull();
    assertThat(await(() -> tokens.resolve("Bearer " + token.secret()))).isNull();

    assertThat(await(() -> tokens.revoke(org.organizationId() + 1_000_000, token.id()))).isFalse();
    assertThat(await(() -> tokens.resolve(token.secret()))).isNotNull();
    assertThat(await(() -> tokens.revoke(org.organizationId(), token.id()))).isTrue();
    assertThat(await(() -> tokens.resolve(token.secret()))).isNull();
    assertThat(await(() -> tokens.revoke(org.organizationId(), token.id()))).isFalse();
    assertThat(await(() -> tokens.list(org.organizationId(), null))).isEmpty();

    Instant inAnHour = Instant.now().plus(1, ChronoUnit.HOURS);
    NewSecret expiring = await(() -> tokens.create(null, org.organizationId(), "CI", Set.of(Scope.EVENT_READ), inAnHour));
    assertThat(await(() -> tokens.resolve(expiring.secret()))).isNotNull();
    fixture.update("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", expiring.id());
    assertThat(await(() -> tokens.resolve(expiring.secret()))).isNull();
  }

  @Test
  void aUserTokenIsNarrowedToWhatTheUsersRoleAllowsNow() {
    Account owner = fixture.user();
    Account admin = fixture.user();
    Membership org = fixture.organizationOf(owner);
    await(() -> organizations.setRole(org.organizationId(), admin.userId(), Role.ADMIN));
    Set<Scope> asked = EnumSet.of(Scope.PROJECT_ADMIN, Scope.EVENT_READ, Scope.EVENT_WRITE, Scope.ORG_ADMIN);
    NewSecret token = await(() -> tokens.create(admin.userId(), org.organizationId(), "mine", asked, null));

    // An admin's role has no org:admin: the token never grants it, whatever it asked for.
    assertThat(await(() -> tokens.resolve(token.secret())).scopes())
        .containsExactlyInAnyOrder(Scope.PROJECT_ADMIN, Scope.EVENT_READ, Scope.EVENT_WRITE);

    await(() -> organizations.setRole(org.organizationId(), admin.userId(), Role.MEMBER));
    TokenGrant demoted = await(() -> tokens.resolve(token.secret()));
    assertThat(demoted.scopes()).containsExactlyInAnyOrder(Scope.EVENT_READ, Scope.EVENT_WRITE);
    assertThat(demoted.userId()).isEqualTo(admin.userId());

    await(() -> organizations.setRole(org.organizationId(), admin.userId(), Role.VIEWER));
    assertThat(await(() -> tokens.resolve(token.secret())).scopes()).containsExactly(Scope.EVENT_READ);

    await(() -> organizations.removeMember(org.organizationId(), admin.userId()));
    assertThat(await(() -> tokens.resolve(token.secret()))).isNull();

    // Back in the organization, the old token stays dead: removal revoked it.
    await(() -> organizations.setRole(org.organizationId(), admin.userId(), Role.ADMIN));
    assertThat(await(() -> tokens.resolve(token.secret()))).isNull();
  }

  @Test
  void aDisabledUsersTokensGrantNothing() {
    Account owner = fixture.user();
    Membership org = fixture.organizationOf(owner);
    NewSecret token = await(() -> tokens.create(owner.userId(), org.organizationId(), "mine", Set.of(Scope.EVENT_READ), null));
    assertThat(await(() -> tokens.resolve(token.secret()))).isNotNull();

    fixture.update("UPDATE users SET disabled_at = now() WHERE id = $1", owner.userId());
    assertThat(await(() -> tokens.resolve(token.secret()))).isNull();
  }

  @Test
  void listsAUsersOwnTokensOrAllOfTheOrganization() {
    Account owner = fixture.user();
    Account member = fixture.user();
    Membership org = fixture.organizationOf(owner);
    await(() -> organizations.setRole(org.organizationId(), member.userId(), Role.MEMBER));
    NewSecret mine = await(() -> tokens.create(member.userId(), org.organizationId(), "mine", Set.of(Scope.EVENT_READ), null));
    NewSecret ours = await(() -> tokens.create(null, org.organizationId(), "ours", Set.of(Scope.EVENT_READ), null));

    assertThat(await(() -> tokens.list(org.organizationId(), member.userId())))
        .extracting(ApiTokens.TokenInfo::id)
        .containsExactly(mine.id());
    assertThat(await(() -> tokens.list(org.organizationId(), null)))
        .extracting(ApiTokens.TokenInfo::id)
        .containsExactly(mine.id(), ours.id());
    assertThat(await(() -> tokens.list(org.organizationId(), owner.userId()))).isEmpty();
  }

  @Test
  void recordsUseAtMostOnceAMinute() {
    Membership org = fixture.organizationOf(fixture.user());
    NewSecret token = await(() -> tokens.create(null, org.organizationId(), "CI", Set.of(Scope.EVENT_READ), null));
    assertThat(lastUsed(token)).isNull();

    await(() -> tokens.resolve(token.secret()));
    OffsetDateTime first = lastUsed(token);
    assertThat(first).isNotNull();
    await(() -> tokens.resolve(token.secret()));
    assertThat(lastUsed(token)).isEqualTo(first);

    fixture.update("UPDATE api_tokens SET last_used_at = now() - interval '2 minutes' WHERE id = $1", token.id());
    OffsetDateTime movedBack = lastUsed(token);
    await(() -> tokens.resolve(token.secret()));
    assertThat(lastUsed(token)).isAfter(movedBack.plusMinutes(1));
    assertThat(await(() -> tokens.list(org.organizationId(), null)).get(0).lastUsedAt()).isNotNull();
  }

  private OffsetDateTime lastUsed(NewSecret token) {
    return fixture.rows("SELECT last_used_at FROM api_tokens WHERE id = $1", token.id()).get(0).getOffsetDateTime(0);
  }
}
