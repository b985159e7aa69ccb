package dev.vigil.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.io.input.CloseShieldInputStream;

/**
 * An image as Jib's {@code buildTar} writes it ({@code docker save} format, what {@code docker load}, {@code podman
 * load} and {@code ctr images import} read): {@code manifest.json}, the config JSON and one gzipped tar per layer.
 */
final class ImageArchive {

  /** One file or directory of a layer, with the absolute path it has in the container. */
  record Entry(String path, int mode, long uid, long gid, long size, boolean directory) {}

  /** A layer; {@code fromThisBuild} is false for the base image's layers. */
  record Layer(String file, boolean fromThisBuild, List<Entry> entries) {

    boolean contains(String path) {
      return entries.stream().anyMatch(entry -> entry.path().equals(path));
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path tar;
  private final JsonNode manifest;
  private final JsonNode config;
  private final List<Layer> layers;

  private ImageArchive(Path tar, JsonNode manifest, JsonNode config, List<Layer> layers) {
    this.tar = tar;
    this.manifest = manifest;
    this.config = config;
    this.layers = layers;
  }

  static ImageArchive read(Path tar) throws IOException {
    Map<String, byte[]> jsonFiles = new HashMap<>();
    Map<String, List<Entry>> layerEntries = new HashMap<>();
    try (TarArchiveInputStream archive = open(tar)) {
      for (TarArchiveEntry entry; (entry = archive.getNextEntry()) != null; ) {
        if (entry.getName().endsWith(".json")) {
          jsonFiles.put(entry.getName(), archive.readAllBytes());
        } else if (entry.isFile()) {
          layerEntries.put(entry.getName(), list(archive));
        }
      }
    }
    JsonNode manifest = JSON.readTree(jsonFiles.get("manifest.json")).get(0);
    JsonNode config = JSON.readTree(jsonFiles.get(manifest.get("Config").asText()));

    // The config's history has one item per layer (skipping "empty_layer" items); Jib marks its own.
    List<Boolean> builtHere = new ArrayList<>();
    for (JsonNode step : config.path("history")) {
      if (!step.path("empty_layer").asBoolean(false)) {
        builtHere.add("Jib".equals(step.path("author").asText()));
      }
    }
    List<Layer> layers = new ArrayList<>();
    JsonNode layerFiles = manifest.get("Layers");
    for (int i = 0; i < layerFiles.size(); i++) {
      String file = layerFiles.get(i).asText();
      layers.add(new Layer(file, builtHere.get(i), layerEntries.get(file)));
    }
    return new ImageArchive(tar, manifest, config, List.copyOf(layers));
  }

  List<String> repoTags() {
    return strings(manifest.get("RepoTags"));
  }

  /** The container settings: User, Entrypoint, Cmd, Env, ExposedPorts, WorkingDir, Labels. */
  JsonNode container() {
    return config.get("config");
  }

  List<String> entrypoint() {
    return strings(container().get("Entrypoint"));
  }

  /** The image's command (Cmd): the arguments the entrypoint gets when a container gives none. */
  List<String> command() {
    return strings(container().get("Cmd"));
  }

  /** The image's environment variables, in their order. */
  Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String variable : strings(container().get("Env"))) {
      int equals = variable.indexOf('=');
      environment.put(variable.substring(0, equals), variable.substring(equals + 1));
    }
    return environment;
  }

  Optional<String> env(String name) {
    return Optional.ofNullable(environment().get(name));
  }

  List<Layer> layers() {
    return layers;
  }

  List<Layer> layersFromThisBuild() {
    return layers.stream().filter(Layer::fromThisBuild).toList();
  }

  /** The layers this build added, unpacked below {@code root} (a file at /a/b lands at root/a/b). */
  void unpackLayersFromThisBuild(Path root) throws IOException {
    List<String> files = layersFromThisBuild().stream().map(Layer::file).toList();
    try (TarArchiveInputStream archive = open(tar)) {
      for (TarArchiveEntry entry; (entry = archive.getNextEntry()) != null; ) {
        if (files.contains(entry.getName())) {
          unpack(archive, root);
        }
      }
    }
  }

  private static List<Entry> list(InputStream layer) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (TarArchiveInputStream files = layerStream(layer)) {
      for (TarArchiveEntry file; (file = files.getNextEntry()) != null; ) {
        entries.add(new Entry(absolute(file.getName()), file.getMode() & 07777, file.getLongUserId(),
            file.getLongGroupId(), file.getSize(), file.isDirectory()));
      }
    }
    return List.copyOf(entries);
  }

  private static void unpack(InputStream layer, Path root) throws IOException {
    try (TarArchiveInputStream files = layerStream(layer)) {
      for (TarArchiveEntry file; (file = files.getNextEntry()) != null; ) {
        Path target = root.resolve(absolute(file.getName()).substring(1)).normalize();
        if (!target.startsWith(root)) {
          throw new IOException("layer entry outside the image root: " + file.getName());
        }
        if (file.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(files, target);
        }
      }
    }
  }

  /** A layer's tar, gunzipped when it is compressed (Jib compresses every layer it writes). */
  private static TarArchiveInputStream layerStream(InputStream layer) throws IOException {
    InputStream in = new BufferedInputStream(CloseShieldInputStream.wrap(layer));
    in.mark(2);
    boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    return new TarArchiveInputStream(gzip ? new GzipCompressorInputStream(in) : in);
  }

  private static TarArchiveInputStream open(Path tar) throws IOException {
    return new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar), 1 << 16));
  }

  private static String absolute(String name) {
    String path = name.startsWith("./") ? name.substring(1) : name;
    path = path.startsWith("/") ? path : "/" + path;
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static List<String> strings(JsonNode array) {
    if (array == null || array.isNull()) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  static Stream<Entry> entries(List<Layer> layers) {
    return layers.stream().flatMap(layer -> layer.entries().stream());
  }
}
