package dev.vigil.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.images.ImageArchive.Entry;
import dev.vigil.images.ImageArchive.Layer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each service's image tar ({@code <service>/target/jib-image.tar}, built by {@code -Pimages}) holds what an SRE
 * deploying it relies on: the user the chart's securityContext expects, the ports its Services point at, the whole
 * packaged app, read-only files, and JVM defaults that fit small memory limits.
 */
class ServiceImagesTest {

  static final List<String> SERVICES = ServiceModule.NAMES;

  private static final Map<String, ImageArchive> IMAGES = new ConcurrentHashMap<>();

  private static ImageArchive image(String service) {
    return IMAGES.computeIfAbsent(service, name -> {
      Path tar = ServiceModule.named(name).imageTar();
      assertThat(tar).as("%s's image; build it with mvn package -Pimages", name).isRegularFile();
      try {
        return ImageArchive.read(tar);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void runsAsUser185InGroup0NeverAsRoot(String service) {
    // numeric, so Kubernetes' runAsNonRoot can verify it without an /etc/passwd lookup
    assertThat(image(service).container().path("User").asText()).isEqualTo("185:0");
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void startsQuarkusRunJarThroughJavaOptsAndTheAppendHook(String service) {
    ImageArchive image = image(service);
    List<String> entrypoint = image.entrypoint();
    assertThat(entrypoint).hasSize(4).startsWith("/bin/sh", "-c");
    assertThat(entrypoint.get(2))
        .contains("exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar \"$@\"");
    // the base image's command must not become the application's arguments
    assertThat(image.command()).as("Cmd").isEmpty();
    assertThat(image.container().path("WorkingDir").asText()).isEqualTo("/deployments");
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void exposesThePortsTheServiceListensOnByDefault(String service) throws IOException {
    Set<String> exposed = new TreeSet<>();
    image(service).container().path("ExposedPorts").fieldNames().forEachRemaining(exposed::add);
    Set<String> expected = ServiceModule.named(service).defaultPorts().stream()
        .map(port -> port + "/tcp")
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(exposed).isEqualTo(expected);
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void shipsTheWholePackagedAppUnderDeployments(String service) throws IOException {
    ServiceModule module = ServiceModule.named(service);
    Map<String, Long> inImage = ImageArchive.entries(image(service).layersFromThisBuild())
        .filter(entry -> !entry.directory())
        .collect(Collectors.toMap(Entry::path, Entry::size));
    Map<String, Long> packaged;
    try (Stream<Path> files = Files.walk(module.quarkusApp())) {
      packaged = files.filter(Files::isRegularFile).collect(Collectors.toMap(
          file -> "/deployments/" + module.quarkusApp().relativize(file).toString().replace('\\', '/'),
          file -> file.toFile().length()));
    }
    List<String> differences = new ArrayList<>();
    packaged.forEach((path, size) -> {
      if (!size.equals(inImage.get(path))) {
        differences.add(path + ": " + size + " bytes packaged, " + inImage.get(path) + " in the image");
      }
    });
    inImage.keySet().stream().filter(path -> !packaged.containsKey(path))
        .forEach(path -> differences.add(path + ": in the image, not in " + module.quarkusApp()));
    assertThat(differences)
        .as("the image holds %s exactly (a stale image? rebuild it with -Pimages)", module.quarkusApp())
        .isEmpty();
    assertThat(inImage).containsKeys("/deployments/quarkus-run.jar", "/deployments/quarkus/quarkus-application.dat",
        "/deployments/app/vigil-" + service + "-" + System.getProperty("vigil.image.version") + ".jar");
    assertThat(inImage.keySet()).anyMatch(path -> path.startsWith("/deployments/lib/main/") && path.endsWith(".jar"));
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void appFilesAreReadOnlyForTheRuntimeUserAndReadableByGroup0(String service) {
    List<Entry> entries = ImageArchive.entries(image(service).layersFromThisBuild()).toList();
    assertThat(entries).isNotEmpty().allSatisfy(entry -> {
      assertThat(entry.path()).as("nothing outside /deployments").matches("/deployments(/.*)?");
      assertThat(entry.uid()).as("%s owned by root, not by user 185", entry.path()).isZero();
      assertThat(entry.mode() & 0022).as("%s writable by group or others: %o", entry.path(), entry.mode()).isZero();
      int readable = entry.directory() ? 0055 : 0044;
      assertThat(entry.mode() & readable).as("%s readable by group 0: %o", entry.path(), entry.mode())
          .isEqualTo(readable);
    });
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void jvmDefaultsFitSmallMemoryLimitsAndWriteOnlyToTmp(String service) {
    ImageArchive image = image(service);
    List<String> javaOpts = List.of(image.env("JAVA_OPTS").orElseThrow().split(" "));
    assertThat(javaOpts).contains("-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp",
        "-XX:ErrorFile=/tmp/hs_err_pid%p.log", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
    assertThat(javaOpts).anyMatch(option -> option.matches("-XX:MaxRAMPercentage=\\d+"));
    assertThat(javaOpts).anyMatch(option -> option.startsWith("-Dvertx.cacheDirBase=/tmp/"));
    assertThat(image.env("MALLOC_ARENA_MAX")).contains("2");
    // left unset for the chart and for users to add their own flags
    assertThat(image.env("JAVA_OPTS_APPEND")).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void isTaggedAndLabelledWithItsNameAndVersion(String service) {
    ImageArchive image = image(service);
    String version = System.getProperty("vigil.image.version");
    assertThat(image.repoTags())
        .containsExactly(System.getProperty("vigil.image.prefix") + "/" + service + ":" + version);
    Map<String, String> labels = new HashMap<>();
    image.container().path("Labels").fields().forEachRemaining(label -> labels.put(label.getKey(),
        label.getValue().asText()));
    assertThat(labels).containsEntry("org.opencontainers.image.title", "Vigil " + service)
        .containsEntry("org.opencontainers.image.version", version);
    assertThat(labels).hasEntrySatisfying("org.opencontainers.image.source", value -> assertThat(value).isNotBlank())
        .hasEntrySatisfying("org.opencontainers.image.licenses", value -> assertThat(value).isNotBlank())
        .hasEntrySatisfying("org.opencontainers.image.base.name", value -> assertThat(value).isNotBlank());
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void layersGoFromLibrariesToTheApplicationSoAnUpdateSendsLittle(String service) {
    List<Layer> layers = image(service).layersFromThisBuild();
    int libraries = indexOf(layers, path -> path.startsWith("/deployments/lib/boot/"));
    int application = indexOf(layers, path -> path.equals("/deployments/quarkus-run.jar"));
    assertThat(libraries).isLessThan(application);
    assertThat(layers.get(application).entries()).noneMatch(entry -> entry.path().endsWith(".jar")
        && entry.path().startsWith("/deployments/lib/"));
    List<Integer> ownLibraries = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).entries().stream().anyMatch(entry -> entry.path().startsWith("/deployments/lib/main/dev.vigil."))) {
        ownLibraries.add(i);
      }
    }
    // Vigil's own libraries change with every commit, the third-party ones rarely: never in one layer
    assertThat(ownLibraries).allSatisfy(index -> assertThat(index).isGreaterThan(libraries).isLessThan(application));
  }

  private static int indexOf(List<Layer> layers, Predicate<String> path) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).entries().stream().map(Entry::path).anyMatch(path)) {
        return i;
      }
    }
    throw new AssertionError("no layer holds the file");
  }
}
