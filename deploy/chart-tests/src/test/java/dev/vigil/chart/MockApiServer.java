package dev.vigil.chart;

import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * The API server Helm's lookup() talks to while the tests render: a Fabric8 mock server in CRUD mode. helm-java's
 * template asks a cluster for lookups (it renders as a server-side dry run), so without this it would reach whatever
 * listens at localhost:8080. Surefire points KUBECONFIG at the file written here; Secrets the tests create in the
 * mock server are what lookup() finds, as on a real upgrade.
 */
final class MockApiServer {

  private static KubernetesMockServer server;
  private static KubernetesClient client;

  private MockApiServer() {}

  /** Starts the server once per test JVM and writes the kubeconfig helm-java reads. */
  static synchronized KubernetesClient client() {
    if (client == null) {
      KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
      // Discovery of the core group, which lookup() needs to map "v1 Secret" to its resource.
      String coreResources = Serialization.asJson(new APIResourceListBuilder()
          .withGroupVersion("v1")
          .addNewResource().withName("secrets").withSingularName("secret").withKind("Secret")
          .withNamespaced(true).withVerbs("get", "list", "watch").endResource()
          .build());
      Dispatcher dispatcher = new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          String path = request.getPath();
          if (path.equals("/api/v1") || path.startsWith("/api/v1?")) {
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                .setBody(coreResources);
          }
          return crud.dispatch(request);
        }
      };
      server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
      server.init();
      client = server.createClient();
      writeKubeconfig(client.getConfiguration().getMasterUrl());
    }
    return client;
  }

  private static void writeKubeconfig(String url) {
    String path = System.getenv("KUBECONFIG");
    if (path == null || path.isBlank()) {
      throw new IllegalStateException("KUBECONFIG is not set: run the chart tests through Maven (surefire sets it)");
    }
    String kubeconfig = """
        apiVersion: v1
        kind: Config
        clusters:
          - name: mock
            cluster:
              server: %s
        contexts:
          - name: mock
            context:
              cluster: mock
              user: mock
        current-context: mock
        users:
          - name: mock
            user: {}
        """.formatted(url);
    try {
      Files.createDirectories(Path.of(path).toAbsolutePath().getParent());
      Files.writeString(Path.of(path), kubeconfig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
