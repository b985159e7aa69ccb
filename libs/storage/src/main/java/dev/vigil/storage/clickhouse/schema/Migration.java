package dev.vigil.storage.clickhouse.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One versioned migration file: {@code V<version>__<name>.sql}, statements ended by {@code ;}. */
record Migration(int version, String name, String checksum, List<String> statements) {

  private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

  static Migration parse(String fileName, String sql) {
    Matcher m = FILE_NAME.matcher(fileName);
    if (!m.matches()) {
      throw new IllegalArgumentException("migration file name must look like V001__name.sql: " + fileName);
    }
    return new Migration(Integer.parseInt(m.group(1)), m.group(2), sha256(sql), split(sql));
  }

  /**
   * Splits at lines ending with {@code ;}; whole-line {@code --} comments are dropped. Statements
   * therefore must not end a line with a semicolon inside a string literal.
   */
  static List<String> split(String sql) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--")) {
        continue;
      }
      if (trimmed.endsWith(";")) {
        current.append(line, 0, line.lastIndexOf(';'));
        addIfNotBlank(statements, current);
        current.setLength(0);
      } else {
        current.append(line).append('\n');
      }
    }
    addIfNotBlank(statements, current);
    return List.copyOf(statements);
  }

  private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
    String s = statement.toString().strip();
    if (!s.isEmpty()) {
      statements.add(s);
    }
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
