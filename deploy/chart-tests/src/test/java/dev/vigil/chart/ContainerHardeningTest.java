package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.chart.Manifests.Workload;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every container the chart runs, in every way it is installed: probes, resources, a locked-down security context. */
class ContainerHardeningTest {

  static Stream<String> installs() {
    return Stream.of("default", "small", "external", "everything");
  }

  static Manifests render(String install) {
    if (install.equals("everything")) {
      // Every optional part on: ingress, routes, monitors, autoscaling, rule files, SMTP, namespaced RBAC.
      return ChartRenderer.chart()
          .set("hosts.ui", "vigil.example.com").set("hosts.ingest", "ingest.example.com")
          .set("ingress.enabled", true).set("httpRoute.enabled", true).set("httpRoute.parentRefs[0].name", "public")
          .set("serviceMonitor.enabled", true).set("ingestGateway.autoscaling.enabled", true)
          .set("queryService.replicas", 2).set("alertService.replicas", 2)
          .set("alertService.rules.projects.1.slo\\.yml", "groups: []")
          .set("alertService.smtp.host", "smtp.example.com").set("alertService.smtp.password", "secret")
          .set("kubernetesMetadata.namespaces[0]", "shop")
          .render();
    }
    return ChartRenderer.profile(install).render();
  }

  @ParameterizedTest
  @MethodSource("installs")
  void everyLongRunningContainerHasStartupLivenessAndReadinessProbes(String install) {
    SoftAssertions soft = new SoftAssertions();
    for (Workload w : render(install).workloads()) {
      for (Container c : Pods.allContainers(w.template().getSpec())) {
        boolean initContainer = w.template().getSpec().getInitContainers().contains(c);
        if (w.kind().equals("Job") || initContainer) {
          // Run-to-completion containers: Kubernetes allows no readiness probe there, and a liveness probe
          // would only kill a migration in the middle.
          soft.assertThat(c.getReadinessProbe()).as("%s/%s readiness", w.name(), c.getName()).isNull();
          continue;
        }
        for (Probe probe : new Probe[] {c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe()}) {
          soft.assertThat(probe).as("%s/%s: startup, liveness and readiness probes", w.name(), c.getName()).isNotNull();
          if (probe != null && probe.getHttpGet() != null) {
            soft.assertThat(Pods.hasPort(w.template(), probe.getHttpGet().getPort()))
                .as("%s/%s probes a port the container declares", w.name(), c.getName()).isTrue();
          }
          if (probe != null && probe.getTcpSocket() != null) {
            soft.assertThat(Pods.hasPort(w.template(), probe.getTcpSocket().getPort()))
                .as("%s/%s probes a port the container declares", w.name(), c.getName()).isTrue();
          }
        }
      }
    }
    soft.assertAll();
  }

  @ParameterizedTest
  @MethodSource("installs")
  void vigilServicesProbeQuarkusHealthEndpoints(String install) {
    SoftAssertions soft = new SoftAssertions();
    for (Workload w : render(install).workloads()) {
      if (!w.kind().equals("Deployment")) {
        continue;
      }
      Container c = Pods.container(w.template());
      soft.assertThat(c.getStartupProbe().getHttpGet().getPath()).as(w.name()).isEqualTo("/q/health/started");
      soft.assertThat(c.getLivenessProbe().getHttpGet().getPath()).as(w.name()).isEqualTo("/q/health/live");
      soft.assertThat(c.getReadinessProbe().getHttpGet().getPath()).as(w.name()).isEqualTo("/q/health/ready");
    }
    soft.assertAll();
  }

  @ParameterizedTest
  @MethodSource("installs")
  void everyContainerHasCpuAndMemoryRequestsAndLimits(String install) {
    SoftAssertions soft = new SoftAssertions();
    for (Workload w : render(install).workloads()) {
      for (Container c : Pods.allContainers(w.template().getSpec())) {
        soft.assertThat(c.getResources().getRequests()).as("%s/%s requests", w.name(), c.getName())
            .containsKeys("cpu", "memory");
        soft.assertThat(c.getResources().getLimits()).as("%s/%s limits", w.name(), c.getName())
            .containsKeys("cpu", "memory");
      }
    }
    soft.assertAll();
  }

  @ParameterizedTest
  @MethodSource("installs")
  void everyContainerRunsNonRootWithoutPrivilegesOnAReadOnlyRoot(String install) {
    SoftAssertions soft = new SoftAssertions();
    for (Workload w : render(install).workloads()) {
      PodSecurityContext pod = Optional.ofNullable(w.template().getSpec().getSecurityContext()).orElse(new PodSecurityContext());
      for (Container c : Pods.allContainers(w.template().getSpec())) {
        String what = w.name() + "/" + c.getName();
        SecurityContext sc = Optional.ofNullable(c.getSecurityContext()).orElse(new SecurityContext());
        soft.assertThat(Pods.effective(Optional.ofNullable(sc.getRunAsNonRoot()), Optional.ofNullable(pod.getRunAsNonRoot())))
            .as("%s runAsNonRoot", what).contains(true);
        soft.assertThat(Pods.effective(Optional.ofNullable(sc.getRunAsUser()), Optional.ofNullable(pod.getRunAsUser())))
            .as("%s runs as a numeric non-root user", what).hasValueSatisfying(uid -> assertThat(uid).isPositive());
        soft.assertThat(sc.getAllowPrivilegeEscalation()).as("%s allowPrivilegeEscalation", what).isFalse();
        soft.assertThat(sc.getReadOnlyRootFilesystem()).as("%s readOnlyRootFilesystem", what).isTrue();
        soft.assertThat(Optional.ofNullable(sc.getCapabilities()).map(Capabilities::getDrop).orElse(List.of()))
            .as("%s drops all capabilities", what).contains("ALL");
        soft.assertThat(Optional.ofNullable(sc.getCapabilities()).map(Capabilities::getAdd).orElse(List.of()))
            .as("%s adds no capability", what).isEmpty();
        soft.assertThat(Pods.effective(Optional.ofNullable(sc.getSeccompProfile()), Optional.ofNullable(pod.getSeccompProfile()))
                .map(SeccompProfile::getType))
            .as("%s seccomp profile", what).contains("RuntimeDefault");
        soft.assertThat(c.getVolumeMounts()).as("%s has a writable /tmp", what)
            .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
      }
      soft.assertThat(w.template().getSpec().getVolumes().stream().filter(v -> v.getName().equals("tmp")).map(Volume::getEmptyDir))
          .as("%s: /tmp is an emptyDir", w.name()).singleElement().isNotNull();
      soft.assertThat(w.template().getSpec().getHostNetwork()).as("%s hostNetwork", w.name()).isNotEqualTo(Boolean.TRUE);
    }
    soft.assertAll();
  }
}
