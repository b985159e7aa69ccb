package dev.vigil.bench.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Failed requests by cause ("HTTP 503", an exception's simple name); prints as {cause=count, …}. */
public final class Failures {
  private final Map<String, LongAdder> byCause = new ConcurrentHashMap<>();

  public void count(String cause) {
    byCause.computeIfAbsent(cause, k -> new LongAdder()).increment();
  }

  public long total() {
    return byCause.values().stream().mapToLong(LongAdder::sum).sum();
  }

  @Override
  public String toString() {
    return byCause.toString();
  }
}
