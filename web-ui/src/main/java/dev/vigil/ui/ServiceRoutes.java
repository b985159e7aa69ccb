package dev.vigil.ui;

import java.net.URI;

/** Which service answers an /api path. */
final class ServiceRoutes {

  private ServiceRoutes() {}

  static URI serviceFor(String path, UiConfig config) {
    for (String prefix : config.alertServicePaths()) {
      if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
        return config.alertServiceUrl();
      }
    }
    return config.queryServiceUrl();
  }
}
