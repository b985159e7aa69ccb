package dev.vigil.kubernetes;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attributes a pod gives the signals it sends, named after the OpenTelemetry semantic conventions
 * (as the Collector's {@code k8sattributes} processor sets them). Workload names come from the pod
 * alone (its owner reference and labels), so that watching pods is the only permission needed.
 */
public final class PodAttributes {

  public static final String NAMESPACE = "k8s.namespace.name";
  public static final String POD_NAME = "k8s.pod.name";
  public static final String POD_UID = "k8s.pod.uid";
  public static final String NODE = "k8s.node.name";
  public static final String DEPLOYMENT = "k8s.deployment.name";
  public static final String REPLICASET = "k8s.replicaset.name";
  public static final String STATEFULSET = "k8s.statefulset.name";
  public static final String DAEMONSET = "k8s.daemonset.name";
  public static final String JOB = "k8s.job.name";
  public static final String CRONJOB = "k8s.cronjob.name";
  public static final String CONTAINER = "k8s.container.name";
  /** Prefix of the copied pod labels: {@code k8s.pod.label.<key>}. */
  public static final String LABEL_PREFIX = "k8s.pod.label.";

  /** The label the Deployment controller puts on its ReplicaSets' pods; the ReplicaSet's name ends with it. */
  static final String POD_TEMPLATE_HASH = "pod-template-hash";

  /**
   * A CronJob names its Jobs {@code <cronjob>-<scheduled time in minutes since the epoch>}. Only a
   * suffix that is such a time between 2015 and 2100 counts, so that a Job named after a date
   * ({@code backup-20240101}) is not taken for a CronJob's.
   */
  private static final Pattern CRONJOB_JOB = Pattern.compile("(.+)-(\\d{8})");
  private static final long MINUTES_2015 = 23_667_840L;
  private static final long MINUTES_2100 = 68_382_720L;

  private PodAttributes() {}

  /** The attributes of {@code pod}, with the values of those of {@code labelKeys} it carries. */
  public static Map<String, String> of(Pod pod, List<String> labelKeys) {
    Map<String, String> attributes = new LinkedHashMap<>();
    put(attributes, NAMESPACE, pod.getMetadata().getNamespace());
    put(attributes, POD_NAME, pod.getMetadata().getName());
    put(attributes, POD_UID, pod.getMetadata().getUid());
    if (pod.getSpec() != null) {
      put(attributes, NODE, pod.getSpec().getNodeName());
      if (pod.getSpec().getContainers() != null && pod.getSpec().getContainers().size() == 1) {
        // With several containers the signal's own container is unknown: naming one would be a guess.
        put(attributes, CONTAINER, pod.getSpec().getContainers().get(0).getName());
      }
    }
    Map<String, String> labels = labels(pod);
    OwnerReference owner = owner(pod);
    if (owner != null) {
      workload(attributes, owner, labels);
    }
    for (String key : labelKeys) {
      put(attributes, LABEL_PREFIX + key, labels.get(key));
    }
    return attributes;
  }

  /** The pod's controller (the owner reference marked as such), else its first owner, else null. */
  static OwnerReference owner(Pod pod) {
    List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
    if (owners == null || owners.isEmpty()) {
      return null;
    }
    return owners.stream().filter(o -> Boolean.TRUE.equals(o.getController())).findFirst().orElse(owners.get(0));
  }

  static Map<String, String> labels(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }

  private static void workload(Map<String, String> attributes, OwnerReference owner, Map<String, String> labels) {
    String name = owner.getName();
    switch (owner.getKind() == null ? "" : owner.getKind()) {
      case "ReplicaSet" -> {
        put(attributes, REPLICASET, name);
        String hash = labels.get(POD_TEMPLATE_HASH);
        if (name != null && hash != null && !hash.isEmpty() && name.endsWith("-" + hash)) {
          put(attributes, DEPLOYMENT, name.substring(0, name.length() - hash.length() - 1));
        }
      }
      case "StatefulSet" -> put(attributes, STATEFULSET, name);
      case "DaemonSet" -> put(attributes, DAEMONSET, name);
      case "Job" -> {
        put(attributes, JOB, name);
        put(attributes, CRONJOB, cronJobOf(name));
      }
      default -> {
        // Other owners (a bare ReplicationController, an operator's custom resource) name no workload we know.
      }
    }
  }

  /** The CronJob that created the Job named {@code job}, or null when the name does not say. */
  static String cronJobOf(String job) {
    if (job == null) {
      return null;
    }
    Matcher m = CRONJOB_JOB.matcher(job);
    if (!m.matches()) {
      return null;
    }
    long minutes = Long.parseLong(m.group(2));
    return minutes >= MINUTES_2015 && minutes <= MINUTES_2100 ? m.group(1) : null;
  }

  private static void put(Map<String, String> attributes, String key, String value) {
    if (value != null && !value.isEmpty()) {
      attributes.put(key, value);
    }
  }
}
