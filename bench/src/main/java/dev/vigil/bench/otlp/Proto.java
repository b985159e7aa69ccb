package dev.vigil.bench.otlp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The protobuf wire format, just the field types the OTLP messages of {@link Requests} and {@link Node} need. */
final class Proto {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(64);

  Proto varint(int field, long value) {
    tag(field, 0);
    writeVarint(value);
    return this;
  }

  Proto fixed64(int field, long value) {
    tag(field, 1);
    for (int i = 0; i < 8; i++) {
      out.write((int) (value >>> (8 * i)));
    }
    return this;
  }

  Proto bytes(int field, byte[] value) {
    if (value.length == 0) {
      return this;
    }
    tag(field, 2);
    writeVarint(value.length);
    out.writeBytes(value);
    return this;
  }

  Proto string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  Proto message(int field, Proto message) {
    tag(field, 2);
    writeVarint(message.out.size());
    // ByteArrayOutputStream.writeTo(ByteArrayOutputStream) cannot fail.
    out.write(message.out.toByteArray(), 0, message.out.size());
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void tag(int field, int wireType) {
    writeVarint((long) field << 3 | wireType);
  }

  private void writeVarint(long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }
}
