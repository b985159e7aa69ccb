package dev.vigil.images;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service module of the repository and what its image must match: its configuration and its packaged app. */
record ServiceModule(String name, Path dir) {

  static final List<String> NAMES =
      List.of("ingest-gateway", "otlp-receiver", "event-processor", "query-service", "alert-service", "web-ui");

  /** {@code ${ENV_VAR:8010}} or a plain number: the default a property takes when no variable overrides it. */
  private static final Pattern DEFAULT_PORT = Pattern.compile("^(?:\\$\\{[A-Za-z0-9_.]+:)?(\\d+)}?$");

  static Path repoRoot() {
    return Path.of(System.getProperty("vigil.repo.root", "../..")).toAbsolutePath().normalize();
  }

  static ServiceModule named(String name) {
    return new ServiceModule(name, repoRoot().resolve(name));
  }

  Path imageTar() {
    return dir.resolve("target/jib-image.tar");
  }

  Path quarkusApp() {
    return dir.resolve("target/quarkus-app");
  }

  /**
   * The TCP ports the service listens on with its default configuration: quarkus.http.port, and the gRPC server's
   * port when it runs on a separate server (otlp-receiver's OTLP/gRPC).
   */
  Set<String> defaultPorts() throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(dir.resolve("src/main/resources/application.properties"))) {
      properties.load(reader);
    }
    Set<String> ports = new TreeSet<>();
    ports.add(defaultOf(properties, "quarkus.http.port"));
    if (Boolean.parseBoolean(properties.getProperty("quarkus.grpc.server.use-separate-server"))) {
      ports.add(defaultOf(properties, "quarkus.grpc.server.port"));
    }
    return ports;
  }

  private String defaultOf(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalStateException(name + "'s application.properties has no " + key);
    }
    Matcher matcher = DEFAULT_PORT.matcher(value.trim());
    if (!matcher.matches()) {
      throw new IllegalStateException(name + ": cannot read a default port from " + key + "=" + value);
    }
    return matcher.group(1);
  }
}
