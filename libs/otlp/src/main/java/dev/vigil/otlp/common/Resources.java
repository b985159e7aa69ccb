package dev.vigil.otlp.common;

import java.util.Map;

/** What Vigil reads from an OTLP resource's attributes. */
public final class Resources {

  /** The OpenTelemetry SDKs' default service name, used when a resource names none. */
  public static final String UNKNOWN_SERVICE = "unknown_service";

  public static final String SERVICE_NAME = "service.name";
  public static final String SERVICE_NAMESPACE = "service.namespace";
  public static final String SERVICE_INSTANCE_ID = "service.instance.id";

  private Resources() {}

  /** The resource's {@code service.name}, or {@value #UNKNOWN_SERVICE} when absent or empty. */
  public static String serviceName(Map<String, String> resourceAttributes) {
    String name = resourceAttributes.get(SERVICE_NAME);
    return name == null || name.isEmpty() ? UNKNOWN_SERVICE : name;
  }
}
