package dev.vigil.processor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.storage.StorageException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the consumer does while ClickHouse or PostgreSQL is down: the failing step is repeated, the
 * batch is not given up (so its offsets are not committed), and only a shutdown ends the wait.
 */
class RetryingTest {

  @Test
  void repeatsAFailingStoreUntilItIsBack() {
    Retrying retrying = new Retrying();
    AtomicInteger attempts = new AtomicInteger();

    String result =
        retrying.untilSuccess(
            "inserting events",
            () -> {
              if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("Connection refused: ClickHouse is down");
              }
              return "stored";
            });

    assertThat(result).isEqualTo("stored");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void aShutdownLeavesTheBatchUnacknowledgedInsteadOfSkippingIt() {
    Retrying retrying = new Retrying();
    retrying.stop(null);

    assertThatThrownBy(
            () ->
                retrying.untilSuccess(
                    "inserting events",
                    () -> {
                      throw new IllegalStateException("Connection refused");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("interrupted by shutdown");
  }

  @Test
  void aRejectionOfTheDataIsNotRepeated() {
    Retrying retrying = new Retrying();
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retrying.untilStoredOrRejected(
                    "inserting spans",
                    () -> {
                      attempts.incrementAndGet();
                      throw StorageException.rejected("Code: 33. DB::Exception: Cannot read all data", null);
                    }))
        .isInstanceOf(StorageException.class);
    assertThat(attempts).hasValue(1);
  }
}
