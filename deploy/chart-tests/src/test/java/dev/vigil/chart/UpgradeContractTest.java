package dev.vigil.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What `helm upgrade` of an installed release cannot change: Kubernetes refuses edits of a StatefulSet's
 * serviceName, selector, podManagementPolicy and volumeClaimTemplates and of any workload's selector; a Service
 * cannot turn headless or back; a renamed workload or Secret is a new one (new volumes, new passwords); and a
 * database that looks for its files elsewhere on the same volume starts empty. The
 * contract recorded in src/test/resources/upgrade-contract.yaml must equal every profile's render, so that a change
 * breaking upgrades of installed releases fails here. If the break is intended, bump the chart's major version,
 * describe the migration in docs/kubernetes.md and rewrite the file with -Dvigil.chart.writeContract=true.
 */
class UpgradeContractTest {

  static final Path CONTRACT = Path.of("src/test/resources/upgrade-contract.yaml");
  static final String HEADER = """
      # What an upgrade of an installed release must keep (UpgradeContractTest). Changing it breaks `helm upgrade`
      # or loses data: bump the chart's major version, document the migration in docs/kubernetes.md, then
      # rewrite this file with: mvn -pl deploy/chart-tests verify -Dvigil.chart.writeContract=true
      """;

  @ParameterizedTest
  @ValueSource(strings = {"default", "small"})
  void immutableFieldsEqualTheRecordedContract(String install) throws IOException {
    String rendered = contract(ChartRenderer.profile(install).render());
    if (Boolean.getBoolean("vigil.chart.writeContract") && install.equals("default")) {
      Files.writeString(CONTRACT, HEADER + rendered);
    }
    String recorded = Files.readString(CONTRACT).lines().filter(l -> !l.startsWith("#"))
        .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    assertThat(rendered)
        .as("the %s render changes fields an installed release cannot change on upgrade (see %s)", install, CONTRACT)
        .isEqualTo(recorded);
  }

  static String contract(Manifests m) {
    Map<String, Object> contract = new LinkedHashMap<>();
    Map<String, Object> statefulSets = new TreeMap<>();
    for (StatefulSet s : m.all(StatefulSet.class)) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("serviceName", s.getSpec().getServiceName());
      fields.put("podManagementPolicy", s.getSpec().getPodManagementPolicy());
      fields.put("selector", new TreeMap<>(s.getSpec().getSelector().getMatchLabels()));
      List<Object> claims = new ArrayList<>();
      for (PersistentVolumeClaim claim : s.getSpec().getVolumeClaimTemplates()) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", claim.getMetadata().getName());
        c.put("accessModes", claim.getSpec().getAccessModes());
        c.put("storage", claim.getSpec().getResources().getRequests().get("storage").toString());
        c.put("storageClassName", claim.getSpec().getStorageClassName());
        claims.add(c);
      }
      fields.put("volumeClaimTemplates", claims);
      fields.put("dataLocation", dataLocation(m, s));
      statefulSets.put(s.getMetadata().getName(), fields);
    }
    contract.put("statefulSets", statefulSets);
    Map<String, Object> deployments = new TreeMap<>();
    for (Deployment d : m.all(Deployment.class)) {
      deployments.put(d.getMetadata().getName(), Map.of("selector", new TreeMap<>(d.getSpec().getSelector().getMatchLabels())));
    }
    contract.put("deployments", deployments);
    Map<String, Object> services = new TreeMap<>();
    for (Service s : m.all(Service.class)) {
      services.put(s.getMetadata().getName(), "None".equals(s.getSpec().getClusterIP()) ? "headless" : "ClusterIP");
    }
    contract.put("services", services);
    List<Object> secrets = new ArrayList<>();
    for (Secret s : m.all(Secret.class)) {
      Map<String, Object> secret = new LinkedHashMap<>();
      secret.put("name", s.getMetadata().getName());
      secret.put("keys", new ArrayList<>(new TreeMap<>(s.getData()).keySet()));
      secrets.add(secret);
    }
    contract.put("secrets", secrets);
    return new KubernetesSerialization().asYaml(contract);
  }

  /** Where each database keeps its files: the data volume's mount and, where configured, the directory inside it. */
  static List<String> dataLocation(Manifests m, StatefulSet s) {
    var container = s.getSpec().getTemplate().getSpec().getContainers().get(0);
    List<String> location = new ArrayList<>();
    container.getVolumeMounts().stream().filter(v -> v.getName().equals("data"))
        .forEach(v -> location.add("mount " + v.getMountPath()));
    String pgdata = Pods.env(container).get("PGDATA");
    if (pgdata != null) {
      location.add("PGDATA " + pgdata);
    }
    m.all(io.fabric8.kubernetes.api.model.ConfigMap.class).stream()
        .filter(c -> c.getMetadata().getName().equals(s.getMetadata().getName()))
        .flatMap(c -> c.getData().values().stream())
        .flatMap(String::lines)
        .filter(l -> l.startsWith("log.dirs=") || l.contains("<path>"))
        .forEach(l -> location.add(l.strip()));
    return location;
  }
}
