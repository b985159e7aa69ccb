package dev.vigil.state.accounts;

import static dev.vigil.state.accounts.AccountsFixture.await;
import static dev.vigil.state.accounts.AccountsFixture.clientIp;
import static dev.vigil.state.accounts.AccountsFixture.email;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
class LoginThrottleTest {

  @Inject LoginThrottle throttle;
  @Inject AccountsFixture fixture;

  @Test
  void locksAnEmailForFifteenMinutesAfterFiveFailures() {
    String email = email();
    String ip = clientIp();
    fail(email, ip, 4);
    assertThat(lockedFor(email, ip)).isZero();

    fail(email, clientIp(), 1);
    assertThat(lockedFor(email, ip)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
    assertThat(lockedFor(email.toUpperCase(), clientIp())).isPositive();
    assertThat(lockedFor(email(), ip)).isZero();
  }

  @Test
  void theLockEndsFifteenMinutesAfterTheLastFailure() {
    String email = email();
    fail(email, null, 5);
    moveFailuresBack("email = $1", email, "10 minutes");
    assertThat(lockedFor(email, null)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));

    moveFailuresBack("email = $1", email, "6 minutes");
    assertThat(lockedFor(email, null)).isZero();
  }

  @Test
  void failuresSpreadOverMoreThanTheWindowDoNotLock() {
    String email = email();
    fail(email, null, 4);
    moveFailuresBack("email = $1", email, "16 minutes");
    fail(email, null, 1);
    assertThat(lockedFor(email, null)).isZero();
  }

  @Test
  void aSuccessfulLoginClearsTheEmailsFailures() {
    String email = email();
    fail(email, null, 5);
    assertThat(lockedFor(email, null)).isPositive();

    await(() -> throttle.succeeded(email, null));
    assertThat(lockedFor(email, null)).isZero();
    fail(email, null, 4);
    assertThat(lockedFor(email, null)).isZero();
  }

  @Test
  void locksAnAddressAfterTwentyFailuresAcrossEmails() {
    String ip = clientIp();
    for (int i = 0; i < 19; i++) {
      fail(email(), ip, 1);
    }
    assertThat(lockedFor(email(), ip)).isZero();

    String lastEmail = email();
    fail(lastEmail, ip, 1);
    assertThat(lockedFor(email(), ip)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
    assertThat(lockedFor(email(), clientIp())).isZero();

    // Logging in to an account of one's own does not clear the address.
    await(() -> throttle.succeeded(lastEmail, ip));
    assertThat(lockedFor(email(), ip)).isPositive();
  }

  private void fail(String email, String ip, int times) {
    for (int i = 0; i < times; i++) {
      await(() -> throttle.failed(email, ip));
    }
  }

  private Duration lockedFor(String email, String ip) {
    return await(() -> throttle.lockedFor(email, ip));
  }

  private void moveFailuresBack(String where, String value, String by) {
    fixture.update(
        "UPDATE login_failures SET failed_at = failed_at - CAST(CAST($2 AS text) AS interval) WHERE " + where, value, by);
  }
}
