package dev.vigil.bench.traces;

import dev.vigil.bench.common.ClickHouseHttp;
import dev.vigil.bench.common.Options;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * "Trace by id" at scale: bulk-loads synthetic spans straight into ClickHouse (INSERT … SELECT FROM numbers(),
 * so the trace_index view is fed as it is in production), then times query-service's
 * GET /api/v1/projects/{p}/traces/{id} for random stored traces. Not a test: see bench/README.md.
 *
 * <p>java -cp bench/target/classes dev.vigil.bench.traces.TraceLookupBenchmark --project ID --query-url
 * http://localhost:8013 --token ADMIN_TOKEN [--spans 10000000] [--chunk 1000000] [--days 3] [--services 2000]
 * [--lookups 200] [--clickhouse http://localhost:18123] [--database vigil] [--skip-load false]
 */
public final class TraceLookupBenchmark {
  static final String USAGE = "java -cp bench/target/classes dev.vigil.bench.traces.TraceLookupBenchmark"
      + " --project ID --query-url http://localhost:8013"
      + " --token ADMIN_TOKEN [--spans 10000000] [--chunk 1000000] [--days 3] [--services 2000] [--lookups 200]"
      + " [--clickhouse http://localhost:18123] [--database vigil] [--skip-load false]";

  /** Spans per synthetic trace: a root and nine children. */
  private static final int SPANS_PER_TRACE = 10;

  private TraceLookupBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    o.requireAll(USAGE, "project", "query-url", "token");
    long project = Long.parseLong(o.get("project"));
    long spans = Long.parseLong(o.get("spans", "10000000"));
    long chunk = Long.parseLong(o.get("chunk", "1000000"));
    int days = Integer.parseInt(o.get("days", "3"));
    int services = Integer.parseInt(o.get("services", "2000"));
    int lookups = Integer.parseInt(o.get("lookups", "200"));
    String db = o.get("database", "vigil");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ClickHouseHttp clickhouse = new ClickHouseHttp(o.get("clickhouse", "http://localhost:18123"), http);
    // A seed per project keeps trace ids of two loads into different projects apart.
    String seed = "vigil-bench-" + project;

    if (!Boolean.parseBoolean(o.get("skip-load", "false"))) {
      long traces = spans / SPANS_PER_TRACE;
      long spreadMs = days * 86_400_000L;
      long started = System.nanoTime();
      for (long from = 0; from < spans; from += chunk) {
        long n = Math.min(chunk, spans - from);
        // number → trace intDiv(number, 10); traces spread evenly over the last `days` days, ten spans 1 ms apart.
        String sql = "INSERT INTO " + db + ".spans (project_id, timestamp, trace_id, span_id, parent_span_id,"
            + " service_name, span_name, span_kind, duration_ns, status_code, resource_attributes, span_attributes, source)"
            + " SELECT " + project + ","
            + " fromUnixTimestamp64Milli(toInt64(toUnixTimestamp64Milli(now64(3)) - intDiv(t * " + spreadMs + ", " + traces + ")"
            + "   + (number % 10))),"
            + " lower(hex(MD5(concat('" + seed + "', toString(t))))),"
            + " substring(lower(hex(MD5(concat('" + seed + "-s', toString(number))))), 1, 16),"
            + " if(number % 10 = 0, '', substring(lower(hex(MD5(concat('" + seed + "-s', toString(t * 10))))), 1, 16)),"
            + " concat('svc-', toString((t + number % 10) % " + services + ")),"
            + " concat('op-', toString(number % 50)),"
            + " if(number % 10 = 0, 'server', 'internal'),"
            + " 1000000 + (number % 1000) * 1000,"
            + " if(number % 97 = 0, 'error', 'unset'),"
            + " map('service.name', concat('svc-', toString((t + number % 10) % " + services + ")), 'host.name', 'bench'),"
            + " map('http.route', concat('/api/op-', toString(number % 50))),"
            + " 'otlp'"
            + " FROM (SELECT number, intDiv(number, 10) AS t FROM numbers(" + from + ", " + n + "))";
        long t0 = System.nanoTime();
        clickhouse.execute(sql);
        System.out.printf("  loaded spans %d..%d in %.1f s%n", from, from + n, (System.nanoTime() - t0) / 1e9);
      }
      System.out.printf("loaded %d spans (%d traces) in %.0f s%n", spans, traces, (System.nanoTime() - started) / 1e9);
    }
    System.out.println("spans in the project: "
        + clickhouse.execute("SELECT count() FROM " + db + ".spans WHERE project_id = " + project).trim()
        + ", in the table: " + clickhouse.execute("SELECT count() FROM " + db + ".spans").trim());

    List<String> ids = new ArrayList<>(Arrays.asList(clickhouse.execute(
        "SELECT trace_id FROM " + db + ".trace_index WHERE project_id = " + project
            + " ORDER BY cityHash64(trace_id) LIMIT " + lookups).trim().split("\n")));
    Collections.shuffle(ids);
    long[] micros = new long[ids.size()];
    int found = 0;
    for (int i = 0; i < ids.size(); i++) {
      HttpRequest request = HttpRequest.newBuilder(
              URI.create(o.get("query-url") + "/api/v1/projects/" + project + "/traces/" + ids.get(i)))
          .header("Authorization", "Bearer " + o.get("token")).timeout(Duration.ofSeconds(30)).build();
      long t0 = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      micros[i] = (System.nanoTime() - t0) / 1000;
      if (response.statusCode() == 200 && response.body().contains(ids.get(i))) {
        found++;
      } else if (i < 3) {
        System.out.println("  " + ids.get(i) + " answered " + response.statusCode() + ": "
            + response.body().substring(0, Math.min(300, response.body().length())));
      }
    }
    Arrays.sort(micros);
    System.out.printf("trace by id over %d random traces (%d answered 200 with the trace): median %.1f ms,"
        + " p95 %.1f ms, max %.1f ms%n", ids.size(), found, micros[micros.length / 2] / 1000.0,
        micros[(int) Math.ceil(micros.length * 0.95) - 1] / 1000.0, micros[micros.length - 1] / 1000.0);
  }
}
