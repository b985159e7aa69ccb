package dev.vigil.otlp.metrics;

import dev.vigil.otlp.common.Attributes;
import dev.vigil.otlp.common.Resources;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Labels of the series of one resource and scope, as Prometheus's OTLP translator builds them: the
 * data point's attributes (sanitised; keys that collide after sanitising joined with ";" in key
 * order), then {@code otel_scope_name}/{@code otel_scope_version}, then {@code job} and
 * {@code instance} from the resource, which win over attributes of the same name. Labels whose
 * value is empty are left out (Prometheus treats them as absent), as are reserved {@code __...}
 * names, which would clash with {@code __name__}.
 */
final class PointLabels {

  static final String JOB = "job";
  static final String INSTANCE = "instance";

  private final Map<String, String> fixed;

  PointLabels(Map<String, String> resource, InstrumentationScope scope) {
    Map<String, String> labels = new HashMap<>();
    putIfNotEmpty(labels, "otel_scope_name", scope.getName());
    putIfNotEmpty(labels, "otel_scope_version", scope.getVersion());
    putIdentity(labels, resource);
    this.fixed = Map.copyOf(labels);
  }

  /** The labels of a data point with these attributes. */
  Map<String, String> of(List<KeyValue> attributes) {
    Map<String, String> labels = new HashMap<>();
    if (!attributes.isEmpty()) {
      TreeMap<String, String> sorted = new TreeMap<>(Attributes.toMap(attributes));
      sorted.forEach((key, value) -> merge(labels, key, value));
    }
    labels.putAll(fixed);
    return labels;
  }

  /**
   * The labels of the resource's {@code target_info} series: every resource attribute except those
   * already in {@code job} and {@code instance}, plus those two; empty when there is nothing else.
   */
  static Map<String, String> targetInfo(Map<String, String> resource) {
    Map<String, String> labels = new HashMap<>();
    new TreeMap<>(resource)
        .forEach(
            (key, value) -> {
              if (!key.equals(Resources.SERVICE_NAME)
                  && !key.equals(Resources.SERVICE_NAMESPACE)
                  && !key.equals(Resources.SERVICE_INSTANCE_ID)) {
                merge(labels, key, value);
              }
            });
    if (labels.isEmpty()) {
      return labels;
    }
    putIdentity(labels, resource);
    return labels;
  }

  /**
   * {@code job} = {@code service.namespace/service.name} (or the name alone), with the same
   * "unknown_service" default as spans and logs so that every signal names a service alike;
   * {@code instance} = {@code service.instance.id} when present.
   */
  private static void putIdentity(Map<String, String> labels, Map<String, String> resource) {
    String namespace = resource.getOrDefault(Resources.SERVICE_NAMESPACE, "");
    String service = Resources.serviceName(resource);
    labels.put(JOB, namespace.isEmpty() ? service : namespace + "/" + service);
    putIfNotEmpty(labels, INSTANCE, resource.getOrDefault(Resources.SERVICE_INSTANCE_ID, ""));
  }

  private static void merge(Map<String, String> labels, String key, String value) {
    String name = PrometheusNames.labelName(key);
    if (name.isEmpty() || name.startsWith("__") || value.isEmpty()) {
      return;
    }
    labels.merge(name, value, (existing, added) -> existing + ";" + added);
  }

  private static void putIfNotEmpty(Map<String, String> labels, String name, String value) {
    if (!value.isEmpty()) {
      labels.put(name, value);
    }
  }
}
