package dev.vigil.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Paths of the Vigil repository the chart tests read: the chart, the services' configuration, the local stack. */
final class Repository {

  static final Path ROOT = Path.of(System.getProperty("vigil.root", "../..")).toAbsolutePath().normalize();
  static final Path CHART = ROOT.resolve("deploy/helm/vigil");
  static final Path SMALL_PROFILE = CHART.resolve("profiles/small.yaml");
  static final Path LOCAL_STACK = ROOT.resolve("deploy/local");

  private Repository() {}

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Maven project version of the root pom (the version the images are tagged with). */
  static String projectVersion() {
    Matcher m = Pattern.compile("<artifactId>vigil-parent</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(read(ROOT.resolve("pom.xml")));
    if (!m.find()) {
      throw new IllegalStateException("no vigil-parent version in pom.xml");
    }
    return m.group(1);
  }
}
