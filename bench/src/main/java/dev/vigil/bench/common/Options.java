package dev.vigil.bench.common;

import java.util.HashMap;
import java.util.Map;

/** A benchmark's command line: {@code --name value} pairs. */
public final class Options {
  private final Map<String, String> values = new HashMap<>();

  private Options() {}

  /** Pairs whose leading {@code --} is optional; a trailing name without a value is ignored. */
  public static Options parse(String[] args) {
    Options options = new Options();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.values.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return options;
  }

  /** Pairs where every name must start with {@code --}; a trailing name without a value is ignored. */
  public static Options parseStrict(String[] args) {
    Options options = new Options();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + args[i]);
      }
      options.values.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The value, or null when the option was not given. */
  public String get(String name) {
    return values.get(name);
  }

  public String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** The value; when missing, names it with the usage on stderr and exits with status 2. */
  public String require(String name, String usage) {
    String value = values.get(name);
    if (value == null) {
      System.err.println("missing --" + name + "; usage: " + usage);
      System.exit(2);
    }
    return value;
  }

  /** When any of the names is missing, prints the usage on stderr and exits with status 2. */
  public void requireAll(String usage, String... names) {
    for (String name : names) {
      if (!values.containsKey(name)) {
        System.err.println("usage: " + usage);
        System.exit(2);
      }
    }
  }
}
