package dev.vigil.otlp.receiver.split;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a metrics export into one record per resource, keyed
 * {@code <projectId>/<service.namespace>/<service.name>/<service.instance.id>} (see
 * Topics.OTLP_METRICS), split further by whole metrics past {@code targetBytes}; drops metrics without
 * a name (their data points are reported as rejected).
 */
public final class MetricSplitter {

  private MetricSplitter() {}

  public static Split split(ExportMetricsServiceRequest request, long projectId, long targetBytes) {
    Rejections rejections = new Rejections("data points");
    List<KeyedRecord> records = new ArrayList<>();
    long accepted = 0;
    for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
      String key = key(projectId, resourceMetrics);
      Chunk chunk = null;
      for (int s = 0; s < resourceMetrics.getScopeMetricsCount(); s++) {
        ScopeMetrics scopeMetrics = resourceMetrics.getScopeMetrics(s);
        for (Metric metric : scopeMetrics.getMetricsList()) {
          int points = dataPoints(metric);
          if (metric.getName().isBlank()) {
            rejections.reject(points, "a metric without a name (" + points + " data points)");
            continue;
          }
          long size = metric.getSerializedSize() + 6L;
          if (chunk != null && chunk.bytes + size > targetBytes) {
            records.add(chunk.record());
            chunk = null;
          }
          if (chunk == null) {
            chunk = new Chunk(key, resourceMetrics);
          }
          chunk.add(s, scopeMetrics, metric, size);
          accepted += points;
        }
      }
      if (chunk != null) {
        records.add(chunk.record());
      }
    }
    return new Split(records, accepted, rejections.count(), rejections.message());
  }

  /** Data points of any metric type (what partial_success.rejected_data_points counts). */
  static int dataPoints(Metric metric) {
    return switch (metric.getDataCase()) {
      case GAUGE -> metric.getGauge().getDataPointsCount();
      case SUM -> metric.getSum().getDataPointsCount();
      case HISTOGRAM -> metric.getHistogram().getDataPointsCount();
      case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsCount();
      case SUMMARY -> metric.getSummary().getDataPointsCount();
      case DATA_NOT_SET -> 0;
    };
  }

  static String key(long projectId, ResourceMetrics resourceMetrics) {
    String namespace = "";
    String name = "";
    String instance = "";
    for (KeyValue attribute : resourceMetrics.getResource().getAttributesList()) {
      switch (attribute.getKey()) {
        case "service.namespace" -> namespace = attribute.getValue().getStringValue();
        case "service.name" -> name = attribute.getValue().getStringValue();
        case "service.instance.id" -> instance = attribute.getValue().getStringValue();
        default -> {}
      }
    }
    return projectId + "/" + namespace + "/" + name + "/" + instance;
  }

  /** One record under construction: a resource with the scopes and metrics added so far. */
  private static final class Chunk {
    final String key;
    final ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.newBuilder();
    final ResourceMetrics.Builder resource;
    ScopeMetrics.Builder scope;
    int lastScope = -1;
    long bytes;

    Chunk(String key, ResourceMetrics resourceMetrics) {
      this.key = key;
      resource =
          request.addResourceMetricsBuilder()
              .setResource(resourceMetrics.getResource())
              .setSchemaUrl(resourceMetrics.getSchemaUrl());
      bytes = resourceMetrics.getResource().getSerializedSize();
    }

    void add(int s, ScopeMetrics scopeMetrics, Metric metric, long size) {
      if (s != lastScope) {
        scope = resource.addScopeMetricsBuilder().setScope(scopeMetrics.getScope()).setSchemaUrl(scopeMetrics.getSchemaUrl());
        lastScope = s;
        bytes += scopeMetrics.getScope().getSerializedSize();
      }
      scope.addMetrics(metric);
      bytes += size;
    }

    KeyedRecord record() {
      return new KeyedRecord(key, request.build().toByteArray());
    }
  }
}
