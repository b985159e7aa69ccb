package dev.vigil.alerting.templates;

import java.util.List;
import java.util.Map;

/**
 * Go text/template's eq, ne, lt, le, gt and ge (as of Go 1.19, which built Prometheus 2.42): only
 * values of the same basic kind compare, so {@code gt $value 10} is an error ($value is a float64,
 * 10 an int) and {@code gt $value 10.0} is not.
 */
final class GoComparisons {

  private enum Kind {
    BOOL,
    INT,
    FLOAT,
    STRING,
    INVALID,
    OTHER
  }

  private static final String BAD_TYPE = "invalid type for comparison";
  private static final String INCOMPATIBLE = "incompatible types for comparison";

  private GoComparisons() {}

  static boolean eq(Object arg1, List<Object> others) {
    if (arg1 != null && !comparable(arg1)) {
      throw new IllegalArgumentException(BAD_TYPE);
    }
    if (others.isEmpty()) {
      throw new IllegalArgumentException("missing argument for comparison");
    }
    Kind k1 = kind(arg1);
    for (Object arg : others) {
      Kind k2 = kind(arg);
      boolean truth;
      if (k1 != k2) {
        if (arg1 != null && arg != null) {
          throw new IllegalArgumentException(INCOMPATIBLE);
        }
        truth = false;
      } else if (k1 == Kind.FLOAT) {
        truth = (Double) arg1 == (double) (Double) arg;
      } else if (arg1 == null || arg == null) {
        truth = arg1 == arg;
      } else {
        if (!comparable(arg)) {
          throw new IllegalArgumentException(BAD_TYPE);
        }
        truth = k1 == Kind.OTHER ? arg1 == arg : arg1.equals(arg);
      }
      if (truth) {
        return true;
      }
    }
    return false;
  }

  static boolean lt(Object a, Object b) {
    Kind k1 = basicKind(a);
    Kind k2 = basicKind(b);
    if (k1 != k2) {
      throw new IllegalArgumentException(INCOMPATIBLE);
    }
    return switch (k1) {
      case FLOAT -> (Double) a < (Double) b;
      case INT -> (Long) a < (Long) b;
      case STRING -> compareUtf8((String) a, (String) b) < 0;
      default -> throw new IllegalArgumentException(BAD_TYPE);
    };
  }

  static boolean le(Object a, Object b) {
    return lt(a, b) || eq(a, List.of(b));
  }

  private static Kind basicKind(Object v) {
    Kind k = kind(v);
    if (k == Kind.INVALID || k == Kind.OTHER) {
      throw new IllegalArgumentException(BAD_TYPE);
    }
    return k;
  }

  private static Kind kind(Object v) {
    if (v == null) {
      return Kind.INVALID;
    }
    if (v instanceof Boolean) {
      return Kind.BOOL;
    }
    if (v instanceof Long) {
      return Kind.INT;
    }
    if (v instanceof Double) {
      return Kind.FLOAT;
    }
    if (v instanceof String) {
      return Kind.STRING;
    }
    return Kind.OTHER;
  }

  /** Maps and the data struct (which holds maps) are not comparable in Go. */
  private static boolean comparable(Object v) {
    return !(v instanceof Map) && !(v instanceof GoValues.Root);
  }

  /** Go compares strings bytewise in UTF-8, which orders code points; Java's compareTo orders UTF-16 units. */
  private static int compareUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
