package dev.vigil.alerting.templates;

import dev.vigil.alerting.templates.TemplateExecutor.ExecError;
import dev.vigil.alerting.templates.TemplateNodes.Node;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus alert templates ({@code {{ $labels.instance }} is down, {{ $value | humanize }}}).
 *
 * <p>Prometheus expands them with Go's text/template. No Java library implements Go templates (the
 * Java "Go template" ports found are abandoned, incomplete and lack Prometheus's functions, and
 * Mustache/Handlebars-style engines differ in syntax and semantics: typed comparisons, pipelines,
 * whitespace trimming, Go's number formatting). Templates in rule files are small, so Vigil carries
 * a small interpreter that follows Go's parser and executor closely enough to give the same output
 * and the same error messages for what rule files use: variables, fields, pipelines, if/else/with/
 * range, comparisons, and Prometheus's functions (not {@code query}, which needs the engine).
 */
public final class AlertTemplates {

  /**
   * What Prometheus puts before every alert template so that {@code $labels}, {@code $value} and the
   * rest exist; positions in runtime error messages count it, as Prometheus's do.
   */
  private static final String PRELUDE =
      "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}";
  private static final int PRELUDE_BYTES = PRELUDE.getBytes(StandardCharsets.UTF_8).length;
  private static final int CACHE_LIMIT = 10_000;
  private static final Map<String, Object> PARSED = new ConcurrentHashMap<>();

  private AlertTemplates() {}

  /** Throws when Prometheus would refuse the template (unknown function, bad syntax, ...). */
  public static void check(String template) {
    parse(template);
  }

  /**
   * Expands a template for one alert. On a runtime error returns the text Prometheus produces
   * instead ({@code <error expanding template: ...>}); the alert name used in that text is the
   * {@code alertname} label when the data has one.
   */
  public static String expand(String template, TemplateData data) {
    return expand(data.labels().getOrDefault("alertname", ""), template, data);
  }

  /** As {@link #expand(String, TemplateData)}, naming the alert in error texts as Prometheus does. */
  public static String expand(String alertName, String template, TemplateData data) {
    String name = "__alert_" + alertName;
    if (!template.contains("{{")) {
      return template;
    }
    List<Node> nodes;
    try {
      nodes = parse(template);
    } catch (TemplateSyntaxException e) {
      return "<error expanding template: error parsing template " + name + ": template: " + name + ":" + e.line() + ": "
          + e.detail() + ">";
    }
    GoValues.Root root = new GoValues.Root(data.labels(), data.externalLabels(), data.externalUrl(), data.value());
    try {
      return TemplateExecutor.execute(nodes, root);
    } catch (ExecError e) {
      return "<error expanding template: error executing template " + name + ": template: " + name + ":"
          + location(template, e.pos) + ": executing \"" + name + "\" at <" + e.context + ">: " + e.getMessage() + ">";
    } catch (RuntimeException e) {
      // Prometheus recovers from a panic in a template the same way: no alert text beats no alert.
      return "<error expanding template: panic expanding template " + name + ": " + e + ">";
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Node> parse(String template) {
    Object cached = PARSED.get(template);
    if (cached == null) {
      try {
        cached = TemplateParser.parse(template);
      } catch (TemplateSyntaxException e) {
        cached = e;
      }
      if (PARSED.size() >= CACHE_LIMIT) {
        PARSED.clear();
      }
      PARSED.put(template, cached);
    }
    if (cached instanceof TemplateSyntaxException e) {
      throw e;
    }
    return (List<Node>) cached;
  }

  /** Go's line:byte-column of a position, counting the prelude on the first line. */
  private static String location(String template, int pos) {
    String before = template.substring(0, Math.min(pos, template.length()));
    int newline = before.lastIndexOf('\n');
    int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
    int column = newline < 0
        ? PRELUDE_BYTES + before.getBytes(StandardCharsets.UTF_8).length
        : before.substring(newline + 1).getBytes(StandardCharsets.UTF_8).length;
    return line + ":" + column;
  }
}
