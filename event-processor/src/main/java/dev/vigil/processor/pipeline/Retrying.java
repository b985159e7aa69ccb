package dev.vigil.processor.pipeline;

import dev.vigil.storage.StorageException;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Repeats a step of batch processing until it succeeds, with exponential backoff up to 30 s. The
 * consumer thread stays inside the batch meanwhile, so the Kafka connector stops fetching (its
 * queue fills and it pauses the partitions) and nothing after the failed batch is committed.
 * {@link #untilStoredOrRejected} gives up at once when storage rejects the data itself, for callers
 * that can set such data aside.
 */
@Singleton
public final class Retrying {

  private static final Logger LOG = Logger.getLogger(Retrying.class);
  static final Duration FIRST_DELAY = Duration.ofMillis(200);
  static final Duration MAX_DELAY = Duration.ofSeconds(30);

  private volatile boolean stopping;

  void stop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  public <T> T untilSuccess(String step, Supplier<T> action) {
    return repeat(step, action, false);
  }

  /**
   * Like {@link #untilSuccess}, but a {@link StorageException#rejected() rejection} of the data is
   * thrown at once: repeating it cannot succeed, and the caller decides what to do with the data.
   */
  public <T> T untilStoredOrRejected(String step, Supplier<T> action) {
    return repeat(step, action, true);
  }

  private <T> T repeat(String step, Supplier<T> action, boolean giveUpOnRejection) {
    Duration delay = FIRST_DELAY;
    for (int attempt = 1; ; attempt++) {
      try {
        T result = action.get();
        if (attempt > 1) {
          LOG.infof("%s succeeded after %d attempts", step, attempt);
        }
        return result;
      } catch (RuntimeException e) {
        if (giveUpOnRejection && e instanceof StorageException storage && storage.rejected()) {
          throw storage;
        }
        if (stopping) {
          // Leave the batch unacknowledged; it is consumed again after the restart.
          throw new IllegalStateException(step + " interrupted by shutdown", e);
        }
        LOG.warnf("%s failed (attempt %d), retrying in %d ms: %s", step, attempt, delay.toMillis(), e.toString());
        sleep(delay);
        delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
      }
    }
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }
}
