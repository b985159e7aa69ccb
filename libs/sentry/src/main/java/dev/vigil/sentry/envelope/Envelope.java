package dev.vigil.sentry.envelope;

import java.util.List;

/**
 * A parsed Sentry envelope (https://develop.sentry.dev/sdk/envelopes/). It keeps the bytes it was
 * parsed from, so that it can be forwarded exactly as received.
 */
public final class Envelope {

  private final EnvelopeHeader header;
  private final List<EnvelopeItem> items;
  private final byte[] bytes;
  private final int bodyOffset;

  Envelope(EnvelopeHeader header, List<EnvelopeItem> items, byte[] bytes, int bodyOffset) {
    this.header = header;
    this.items = List.copyOf(items);
    this.bytes = bytes;
    this.bodyOffset = bodyOffset;
  }

  public EnvelopeHeader header() {
    return header;
  }

  public List<EnvelopeItem> items() {
    return items;
  }

  /** The envelope bytes as received (not copied: do not modify). */
  public byte[] bytes() {
    return bytes;
  }

  /** Offset of the first byte after the header line (and its newline, when there is one). */
  int bodyOffset() {
    return bodyOffset;
  }

  /** Whether an item of this type is present. */
  public boolean has(String type) {
    return items.stream().anyMatch(i -> i.type().equals(type));
  }
}
