package dev.vigil.promql.engine;

/** Label name validity (Prometheus 3 accepts any valid UTF-8; we reject only empty or broken names). */
final class LabelNames {

  private LabelNames() {}

  static boolean isValid(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isSurrogate(c) || c == '\uFFFD') {
        return false;
      }
    }
    return true;
  }
}
