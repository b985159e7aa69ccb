package dev.vigil.state.projects;

/**
 * A change to a DSN key; null fields are left as they are. The rate limit is tri-state (keep, set,
 * clear), so clearing is a flag rather than a null.
 */
public record KeyChange(String label, Boolean active, Integer rateLimitPerMinute, boolean clearLimit) {

  public KeyChange {
    if (rateLimitPerMinute != null && rateLimitPerMinute < 1) {
      throw new IllegalArgumentException("rateLimitPerMinute must be at least 1");
    }
    if (rateLimitPerMinute != null && clearLimit) {
      throw new IllegalArgumentException("a limit cannot be both set and cleared");
    }
  }

  void applyTo(ProjectKeyEntity key) {
    if (label != null) {
      key.label = label;
    }
    if (active != null) {
      key.active = active;
    }
    if (clearLimit) {
      key.rateLimitPerMinute = null;
    } else if (rateLimitPerMinute != null) {
      key.rateLimitPerMinute = rateLimitPerMinute;
    }
  }
}
