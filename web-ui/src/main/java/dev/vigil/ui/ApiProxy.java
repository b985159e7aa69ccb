package dev.vigil.ui;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;

/**
 * Forwards the browser's /api calls to query-service or alert-service, so the UI has one origin: the
 * session cookie is first-party and no CORS is needed. Vert.x's reverse proxy streams bodies both ways
 * and answers 502 when the service behind it is down.
 */
@ApplicationScoped
final class ApiProxy {

  private final UiConfig config;

  ApiProxy(UiConfig config) {
    this.config = config;
  }

  void register(@Observes Router router, Vertx vertx) {
    HttpProxy proxy = HttpProxy.reverseProxy(vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)));
    proxy.originSelector(request -> Future.succeededFuture(origin(request)));
    router.route("/api/*").handler(rc -> proxy.handle(rc.request()));
  }

  private SocketAddress origin(HttpServerRequest request) {
    return address(ServiceRoutes.serviceFor(request.path(), config));
  }

  private static SocketAddress address(URI base) {
    int port = base.getPort() > 0 ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80);
    return SocketAddress.inetSocketAddress(port, base.getHost());
  }
}
