package dev.vigil.bench.common;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sends a load's requests and keeps what the report needs of them: failures by cause and latency. */
public final class RequestStats {
  /** Builds one request; its time counts towards the request's latency (compression, for instance). */
  public interface RequestFactory {
    HttpRequest build() throws IOException;
  }

  public final Failures failures = new Failures();
  public final LatencyHistogram latency = new LatencyHistogram();

  /** Sends the request, discarding the answer; true when it answered 200, otherwise the failure is counted. */
  public boolean send(HttpClient http, RequestFactory factory) {
    long start = System.nanoTime();
    try {
      HttpResponse<Void> response = http.send(factory.build(), HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() == 200) {
        return true;
      }
      failures.count("HTTP " + response.statusCode());
    } catch (IOException e) {
      failures.count(e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      latency.record((System.nanoTime() - start) / 1000);
    }
    return false;
  }
}
