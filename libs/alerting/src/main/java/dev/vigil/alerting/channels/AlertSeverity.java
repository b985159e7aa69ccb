package dev.vigil.alerting.channels;

import java.util.Locale;
import java.util.Map;

/**
 * How loud an alert is, read from its {@code severity} label, and how each channel shows it. Colours
 * are Discord embed colours; Slack blocks cannot be coloured, so they carry an emoji instead.
 */
public enum AlertSeverity {
  CRITICAL(0xE5484D, "🔴"),
  WARNING(0xF5A524, "🟠"),
  INFO(0x3E63DD, "🔵"),
  NONE(0x8B8D98, "⚪");

  /** The colour of a resolved alert, whatever its severity. */
  public static final int RESOLVED_COLOR = 0x30A46C;

  /** The emoji of a resolved alert, whatever its severity. */
  public static final String RESOLVED_EMOJI = "✅";

  private final int color;
  private final String emoji;

  AlertSeverity(int color, String emoji) {
    this.color = color;
    this.emoji = emoji;
  }

  /** The severity named by the {@code severity} label (case-insensitive); NONE when absent or unknown. */
  public static AlertSeverity of(Map<String, String> labels) {
    String value = labels == null ? null : labels.get("severity");
    if (value == null) {
      return NONE;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "critical", "error", "high", "page", "fatal" -> CRITICAL;
      case "warning", "warn", "medium" -> WARNING;
      case "info", "low" -> INFO;
      default -> NONE;
    };
  }

  /** Discord embed colour (0xRRGGBB) of a firing alert of this severity. */
  public int color() {
    return color;
  }

  /** The emoji Slack messages use for a firing alert of this severity. */
  public String emoji() {
    return emoji;
  }
}
