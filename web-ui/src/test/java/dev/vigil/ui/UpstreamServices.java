package dev.vigil.ui;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for query-service behind the UI's proxy: a real HTTP server on a free port that answers
 * with what it received, so tests see exactly what the proxy forwarded. alert-service is pointed at a
 * port nothing listens on, to show what the browser gets when a service is down.
 */
public final class UpstreamServices implements QuarkusTestResourceLifecycleManager {

  private Vertx vertx;

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(
                request ->
                    request
                        .body()
                        .onSuccess(
                            body ->
                                request
                                    .response()
                                    .putHeader("Content-Type", "application/json")
                                    .putHeader("Set-Cookie", "vigil_session=abc; Path=/; HttpOnly; SameSite=Lax")
                                    .setStatusCode(request.path().endsWith("/missing") ? 404 : 200)
                                    .end(
                                        new JsonObject()
                                            .put("method", request.method().name())
                                            .put("uri", request.uri())
                                            .put("cookie", request.getHeader("Cookie"))
                                            .put("csrf", request.getHeader("X-CSRF-Token"))
                                            .put("body", body.toString())
                                            .encode())));
    try {
      server.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      return Map.of(
          "vigil.ui.query-service-url", "http://localhost:" + server.actualPort(),
          "vigil.ui.alert-service-url", "http://localhost:" + closedPort());
    } catch (Exception e) {
      throw new IllegalStateException("could not start the upstream test server", e);
    }
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void stop() {
    if (vertx != null) {
      vertx.close();
    }
  }
}
