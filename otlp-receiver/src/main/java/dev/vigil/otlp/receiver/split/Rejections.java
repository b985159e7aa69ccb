package dev.vigil.otlp.receiver.split;

/** Counts rejected items and keeps the first few reasons for partial_success.error_message. */
final class Rejections {

  private static final int MAX_REASONS = 3;

  private final String items;
  private final StringBuilder reasons = new StringBuilder();
  private long count;
  private int kept;
  private int reasonsSeen;

  Rejections(String items) {
    this.items = items;
  }

  void reject(long n, String reason) {
    if (n <= 0) {
      return;
    }
    count += n;
    reasonsSeen++;
    if (kept < MAX_REASONS) {
      reasons.append(kept == 0 ? "" : "; ").append(reason);
      kept++;
    }
  }

  long count() {
    return count;
  }

  /** Empty when nothing was rejected (partial_success stays unset then). */
  String message() {
    if (count == 0) {
      return "";
    }
    return count + " " + items + " rejected: " + reasons + (kept < reasonsSeen ? "; ..." : "");
  }
}
