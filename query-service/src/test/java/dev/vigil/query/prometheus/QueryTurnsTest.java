package dev.vigil.query.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Beyond max-concurrency, a query waits its turn; one whose deadline passes in the queue gets Prometheus's timeout. */
class QueryTurnsTest {

  @Test
  void aQueryThatFindsNoTurnBeforeItsDeadlineTimesOutInTheQueue() {
    QueryTurns turns = new QueryTurns(1);
    turns.acquire(Instant.now().plusSeconds(5));

    assertThatThrownBy(() -> turns.acquire(Instant.now().plusMillis(30)))
        .isInstanceOfSatisfying(PromApiException.class, e -> {
          assertThat(e.status()).isEqualTo(503);
          assertThat(e.errorType()).isEqualTo("timeout");
          assertThat(e.getMessage()).isEqualTo("query timed out in query queue");
        });

    turns.release();
    turns.acquire(Instant.now().plusMillis(30));
  }

  @Test
  void aQueryWaitingInTheQueueRunsWhenATurnIsReleased() throws Exception {
    QueryTurns turns = new QueryTurns(1);
    turns.acquire(Instant.now().plusSeconds(5));
    Thread waiter = new Thread(() -> turns.acquire(Instant.now().plusSeconds(30)));
    waiter.start();

    turns.release();
    waiter.join(10_000);

    assertThat(waiter.isAlive()).as("the waiting query got its turn").isFalse();
  }
}
