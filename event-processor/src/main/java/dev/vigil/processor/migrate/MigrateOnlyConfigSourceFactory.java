package dev.vigil.processor.migrate;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In migrate-only mode ({@code vigil.migrate-only=true}, env {@code VIGIL_MIGRATE_ONLY}: the Helm chart's
 * migration Job) the processor may touch nothing but schemas and topics. Rather than sprinkling checks over
 * the consumers, this configuration source, above every other one (ordinal {@value #ORDINAL}), switches off
 * what would run in the background:
 *
 * <ul>
 *   <li>every messaging channel ({@code mp.messaging.*.<channel>.enabled=false}): SmallRye Reactive Messaging
 *       then creates no Kafka consumer or producer for it, so no record is polled, no group joined and no
 *       offset committed, while the {@code @Incoming} methods stay as they are;
 *   <li>Flyway's migration at start: {@link Migration} applies it as its first step, so that PostgreSQL being
 *       unreachable is reported like the other dependencies instead of as a failed boot;
 *   <li>the Quarkus scheduler, when the application has one, and Kubernetes metadata enrichment (its
 *       informers would watch pods with RBAC the Job does not have).
 * </ul>
 *
 * Without the flag it contributes nothing, so a normal start is unchanged. A config source (not a profile)
 * because the switch is one environment variable that the chart sets, whatever the profile.
 */
public final class MigrateOnlyConfigSourceFactory implements ConfigSourceFactory {

  /** The property that selects the mode. */
  public static final String MIGRATE_ONLY = "vigil.migrate-only";

  static final int ORDINAL = 500;
  private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector");

  @Override
  public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
    ConfigValue flag = context.getValue(MIGRATE_ONLY);
    if (flag == null || flag.getValue() == null || !Boolean.parseBoolean(flag.getValue().trim())) {
      return List.of();
    }
    return List.of(new PropertiesConfigSource(overrides(context.iterateNames()), "vigil migrate-only mode", ORDINAL));
  }

  /** The settings forced in migrate-only mode, given the names of every configured property. */
  static Map<String, String> overrides(Iterator<String> names) {
    Map<String, String> forced = new TreeMap<>();
    while (names.hasNext()) {
      Matcher channel = CHANNEL.matcher(names.next());
      if (channel.matches()) {
        forced.put("mp.messaging." + channel.group(1) + "." + channel.group(2) + ".enabled", "false");
      }
    }
    forced.put("quarkus.flyway.migrate-at-start", "false");
    forced.put("vigil.kubernetes.enrichment.enabled", "false");
    if (onClasspath("io.quarkus.scheduler.Scheduler")) {
      // Only then: an unknown quarkus.* key would be warned about at every start.
      forced.put("quarkus.scheduler.enabled", "false");
    }
    return forced;
  }

  private static boolean onClasspath(String className) {
    try {
      Class.forName(className, false, MigrateOnlyConfigSourceFactory.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
