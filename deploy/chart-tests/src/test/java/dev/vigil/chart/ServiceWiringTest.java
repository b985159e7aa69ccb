package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.chart.Manifests.Workload;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Services reach the pods they are meant for, on the ports the services really listen on. */
class ServiceWiringTest {

  @ParameterizedTest
  @ValueSource(strings = {"default", "small", "external"})
  void everyServiceSelectsThePodsOfExactlyOneWorkloadOnPortsTheyDeclare(String install) {
    Manifests m = ChartRenderer.profile(install).render();
    SoftAssertions soft = new SoftAssertions();
    for (Service service : m.all(Service.class)) {
      Map<String, String> selector = service.getSpec().getSelector();
      List<Workload> selected = m.workloads().stream()
          .filter(w -> !w.kind().equals("Job"))
          .filter(w -> Pods.selects(selector, w.template().getMetadata().getLabels()))
          .toList();
      soft.assertThat(selected).as("workloads selected by Service %s", service.getMetadata().getName()).hasSize(1);
      if (selected.size() == 1) {
        for (ServicePort port : service.getSpec().getPorts()) {
          soft.assertThat(Pods.hasPort(selected.get(0).template(), port.getTargetPort()))
              .as("Service %s port %s targets a port of %s", service.getMetadata().getName(), port.getName(),
                  selected.get(0).name())
              .isTrue();
        }
      }
    }
    soft.assertAll();
  }

  @Test
  void servicePortsAreTheServicesConfiguredHttpPortsAndOtlpGrpc() {
    Manifests m = ChartRenderer.chart().render();
    SoftAssertions soft = new SoftAssertions();
    for (String name : ServiceProperties.SERVICES) {
      ServiceProperties properties = ServiceProperties.of(name);
      int httpPort = properties.port("quarkus.http.port");
      Service service = m.one(Service.class, ChartRenderer.RELEASE + "-" + name);
      Map<String, Integer> ports = service.getSpec().getPorts().stream()
          .collect(Collectors.toMap(ServicePort::getName, ServicePort::getPort));
      Map<String, String> env = Pods.env(Pods.container(m.workload(ChartRenderer.RELEASE + "-" + name).template()));

      soft.assertThat(ports.get("http")).as("%s http port = its quarkus.http.port default", name).isEqualTo(httpPort);
      soft.assertThat(env.get("QUARKUS_HTTP_PORT")).as("%s QUARKUS_HTTP_PORT", name).isEqualTo(String.valueOf(httpPort));
      if (name.equals("otlp-receiver")) {
        int grpc = properties.port("quarkus.grpc.server.port");
        soft.assertThat(grpc).isEqualTo(4317);
        soft.assertThat(ports.get("grpc")).as("otlp-receiver OTLP/gRPC port").isEqualTo(grpc);
        soft.assertThat(env.get("VIGIL_OTLP_GRPC_PORT")).isEqualTo(String.valueOf(grpc));
      } else {
        soft.assertThat(ports).as("%s ports", name).containsOnlyKeys("http");
      }
    }
    soft.assertAll();
  }
}
