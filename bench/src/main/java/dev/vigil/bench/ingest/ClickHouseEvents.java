package dev.vigil.bench.ingest;

import dev.vigil.bench.common.ClickHouseHttp;
import java.io.IOException;
import java.net.http.HttpClient;

/** Counts the project's distinct events in ClickHouse (HTTP interface): cheap however many issues there are. */
record ClickHouseEvents(String url, String database, long projectId) implements EventCounter {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Override
  public long count() throws IOException, InterruptedException {
    return new ClickHouseHttp(url, HTTP)
        .count("SELECT uniqExact(event_id) FROM " + database + ".events WHERE project_id = " + projectId);
  }
}
