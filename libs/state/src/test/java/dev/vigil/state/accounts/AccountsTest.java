package dev.vigil.state.accounts;

import static dev.vigil.state.accounts.AccountsFixture.PASSWORD;
import static dev.vigil.state.accounts.AccountsFixture.await;
import static dev.vigil.state.accounts.AccountsFixture.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.testsupport.PostgresStack;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
class AccountsTest {

  @Inject Accounts accounts;
  @Inject AccountsFixture fixture;

  @Test
  void storesOnlyABcryptHashOfThePasswordWithCost12() {
    Account account = await(() -> accounts.create(email(), "Ada", PASSWORD));

    Row row = fixture.rows("SELECT password_hash FROM users WHERE id = $1", account.userId()).get(0);
    String hash = row.getString("password_hash");
    assertThat(hash).doesNotContain(PASSWORD).matches("\\$2[aby]\\$12\\$.{53}");
    assertThat(BcryptUtil.matches(PASSWORD, hash)).isTrue();
    assertThat(account.memberships()).isEmpty();
  }

  @Test
  void logsInWithTheRightPasswordOnly() {
    String email = email();
    Account created = await(() -> accounts.create(email, "Ada", PASSWORD));

    Account loggedIn = await(() -> accounts.authenticate(email, PASSWORD));
    assertThat(loggedIn.userId()).isEqualTo(created.userId());
    assertThat(loggedIn.email()).isEqualTo(email);
    assertThat(await(() -> accounts.authenticate(email, PASSWORD + "!"))).isNull();
    assertThat(await(() -> accounts.authenticate(email, ""))).isNull();
    assertThat(await(() -> accounts.authenticate(email, null))).isNull();
    assertThat(await(() -> accounts.authenticate(email, PASSWORD + "x".repeat(80)))).isNull();
  }

  @Test
  void emailsAreCaseInsensitiveAndTrimmed() {
    String email = email();
    String shouted = "  " + email.toUpperCase(Locale.ROOT) + " ";
    Account created = await(() -> accounts.create(shouted, "Ada", PASSWORD));

    assertThat(created.email()).isEqualTo(email);
    assertThat(await(() -> accounts.authenticate(email, PASSWORD))).isNotNull();
    assertThat(await(() -> accounts.authenticate(email.toUpperCase(Locale.ROOT), PASSWORD))).isNotNull();
    assertThatThrownBy(() -> await(() -> accounts.create(email, "Other", PASSWORD)))
        .isInstanceOf(EmailTakenException.class);
    assertThatThrownBy(() -> await(() -> accounts.create(shouted, "Other", PASSWORD)))
        .isInstanceOf(EmailTakenException.class);
    // Even a row written around the application (upper case) keeps the address taken.
    assertThatThrownBy(
            () ->
                fixture.update(
                    "INSERT INTO users (email, name) VALUES ($1, 'x')", email.toUpperCase(Locale.ROOT)))
        .hasMessageContaining("users_email");
  }

  @Test
  void refusesWeakAndOverlongPasswords() {
    assertThatThrownBy(() -> await(() -> accounts.create(email(), "Ada", "123456789")))
        .isInstanceOf(WeakPasswordException.class)
        .hasMessageContaining("10");
    assertThatThrownBy(() -> await(() -> accounts.create(email(), "Ada", null)))
        .isInstanceOf(WeakPasswordException.class);
    // 25 characters but 75 bytes: bcrypt would ignore the end.
    assertThatThrownBy(() -> await(() -> accounts.create(email(), "Ada", "€".repeat(25))))
        .isInstanceOf(WeakPasswordException.class)
        .hasMessageContaining("72");
    assertThat(await(() -> accounts.create(email(), "Ada", "x".repeat(72)))).isNotNull();
    assertThat(await(() -> accounts.create(email(), "Ada", "€€€€€€€€€€"))).isNotNull();
  }

  @Test
  void refusesDisabledUsers() {
    String email = email();
    Account created = await(() -> accounts.create(email, "Ada", PASSWORD));
    fixture.update("UPDATE users SET disabled_at = now() WHERE id = $1", created.userId());

    assertThat(await(() -> accounts.authenticate(email, PASSWORD))).isNull();
    assertThat(await(() -> accounts.find(created.userId()))).isNull();
  }

  @Test
  void changesThePasswordOnlyWithTheCurrentOne() {
    String email = email();
    Account created = await(() -> accounts.create(email, "Ada", PASSWORD));
    String newPassword = "another long password";

    assertThat(await(() -> accounts.changePassword(created.userId(), "not the password", newPassword))).isFalse();
    assertThatThrownBy(() -> await(() -> accounts.changePassword(created.userId(), PASSWORD, "short")))
        .isInstanceOf(WeakPasswordException.class);
    assertThat(await(() -> accounts.authenticate(email, PASSWORD))).isNotNull();

    assertThat(await(() -> accounts.changePassword(created.userId(), PASSWORD, newPassword))).isTrue();
    assertThat(await(() -> accounts.authenticate(email, PASSWORD))).isNull();
    assertThat(await(() -> accounts.authenticate(email, newPassword))).isNotNull();
  }

  @Test
  void findsTheUserWithTheirMemberships() {
    Account owner = fixture.user();
    Membership membership = fixture.organizationOf(owner);

    Account found = await(() -> accounts.find(owner.userId()));
    assertThat(found.memberships()).containsExactly(membership);
    assertThat(membership.role()).isEqualTo(Role.OWNER);
    assertThat(await(() -> accounts.find(-1))).isNull();
    assertThat(await(() -> accounts.anyUser())).isTrue();
  }

  @Test
  void findsTheEnabledUserOfAnEmailWithoutItsPassword() {
    Account owner = fixture.user();
    Membership membership = fixture.organizationOf(owner);

    Account found = await(() -> accounts.findByEmail("  " + owner.email().toUpperCase(Locale.ROOT) + " "));
    assertThat(found.userId()).isEqualTo(owner.userId());
    assertThat(found.memberships()).containsExactly(membership);
    assertThat(await(() -> accounts.findByEmail(email()))).isNull();
    fixture.update("UPDATE users SET disabled_at = now() WHERE id = $1", owner.userId());
    assertThat(await(() -> accounts.findByEmail(owner.email()))).isNull();
  }
}
