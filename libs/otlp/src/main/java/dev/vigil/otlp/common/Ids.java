package dev.vigil.otlp.common;

import com.google.protobuf.ByteString;
import java.util.HexFormat;

/** OTLP trace and span ids (raw bytes) as the lower-case hex strings Vigil stores. */
public final class Ids {

  private static final HexFormat HEX = HexFormat.of();

  private Ids() {}

  /**
   * Lower-case hex of the id; "" when the id is absent or all zeros, which OpenTelemetry defines as
   * invalid, so that an all-zero parent span id still marks a root span.
   */
  public static String hex(ByteString id) {
    if (id.isEmpty() || isAllZero(id)) {
      return "";
    }
    return HEX.formatHex(id.toByteArray());
  }

  private static boolean isAllZero(ByteString id) {
    for (int i = 0; i < id.size(); i++) {
      if (id.byteAt(i) != 0) {
        return false;
      }
    }
    return true;
  }
}
