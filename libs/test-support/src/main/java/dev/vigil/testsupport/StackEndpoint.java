package dev.vigil.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/** A TCP endpoint of the local stack, checked before a test suite relies on it. */
record StackEndpoint(String component, String host, int port) {

  static StackEndpoint fromUri(String component, String uri, int defaultPort) {
    URI parsed = URI.create(uri);
    int port = parsed.getPort() > 0 ? parsed.getPort() : defaultPort;
    return new StackEndpoint(component, parsed.getHost(), port);
  }

  /** Fails with a message that tells the developer how to start the stack. */
  void requireReachable() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2_000);
    } catch (IOException e) {
      throw new IllegalStateException(
          component
              + " is not reachable at "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "). Tests run against the local stack: use ./vigil test, or ./vigil up --infra-only"
              + " before running Maven yourself.",
          e);
    }
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
