package dev.vigil.storage.clickhouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationTest {

  @Test
  void splitsStatementsAtLinesEndingWithSemicolonAndDropsCommentLines() {
    String sql =
        "-- a comment; with a semicolon\n"
            + "CREATE TABLE a (x UInt8)\nENGINE = Memory;\n"
            + "\n"
            + "CREATE TABLE b (s String DEFAULT 'a;b') ENGINE = Memory;\n"
            + "ALTER TABLE b ADD COLUMN y UInt8\n";

    assertThat(Migration.split(sql))
        .containsExactly(
            "CREATE TABLE a (x UInt8)\nENGINE = Memory",
            "CREATE TABLE b (s String DEFAULT 'a;b') ENGINE = Memory",
            "ALTER TABLE b ADD COLUMN y UInt8");
  }

  @Test
  void readsVersionAndNameFromTheFileNameAndChecksumsTheText() {
    Migration m = Migration.parse("V012__add_spans.sql", "SELECT 1;");
    Migration edited = Migration.parse("V012__add_spans.sql", "SELECT 2;");

    assertThat(m.version()).isEqualTo(12);
    assertThat(m.name()).isEqualTo("add_spans");
    assertThat(m.checksum()).hasSize(64).isNotEqualTo(edited.checksum());
  }

  @Test
  void rejectsFileNamesWithoutVersion() {
    assertThatThrownBy(() -> Migration.parse("events.sql", "SELECT 1;"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("V001__name.sql");
  }

  @Test
  void manifestListsEveryMigrationFileInOrder() throws IOException {
    Path dir = Path.of("src/main/resources/clickhouse/migrations");
    List<String> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
    }
    List<String> manifest =
        Files.readAllLines(dir.resolve("migrations.txt")).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();

    assertThat(manifest).isEqualTo(files);
  }
}
