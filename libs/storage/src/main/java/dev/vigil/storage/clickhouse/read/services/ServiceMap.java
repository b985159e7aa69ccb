package dev.vigil.storage.clickhouse.read.services;

import java.util.List;

/** The services that sent spans in a time range and the calls between them. */
public record ServiceMap(List<String> nodes, List<ServiceEdge> edges) {

  public ServiceMap {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }
}
