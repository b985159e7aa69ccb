package dev.vigil.chart;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders deploy/helm/vigil in-process (helm-java: Helm's own Go code, no helm binary, no cluster). */
final class ChartRenderer {

  static final String RELEASE = "vigil";
  static final String NAMESPACE = "observability";
  static final Path EXTERNAL_VALUES = Path.of("src/test/resources/values-external.yaml").toAbsolutePath();
  /**
   * helm-java's template prints the release manifest without its hooks (the Helm CLI appends them). The tests
   * render a copy of the chart whose hook annotations carry this prefix instead of "helm.sh/hook", so that the
   * migration Job shows up and its annotations can still be checked.
   */
  static final String HOOK_PREFIX = "chart-tests.vigil.dev/hook";

  private static Path renderedChart;

  private final List<Path> valuesFiles = new ArrayList<>();
  private final Map<String, Object> sets = new LinkedHashMap<>();
  private String namespace = NAMESPACE;

  static ChartRenderer chart() {
    return new ChartRenderer();
  }

  /** The three ways the chart is installed: defaults, the small profile, external dependencies. */
  static ChartRenderer profile(String name) {
    return switch (name) {
      case "default" -> chart();
      case "small" -> chart().values(Repository.SMALL_PROFILE);
      case "external" -> chart().values(EXTERNAL_VALUES);
      default -> throw new IllegalArgumentException(name);
    };
  }

  ChartRenderer values(Path file) {
    valuesFiles.add(file);
    return this;
  }

  ChartRenderer set(String key, Object value) {
    sets.put(key, value);
    return this;
  }

  ChartRenderer namespace(String namespace) {
    this.namespace = namespace;
    return this;
  }

  /** `helm template`; lookup() asks the mock API server, as it would ask the cluster on an upgrade. */
  Manifests render() {
    MockApiServer.client();
    TemplateCommand template = new Helm(chartWithVisibleHooks()).template().withName(RELEASE).withNamespace(namespace);
    valuesFiles.forEach(template::withValuesFile);
    sets.forEach(template::set);
    return Manifests.parse(template.call());
  }

  private static synchronized Path chartWithVisibleHooks() {
    if (renderedChart == null) {
      Path copy = Path.of("target/chart-with-visible-hooks/vigil").toAbsolutePath();
      int renamed = 0;
      try {
        if (Files.exists(copy)) {
          try (var old = Files.walk(copy)) {
            for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
              Files.delete(p);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try (var files = Files.walk(Repository.CHART)) {
        for (Path source : files.toList()) {
          Path target = copy.resolve(Repository.CHART.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
            continue;
          }
          String text = Files.readString(source);
          if (source.startsWith(Repository.CHART.resolve("templates"))) {
            String[] parts = text.split("helm\\.sh/hook", -1);
            renamed += parts.length - 1;
            text = String.join(HOOK_PREFIX, parts);
          }
          Files.writeString(target, text);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (renamed == 0) {
        throw new IllegalStateException("no helm.sh/hook annotation in the chart's templates");
      }
      renderedChart = copy;
    }
    return renderedChart;
  }

  /** The output of `helm install --dry-run=client`: the release summary and NOTES.txt as users see them. */
  String installNotes() {
    InstallCommand install = new Helm(Repository.CHART).install().withName(RELEASE).withNamespace(namespace)
        .clientOnly().dryRun().withDryRunOption(DryRun.CLIENT);
    valuesFiles.forEach(install::withValuesFile);
    sets.forEach(install::set);
    String output = install.call().getOutput();
    int notes = output.indexOf("NOTES:");
    if (notes < 0) {
      throw new AssertionError("no NOTES in the install output:\n" + output);
    }
    return output.substring(notes);
  }
}
