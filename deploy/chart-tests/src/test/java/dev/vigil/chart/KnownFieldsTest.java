package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every field of every rendered object is one the Kubernetes API defines. Fabric8's model keeps a field it does
 * not know (a misspelt `readinesProbe`, a key at the wrong level) in additionalProperties instead of failing, so the
 * other tests would not notice it before a cluster does: this walks the parsed objects and reports such fields.
 */
class KnownFieldsTest {

  @ParameterizedTest
  @ValueSource(strings = {"default", "small", "external", "everything"})
  void renderedObjectsUseOnlyKnownFields(String install) {
    Manifests m = install.equals("everything") ? ContainerHardeningTest.render(install) : ChartRenderer.profile(install).render();
    List<String> unknown = new ArrayList<>();
    for (HasMetadata object : m.objects) {
      if (object instanceof GenericKubernetesResource) {
        continue; // custom resources (ServiceMonitor): no model to check against
      }
      walk(object, object.getKind() + "/" + object.getMetadata().getName(), unknown, new IdentityHashMap<>());
    }
    assertThat(unknown).as("fields the Kubernetes API does not define").isEmpty();
  }

  private static void walk(Object value, String path, List<String> unknown, Map<Object, Boolean> seen) {
    if (value == null || seen.put(value, true) != null) {
      return;
    }
    if (value instanceof Collection<?> list) {
      int i = 0;
      for (Object item : list) {
        walk(item, path + "[" + i++ + "]", unknown, seen);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")
        || value instanceof Quantity || value instanceof IntOrString) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
        continue;
      }
      try {
        Object child = getter.invoke(value);
        if (getter.getName().equals("getAdditionalProperties")) {
          ((Map<?, ?>) child).keySet().forEach(k -> unknown.add(path + "." + k));
        } else {
          walk(child, path + "." + property(getter.getName()), unknown, seen);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(getter.toString(), e);
      }
    }
  }

  private static String property(String getter) {
    return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
  }
}
