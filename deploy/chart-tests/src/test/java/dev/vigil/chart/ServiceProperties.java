package dev.vigil.chart;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Vigil service's src/main/resources/application.properties: its defaults and the variables it reads. */
final class ServiceProperties {

  /** The six services: Kubernetes component name = Maven module directory. */
  static final String[] SERVICES = {
    "ingest-gateway", "otlp-receiver", "event-processor", "query-service", "alert-service", "web-ui"
  };

  private static final Pattern DEFAULT = Pattern.compile("^\\$\\{[A-Z0-9_]+:([^}]*)}$");

  private final String service;
  private final String text;
  private final Map<String, String> properties = new LinkedHashMap<>();

  private ServiceProperties(String service, String text) {
    this.service = service;
    this.text = text;
    for (String line : text.split("\n")) {
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("%") || !line.contains("=")) {
        continue;
      }
      int eq = line.indexOf('=');
      properties.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
    }
  }

  static ServiceProperties of(String service) {
    return new ServiceProperties(service,
        Repository.read(Repository.ROOT.resolve(service + "/src/main/resources/application.properties")));
  }

  /** A property's effective default: the value, or the default of a ${VARIABLE:default} expression. */
  String defaultValue(String key) {
    String value = properties.get(key);
    if (value == null) {
      throw new AssertionError(service + " has no " + key + " in application.properties");
    }
    Matcher m = DEFAULT.matcher(value);
    return m.matches() ? m.group(1) : value;
  }

  int port(String key) {
    return Integer.parseInt(defaultValue(key));
  }

  /**
   * Whether the service reads an environment variable: a ${NAME...} expression mentions it, or it is the
   * environment form of a property the file sets (quarkus.http.port -> QUARKUS_HTTP_PORT, as SmallRye Config maps).
   */
  boolean reads(String variable) {
    if (text.contains("${" + variable + ":") || text.contains("${" + variable + "}")) {
      return true;
    }
    return properties.keySet().stream().anyMatch(k -> k.toUpperCase().replaceAll("[^A-Z0-9]", "_").equals(variable));
  }
}
