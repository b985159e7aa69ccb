package dev.vigil.alerting.templates;

import dev.vigil.alerting.rules.PromDurations;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every function a Prometheus 2.x alert template may name: Go's builtins and Prometheus's own, with
 * their Go parameter types (checked as Go checks them) and implementations. Those that need a query
 * engine or Go-only values (query, first, label, value, strvalue, sortByLabel, args, call, slice)
 * parse but fail when run, naming the function.
 */
final class TemplateFunctions {

  static final String ANY = "interface {}";
  static final String VALUE = "reflect.Value";
  static final String STRING = "string";
  private static final String SAMPLE = "*template.sample";
  private static final String RESULT = "template.queryResult";

  /** How a function is called: its arguments (already checked against params) and the template's data. */
  @FunctionalInterface
  interface Body {
    Object call(List<Object> args, GoValues.Root data);
  }

  /** A function; variadic is the element type of a trailing {@code ...} parameter, or null. */
  record Function(String name, List<String> params, String variadic, Body body) {}

  private static final Map<String, Function> FUNCTIONS = new HashMap<>();

  static {
    fixed("not", List.of(VALUE), (a, d) -> !GoValues.truth(a.get(0)));
    variadic("and", List.of(VALUE), VALUE, (a, d) -> null);
    variadic("or", List.of(VALUE), VALUE, (a, d) -> null);
    variadic("eq", List.of(VALUE), VALUE, (a, d) -> GoComparisons.eq(a.get(0), a.subList(1, a.size())));
    fixed("ne", List.of(VALUE, VALUE), (a, d) -> !GoComparisons.eq(a.get(0), List.of(a.get(1))));
    fixed("lt", List.of(VALUE, VALUE), (a, d) -> GoComparisons.lt(a.get(0), a.get(1)));
    fixed("le", List.of(VALUE, VALUE), (a, d) -> GoComparisons.le(a.get(0), a.get(1)));
    fixed("gt", List.of(VALUE, VALUE), (a, d) -> !GoComparisons.le(a.get(0), a.get(1)));
    fixed("ge", List.of(VALUE, VALUE), (a, d) -> !GoComparisons.lt(a.get(0), a.get(1)));
    fixed("len", List.of(VALUE), (a, d) -> length(a.get(0)));
    variadic("index", List.of(VALUE), VALUE, (a, d) -> index(a.get(0), a.subList(1, a.size())));
    variadic("print", List.of(), ANY, (a, d) -> GoValues.sprint(a.toArray()));
    variadic("println", List.of(), ANY, (a, d) -> GoValues.sprintln(a.toArray()));
    variadic("printf", List.of(STRING), ANY, (a, d) -> GoPrintf.sprintf((String) a.get(0), a.subList(1, a.size())));
    variadic("html", List.of(), ANY, (a, d) -> TextFunctions.html(joined(a)));
    variadic("js", List.of(), ANY, (a, d) -> TextFunctions.js(joined(a)));
    variadic("urlquery", List.of(), ANY, (a, d) -> TextFunctions.queryEscape(joined(a)));
    variadic("call", List.of(VALUE), VALUE, unsupported("call"));
    variadic("slice", List.of(VALUE), VALUE, unsupported("slice"));

    fixed("query", List.of(STRING), unsupported("query"));
    fixed("first", List.of(RESULT), unsupported("first"));
    fixed("label", List.of(STRING, SAMPLE), unsupported("label"));
    fixed("value", List.of(SAMPLE), unsupported("value"));
    fixed("strvalue", List.of(SAMPLE), unsupported("strvalue"));
    fixed("sortByLabel", List.of(STRING, RESULT), unsupported("sortByLabel"));
    variadic("args", List.of(), ANY, unsupported("args"));
    fixed("reReplaceAll", List.of(STRING, STRING, STRING),
        (a, d) -> TextFunctions.reReplaceAll((String) a.get(0), (String) a.get(1), (String) a.get(2)));
    fixed("safeHtml", List.of(STRING), (a, d) -> a.get(0));
    fixed("match", List.of(STRING, STRING), (a, d) -> TextFunctions.match((String) a.get(0), (String) a.get(1)));
    fixed("title", List.of(STRING), (a, d) -> TextFunctions.title((String) a.get(0)));
    fixed("toUpper", List.of(STRING), (a, d) -> TextFunctions.mapCase((String) a.get(0), true));
    fixed("toLower", List.of(STRING), (a, d) -> TextFunctions.mapCase((String) a.get(0), false));
    fixed("graphLink", List.of(STRING), (a, d) -> "/graph?g0.expr=" + TextFunctions.queryEscape((String) a.get(0)) + "&g0.tab=0");
    fixed("tableLink", List.of(STRING), (a, d) -> "/graph?g0.expr=" + TextFunctions.queryEscape((String) a.get(0)) + "&g0.tab=1");
    fixed("humanize", List.of(ANY), (a, d) -> Humanize.humanize(toFloat(a.get(0))));
    fixed("humanize1024", List.of(ANY), (a, d) -> Humanize.humanize1024(toFloat(a.get(0))));
    fixed("humanizeDuration", List.of(ANY), (a, d) -> Humanize.humanizeDuration(toFloat(a.get(0))));
    fixed("humanizePercentage", List.of(ANY), (a, d) -> Humanize.humanizePercentage(toFloat(a.get(0))));
    fixed("humanizeTimestamp", List.of(ANY), (a, d) -> Humanize.humanizeTimestamp(toFloat(a.get(0))));
    fixed("toTime", List.of(ANY), (a, d) -> new GoValues.GoTime(Humanize.toInstant(finite(toFloat(a.get(0))))));
    fixed("pathPrefix", List.of(), (a, d) -> url(d).getRawPath() == null ? "" : url(d).getRawPath());
    fixed("externalURL", List.of(), (a, d) -> url(d).toString());
    fixed("parseDuration", List.of(STRING), (a, d) -> PromDurations.parse((String) a.get(0)).toMillis() / 1000.0);
    fixed("stripPort", List.of(STRING), (a, d) -> TextFunctions.stripPort((String) a.get(0)));
    fixed("stripDomain", List.of(STRING), (a, d) -> TextFunctions.stripDomain((String) a.get(0)));
  }

