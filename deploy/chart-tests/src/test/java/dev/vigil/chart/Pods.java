package dev.vigil.chart;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Questions about pod templates the tests ask again and again. */
final class Pods {

  private Pods() {}

  static List<Container> allContainers(PodSpec spec) {
    return Stream.concat(spec.getInitContainers().stream(), spec.getContainers().stream()).toList();
  }

  /** Whether a label selector (matchLabels) selects a pod with these labels. */
  static boolean selects(Map<String, String> selector, Map<String, String> labels) {
    return !selector.isEmpty() && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }

  static boolean hasPort(PodTemplateSpec template, IntOrString port) {
    return template.getSpec().getContainers().stream().flatMap(c -> c.getPorts().stream())
        .anyMatch(p -> matches(p, port));
  }

  static boolean matches(ContainerPort containerPort, IntOrString port) {
    return port.getStrVal() != null
        ? port.getStrVal().equals(containerPort.getName())
        : port.getIntVal().equals(containerPort.getContainerPort());
  }

  /** name -> value (or "secret:<name>/<key>" for a secretKeyRef) of a container's environment. */
  static Map<String, String> env(Container container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar var : container.getEnv()) {
      String value = var.getValue();
      if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
        value = "secret:" + var.getValueFrom().getSecretKeyRef().getName() + "/" + var.getValueFrom().getSecretKeyRef().getKey();
      }
      if (env.put(var.getName(), value) != null) {
        throw new AssertionError(container.getName() + " sets " + var.getName() + " twice");
      }
    }
    return env;
  }

  static Container container(PodTemplateSpec template) {
    List<Container> containers = template.getSpec().getContainers();
    if (containers.size() != 1) {
      throw new AssertionError("expected one container, got " + containers.size());
    }
    return containers.get(0);
  }

  /** A container setting, falling back to the pod's security context. */
  static <T> Optional<T> effective(Optional<T> container, Optional<T> pod) {
    return container.isPresent() ? container : pod;
  }
}
