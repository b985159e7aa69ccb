package dev.vigil.bench.common;

import java.util.concurrent.CountDownLatch;

/** The sending threads of a load: daemons named bench-0, bench-1, … so a stuck run still exits. */
public final class Workers {
  private Workers() {}

  /** Starts {@code count} threads running {@code body}; the latch opens when all have returned. */
  public static CountDownLatch start(int count, Runnable body) {
    CountDownLatch done = new CountDownLatch(count);
    for (int w = 0; w < count; w++) {
      Thread worker = new Thread(() -> {
        try {
          body.run();
        } finally {
          done.countDown();
        }
      }, "bench-" + w);
      worker.setDaemon(true);
      worker.start();
    }
    return done;
  }
}
