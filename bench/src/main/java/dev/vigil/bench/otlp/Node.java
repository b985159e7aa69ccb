package dev.vigil.bench.otlp;

import static dev.vigil.bench.otlp.AppTraces.CLIENT;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A span before it has ids and times: service, operation, attributes, and the calls it makes. */
final class Node {
  final String service;
  final String name;
  final int kind;
  final long selfNanos;
  final List<Proto> attributes = new ArrayList<>();
  final List<Node> children = new ArrayList<>();
  boolean parallel;
  int httpStatus;
  String logLine;
  Node followUp;
  Node parent;
  byte[] spanId;
  long start;
  long end;
  String errorType;
  String errorMessage;
  boolean failed;

  Node(String service, String name, int kind, long selfNanos) {
    this.service = service;
    this.name = name;
    this.kind = kind;
    this.selfNanos = selfNanos;
  }

  Node attr(String key, String value) {
    attributes.add(Requests.attribute(key, value));
    return this;
  }

  Node add(Node... calls) {
    children.addAll(Arrays.asList(calls));
    return this;
  }

  Proto span(byte[] traceId) {
    Proto span = new Proto().bytes(1, traceId).bytes(2, spanId).bytes(4, parent == null ? new byte[0] : parent.spanId)
        .string(5, name).varint(6, kind).fixed64(7, start).fixed64(8, end);
    attributes.forEach(a -> span.message(9, a));
    if (httpStatus > 0) {
      span.message(9, Requests.intAttribute("http.response.status_code", failed ? 500 : httpStatus));
    }
    if (errorType != null) {
      span.message(11, new Proto().fixed64(1, end - 1000).string(2, "exception")
          .message(3, Requests.attribute("exception.type", errorType))
          .message(3, Requests.attribute("exception.message", errorMessage)));
    }
    return span.message(15, failed ? new Proto().string(2, errorType != null ? errorMessage : "").varint(3, 2) : new Proto());
  }

  List<Proto> logs(byte[] traceId) {
    List<Proto> logs = new ArrayList<>();
    if (logLine != null) {
      String line = logLine + (httpStatus > 0 ? " " + (failed ? 500 : httpStatus) : "") + " in " + (end - start) / 1_000_000 + " ms";
      logs.add(log(traceId, end, failed ? 13 : 9, failed ? "WARN" : "INFO", line));
    }
    if (errorType != null) {
      logs.add(log(traceId, end - 1000, 17, "ERROR", errorType + ": " + errorMessage));
    }
    if (kind == CLIENT && name.startsWith("SELECT") && end - start > 200_000_000L) {
      logs.add(log(traceId, end, 13, "WARN", "slow query (" + (end - start) / 1_000_000 + " ms): " + name));
    }
    return logs;
  }

  private Proto log(byte[] traceId, long time, int severity, String text, String body) {
    return new Proto().fixed64(1, time).fixed64(11, time).varint(2, severity).string(3, text)
        .message(5, new Proto().string(1, body))
        .message(6, Requests.attribute("logger.name", service.replace('-', '_') + ".handlers"))
        .bytes(9, traceId).bytes(10, spanId);
  }
}
