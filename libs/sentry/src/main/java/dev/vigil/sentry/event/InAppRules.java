package dev.vigil.sentry.event;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a frame belongs to the application when the SDK did not say: library paths,
 * JVM framework packages, runtime internals and native frames are not in-app, everything else is.
 */
public final class InAppRules {

  private static final List<String> LIBRARY_PATH_PARTS =
      List.of(
          "node_modules/",
          "site-packages/",
          "dist-packages/",
          "/vendor/",
          "/usr/lib/python",
          "/usr/local/lib/python",
          "webpack/bootstrap",
          "webpack/runtime",
          "/gems/",
          "/.bundle/",
          "/go/pkg/mod/",
          "/.cargo/registry/",
          "/rustc/");

  private static final Pattern PYTHON_STDLIB = Pattern.compile("/lib/python\\d");

  private static final List<String> JVM_LIBRARY_PREFIXES =
      List.of(
          "java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "kotlinx.", "scala.", "groovy.",
          "org.codehaus.groovy.", "org.springframework.", "io.quarkus.", "io.netty.", "io.vertx.",
          "io.smallrye.", "org.jboss.", "jakarta.", "org.apache.", "org.hibernate.", "org.eclipse.",
          "org.glassfish.", "com.fasterxml.", "com.google.", "reactor.", "io.reactivex.",
          "io.micrometer.", "io.opentelemetry.", "org.slf4j.", "ch.qos.logback.", "com.zaxxer.",
          "org.postgresql.", "com.mysql.", "org.mariadb.", "okhttp3.", "okio.", "retrofit2.",
          "android.", "androidx.", "dalvik.", "org.junit.", "org.aspectj.", "net.bytebuddy.",
          "io.grpc.", "io.undertow.", "org.mockito.", "$Proxy");

  private static final List<String> SDK_MODULE_PREFIXES =
      List.of("io.sentry.", "sentry_sdk.", "sentry_sdk", "@sentry/", "raven.");

  private static final Set<String> JVM_PLATFORMS = Set.of("java", "kotlin", "scala", "groovy", "android", "clojure");

  private static final Set<String> NATIVE_PLATFORMS = Set.of("native", "c", "cocoa", "objc", "swift");

  private InAppRules() {}

  /** True when the frame is code of a library, the runtime or a Sentry SDK. */
  public static boolean isLibrary(String platform, String module, String filename, String absPath) {
    if (platform != null && NATIVE_PLATFORMS.contains(platform)) {
      return true;
    }
    if (isSdkInternal(module, filename, absPath)) {
      return true;
    }
    for (String path : new String[] {absPath, filename}) {
      if (path != null && isLibraryPath(path)) {
        return true;
      }
    }
    if (module != null && isJvm(platform, filename)) {
      for (String prefix : JVM_LIBRARY_PREFIXES) {
        if (module.startsWith(prefix)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True for frames of a Sentry SDK itself, which never identify a bug in the application. */
  public static boolean isSdkInternal(String module, String filename, String absPath) {
    if (module != null) {
      for (String prefix : SDK_MODULE_PREFIXES) {
        if (module.startsWith(prefix)) {
          return true;
        }
      }
    }
    for (String path : new String[] {absPath, filename}) {
      if (path != null) {
        String p = path.replace('\\', '/');
        if (p.contains("node_modules/@sentry/") || p.contains("/sentry_sdk/") || p.contains("/raven/")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isLibraryPath(String rawPath) {
    String path = rawPath.replace('\\', '/').toLowerCase(Locale.ROOT);
    if (path.startsWith("<frozen") || path.startsWith("node:") || path.startsWith("internal/")) {
      return true;
    }
    for (String part : LIBRARY_PATH_PARTS) {
      if (path.contains(part)) {
        return true;
      }
    }
    return PYTHON_STDLIB.matcher(path).find();
  }

  private static boolean isJvm(String platform, String filename) {
    if (platform != null && JVM_PLATFORMS.contains(platform)) {
      return true;
    }
    return filename != null
        && (filename.endsWith(".java") || filename.endsWith(".kt") || filename.endsWith(".scala")
            || filename.endsWith(".groovy"));
  }
}
