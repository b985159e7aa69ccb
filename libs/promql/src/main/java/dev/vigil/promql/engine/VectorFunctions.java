package dev.vigil.promql.engine;

import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.engine.functions.LabelFunctions;
import dev.vigil.promql.engine.functions.MathFunctions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** Functions on instant vectors that take extra arguments: clamp, round, calendar, labels, sort. */
final class VectorFunctions {

  private final Evaluator ev;
  private final HistogramCalls histograms;

  VectorFunctions(Evaluator ev) {
    this.ev = ev;
    this.histograms = new HistogramCalls(ev);
  }

  Value eval(Call c, long t) {
    String name = c.function().name();
    List<Expr> args = c.args();
    if (MathFunctions.isCalendar(name)) {
      if (args.isEmpty()) {
        return new Vector(List.of(new Sample(Labels.EMPTY, MathFunctions.calendar(name, t / 1000.0))));
      }
      return map(args.get(0), t, v -> MathFunctions.calendar(name, v));
    }
    switch (name) {
      case "clamp" -> {
        double min = ev.scalar(args.get(1), t);
        double max = ev.scalar(args.get(2), t);
        if (max < min) {
          return new Vector(List.of());
        }
        return map(args.get(0), t, v -> Math.max(min, Math.min(max, v)));
      }
      case "clamp_min" -> {
        double min = ev.scalar(args.get(1), t);
        return map(args.get(0), t, v -> Math.max(min, v));
      }
      case "clamp_max" -> {
        double max = ev.scalar(args.get(1), t);
        return map(args.get(0), t, v -> Math.min(max, v));
      }
      case "round" -> {
        double to = args.size() > 1 ? ev.scalar(args.get(1), t) : 1;
        return map(args.get(0), t, v -> MathFunctions.round(v, to));
      }
      case "absent" -> {
        return ev.vector(args.get(0), t).samples().isEmpty() ? Absent.of(args.get(0)) : new Vector(List.of());
      }
      case "sort", "sort_desc" -> {
        return sort(ev.vector(args.get(0), t), name.equals("sort_desc"));
      }
      case "sort_by_label", "sort_by_label_desc" -> {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
          labels.add(((StringValue) ev.eval(args.get(i), t)).value());
        }
        List<Sample> out = new ArrayList<>(ev.vector(args.get(0), t).samples());
        Comparator<Sample> cmp = new LabelOrder(labels);
        out.sort(name.endsWith("_desc") ? cmp.reversed() : cmp);
        return new Vector(out);
      }
      case "label_replace" -> {
        return labelReplace(args, t);
      }
      case "label_join" -> {
        return labelJoin(args, t);
      }
      case "info" -> {
        return ev.vector(args.get(0), t);
      }
      default -> {
        return histograms.eval(c, t);
      }
    }
  }

  private Vector map(Expr arg, long t, java.util.function.DoubleUnaryOperator f) {
    List<Sample> out = new ArrayList<>();
    for (Sample s : ev.vector(arg, t).samples()) {
      out.add(s.droppingName(f.applyAsDouble(s.value())));
    }
    return new Vector(out);
  }

  private static Vector sort(Vector v, boolean desc) {
    List<Sample> out = new ArrayList<>(v.samples());
    out.sort(
        (a, b) -> {
          boolean an = Double.isNaN(a.value());
          boolean bn = Double.isNaN(b.value());
          if (an || bn) {
            return Boolean.compare(an, bn);
          }
          return desc ? Double.compare(b.value(), a.value()) : Double.compare(a.value(), b.value());
        });
    return new Vector(out);
  }

  private String string(Expr e, long t) {
    return ((StringValue) ev.eval(e, t)).value();
  }

  private Vector labelReplace(List<Expr> args, long t) {
    String dst = string(args.get(1), t);
    String replacement = string(args.get(2), t);
    String src = string(args.get(3), t);
    String regex = string(args.get(4), t);
    Pattern pattern;
    try {
      pattern = LabelFunctions.compile(regex);
    } catch (IllegalArgumentException e) {
      throw PromqlException.execution(e.getMessage());
    }
    if (!LabelNames.isValid(dst)) {
      throw PromqlException.execution("invalid destination label name in label_replace(): " + dst);
    }
    List<Sample> out = new ArrayList<>();
    for (Sample s : ev.vector(args.get(0), t).samples()) {
      Labels labels = LabelFunctions.replace(s.labels(), dst, replacement, src, pattern);
      boolean dropName = s.dropName() && !(dst.equals(Labels.METRIC_NAME) && labels != s.labels());
      out.add(new Sample(labels, s.value(), dropName));
    }
    return checkUnique(out);
  }

  private Vector labelJoin(List<Expr> args, long t) {
    String dst = string(args.get(1), t);
    String sep = string(args.get(2), t);
    List<String> sources = new ArrayList<>();
    for (int i = 3; i < args.size(); i++) {
      String src = string(args.get(i), t);
      if (!LabelNames.isValid(src)) {
        throw PromqlException.execution("invalid source label name in label_join(): " + src);
      }
      sources.add(src);
    }
    if (!LabelNames.isValid(dst)) {
      throw PromqlException.execution("invalid destination label name in label_join(): " + dst);
    }
    List<Sample> out = new ArrayList<>();
    for (Sample s : ev.vector(args.get(0), t).samples()) {
      Labels labels = LabelFunctions.join(s.labels(), dst, sep, sources);
      boolean dropName = s.dropName() && !dst.equals(Labels.METRIC_NAME);
      out.add(new Sample(labels, s.value(), dropName));
    }
    return checkUnique(out);
  }

  private static Vector checkUnique(List<Sample> out) {
    java.util.Set<Labels> seen = new java.util.HashSet<>();
    for (Sample s : out) {
      if (!seen.add(s.resultLabels())) {
        throw PromqlException.execution("vector cannot contain metrics with the same labelset");
      }
    }
    return new Vector(out);
  }
}