  private TemplateFunctions() {}

  static boolean isDefined(String name) {
    return FUNCTIONS.containsKey(name);
  }

  static Function get(String name) {
    return FUNCTIONS.get(name);
  }

  private static void fixed(String name, List<String> params, Body body) {
    FUNCTIONS.put(name, new Function(name, params, null, body));
  }

  private static void variadic(String name, List<String> params, String rest, Body body) {
    FUNCTIONS.put(name, new Function(name, params, rest, body));
  }

  private static Body unsupported(String name) {
    return (a, d) -> {
      throw new IllegalArgumentException("the template function " + name + " is not supported by Vigil");
    };
  }

  /** Prometheus's convertToFloat. */
  static double toFloat(Object v) {
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof String s) {
      return GoNumbers.parseFloat(s);
    }
    throw new IllegalArgumentException("can't convert " + GoValues.typeName(v) + " to float");
  }

  private static double finite(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("value is NaN or Inf");
    }
    return v;
  }

  private static URI url(GoValues.Root data) {
    if (data.externalUrl() == null) {
      throw new IllegalArgumentException("runtime error: invalid memory address or nil pointer dereference");
    }
    return URI.create(data.externalUrl());
  }

  /** Go's evalArgs for html, js and urlquery: a lone string as is, anything else through fmt.Sprint. */
  private static String joined(List<Object> args) {
    return args.size() == 1 && args.get(0) instanceof String s ? s : GoValues.sprint(args.toArray());
  }

  private static Object length(Object item) {
    if (item instanceof String s) {
      return (long) s.getBytes(StandardCharsets.UTF_8).length;
    }
    if (item instanceof Map<?, ?> m) {
      return (long) m.size();
    }
    throw new IllegalArgumentException(item == null ? "len of nil pointer" : "len of type " + GoValues.typeName(item));
  }

  private static Object index(Object item, List<Object> keys) {
    Object current = item;
    for (Object key : keys) {
      if (current instanceof Map<?, ?> m) {
        if (!(key instanceof String)) {
          throw new IllegalArgumentException("value has type " + GoValues.typeName(key) + "; should be string");
        }
        Object v = m.get(key);
        current = v == null ? "" : v;
      } else if (current instanceof String s && key instanceof Long i) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (i < 0 || i >= bytes.length) {
          throw new IllegalArgumentException("index out of range: " + i);
        }
        current = (long) (bytes[i.intValue()] & 0xff);
      } else if (current == null) {
        throw new IllegalArgumentException("index of untyped nil");
      } else {
        throw new IllegalArgumentException("can't index item of type " + GoValues.typeName(current));
      }
    }
    return current;
  }
}
