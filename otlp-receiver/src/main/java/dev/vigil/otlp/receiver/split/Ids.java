package dev.vigil.otlp.receiver.split;

import com.google.protobuf.ByteString;
import java.util.HexFormat;

/** Trace and span id checks shared by the signals: ids are 16 and 8 bytes, or absent. */
final class Ids {

  static final int TRACE_ID_BYTES = 16;
  static final int SPAN_ID_BYTES = 8;

  private static final HexFormat HEX = HexFormat.of();

  private Ids() {}

  /** Lower-case hex, the form ids take in keys, storage and the UI. */
  static String hex(ByteString id) {
    return HEX.formatHex(id.toByteArray());
  }

  /** Null when the id is valid, otherwise why not; {@code required} ids must not be empty. */
  static String problem(String field, ByteString id, int length, boolean required) {
    if (id.isEmpty()) {
      return required ? field + " is empty" : null;
    }
    if (id.size() != length) {
      return field + " has " + id.size() + " bytes (must be " + length + ")";
    }
    if (required && allZero(id)) {
      return field + " is all zeros";
    }
    return null;
  }

  private static boolean allZero(ByteString id) {
    for (int i = 0; i < id.size(); i++) {
      if (id.byteAt(i) != 0) {
        return false;
      }
    }
    return true;
  }
}
