package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The UI host and the ingest host reach the right services, and Vigil prints the public URLs it is reached at. */
class ExposureTest {

  static ChartRenderer exposed() {
    return ChartRenderer.chart().set("hosts.ui", "vigil.example.com").set("hosts.ingest", "ingest.example.com");
  }

  @Test
  void ingressRoutesTheUiHostToTheUiAndSdkPathsToTheReceivers() {
    Manifests m = exposed().set("ingress.enabled", true).set("ingress.className", "nginx").render();
    Ingress ingress = m.all(Ingress.class).get(0);

    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    assertThat(routes(ingress, "vigil.example.com")).containsExactly(Map.entry("/", "vigil-web-ui"));
    assertThat(routes(ingress, "ingest.example.com")).containsExactly(
        Map.entry("/api", "vigil-ingest-gateway"), Map.entry("/v1/traces", "vigil-otlp-receiver"),
        Map.entry("/v1/metrics", "vigil-otlp-receiver"), Map.entry("/v1/logs", "vigil-otlp-receiver"));
    for (IngressRule rule : ingress.getSpec().getRules()) {
      for (HTTPIngressPath path : rule.getHttp().getPaths()) {
        Service backend = m.one(Service.class, path.getBackend().getService().getName());
        assertThat(backend.getSpec().getPorts()).extracting(p -> p.getName())
            .contains(path.getBackend().getService().getPort().getName());
      }
    }
    assertPublicUrls(m);
  }

  @Test
  void httpRoutesDoTheSameThroughAGateway() {
    Manifests m = exposed().set("httpRoute.enabled", true).set("httpRoute.parentRefs[0].name", "public")
        .set("httpRoute.parentRefs[0].namespace", "gateways").render();
    List<HTTPRoute> routes = m.all(HTTPRoute.class);

    assertThat(routes).hasSize(2).allSatisfy(r -> assertThat(r.getSpec().getParentRefs()).singleElement()
        .satisfies(p -> assertThat(p.getName() + "/" + p.getNamespace()).isEqualTo("public/gateways")));
    Map<String, String> paths = new LinkedHashMap<>();
    for (HTTPRoute route : routes) {
      for (var rule : route.getSpec().getRules()) {
        var backend = rule.getBackendRefs().get(0);
        Service service = m.one(Service.class, backend.getName());
        assertThat(service.getSpec().getPorts()).extracting(p -> p.getPort()).contains(backend.getPort());
        rule.getMatches().forEach(match -> paths.put(route.getSpec().getHostnames().get(0) + match.getPath().getValue(),
            backend.getName()));
      }
    }
    assertThat(paths).containsExactlyInAnyOrderEntriesOf(Map.of(
        "vigil.example.com/", "vigil-web-ui",
        "ingest.example.com/api", "vigil-ingest-gateway",
        "ingest.example.com/v1/traces", "vigil-otlp-receiver",
        "ingest.example.com/v1/metrics", "vigil-otlp-receiver",
        "ingest.example.com/v1/logs", "vigil-otlp-receiver"));
    assertPublicUrls(m);
  }

  @Test
  void serviceMonitorScrapesTheSixServicesMetrics() {
    Manifests m = ChartRenderer.chart().set("serviceMonitor.enabled", true).set("serviceMonitor.labels.release", "prom").render();
    GenericKubernetesResource monitor = (GenericKubernetesResource) m.ofKind("ServiceMonitor").get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
    @SuppressWarnings("unchecked")
    Map<String, Object> selector = (Map<String, Object>) spec.get("selector");
    @SuppressWarnings("unchecked")
    Map<String, String> matchLabels = (Map<String, String>) selector.get("matchLabels");
    @SuppressWarnings("unchecked")
    List<String> components = (List<String>) ((List<Map<String, Object>>) selector.get("matchExpressions")).get(0).get("values");
    @SuppressWarnings("unchecked")
    Map<String, Object> endpoint = ((List<Map<String, Object>>) spec.get("endpoints")).get(0);

    List<Service> scraped = m.all(Service.class).stream()
        .filter(s -> Pods.selects(matchLabels, s.getMetadata().getLabels()))
        .filter(s -> components.contains(s.getMetadata().getLabels().get("app.kubernetes.io/component")))
        .toList();
    assertThat(scraped).extracting(s -> s.getMetadata().getName()).containsExactlyInAnyOrder(
        "vigil-ingest-gateway", "vigil-otlp-receiver", "vigil-event-processor", "vigil-query-service",
        "vigil-alert-service", "vigil-web-ui");
    assertThat(scraped).allSatisfy(s -> assertThat(s.getSpec().getPorts()).extracting(p -> p.getName()).contains((String) endpoint.get("port")));
    assertThat(endpoint).containsEntry("path", "/q/metrics");
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prom");
  }

  private static void assertPublicUrls(Manifests m) {
    Map<String, String> query = Pods.env(Pods.container(m.workload("vigil-query-service").template()));
    Map<String, String> alert = Pods.env(Pods.container(m.workload("vigil-alert-service").template()));
    assertThat(query).containsEntry("VIGIL_UI_PUBLIC_URL", "https://vigil.example.com")
        .containsEntry("VIGIL_INGEST_PUBLIC_URL", "https://ingest.example.com")
        .containsEntry("VIGIL_OTLP_PUBLIC_HTTP_URL", "https://ingest.example.com");
    assertThat(alert).containsEntry("VIGIL_UI_PUBLIC_URL", "https://vigil.example.com");
  }

  private static Map<String, String> routes(Ingress ingress, String host) {
    Map<String, String> routes = new LinkedHashMap<>();
    ingress.getSpec().getRules().stream().filter(r -> r.getHost().equals(host))
        .flatMap(r -> r.getHttp().getPaths().stream())
        .forEach(p -> routes.put(p.getPath(), p.getBackend().getService().getName()));
    return routes;
  }
}
