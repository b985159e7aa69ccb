package dev.vigil.promql.engine;

import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.Paren;
import dev.vigil.promql.ast.VectorSelector;
import dev.vigil.promql.engine.functions.MathFunctions;
import dev.vigil.promql.engine.functions.OverTimeFunctions;
import dev.vigil.promql.engine.functions.RateFunctions;
import java.util.ArrayList;
import java.util.List;

/** Evaluates function calls: argument evaluation and dispatch to the function families. */
final class FunctionCalls {

  private final Evaluator ev;
  private final VectorFunctions vectors;

  FunctionCalls(Evaluator ev) {
    this.ev = ev;
    this.vectors = new VectorFunctions(ev);
  }

  Value eval(Call c, long t) {
    String name = c.function().name();
    List<Expr> args = c.args();
    switch (name) {
      case "time" -> {
        return new Scalar(t / 1000.0);
      }
      case "pi" -> {
        return new Scalar(Math.PI);
      }
      case "step" -> {
        return new Scalar(ev.window.step() / 1000.0);
      }
      case "range" -> {
        return new Scalar((ev.window.end() - ev.window.start()) / 1000.0);
      }
      case "start" -> {
        return new Scalar(ev.window.start() / 1000.0);
      }
      case "end" -> {
        return new Scalar(ev.window.end() / 1000.0);
      }
      case "min_of", "max_of" -> {
        double a = ev.scalar(args.get(0), t);
        double b = ev.scalar(args.get(1), t);
        if (Double.isNaN(a) || Double.isNaN(b)) {
          return new Scalar(Double.NaN);
        }
        return new Scalar(name.equals("min_of") ? Math.min(a, b) : Math.max(a, b));
      }
      case "vector" -> {
        return new Vector(List.of(new Sample(Labels.EMPTY, ev.scalar(args.get(0), t))));
      }
      case "scalar" -> {
        List<Sample> s = ev.vector(args.get(0), t).samples();
        return new Scalar(s.size() == 1 ? s.get(0).value() : Double.NaN);
      }
      case "timestamp" -> {
        return timestamp(args.get(0), t);
      }
      case "absent_over_time" -> {
        RangeVector r = ev.range(args.get(0), t);
        return r.series().isEmpty() ? Absent.of(args.get(0)) : new Vector(List.of());
      }
      default -> {}
    }
    if (RateFunctions.handles(name) || OverTimeFunctions.handles(name)) {
      return overRange(c, t);
    }
    if (MathFunctions.handles(name)) {
      List<Sample> out = new ArrayList<>();
      for (Sample s : ev.vector(args.get(0), t).samples()) {
        out.add(s.droppingName(MathFunctions.apply(name, s.value())));
      }
      return new Vector(out);
    }
    return vectors.eval(c, t);
  }

  private Vector timestamp(Expr arg, long t) {
    Expr inner = arg;
    while (inner instanceof Paren p) {
      inner = p.expr();
    }
    List<Sample> out = new ArrayList<>();
    if (inner instanceof VectorSelector vs) {
      List<Long> times = new ArrayList<>();
      List<Sample> samples = ev.instant(vs, t, times).samples();
      for (int i = 0; i < samples.size(); i++) {
        out.add(samples.get(i).droppingName(times.get(i) / 1000.0));
      }
      return new Vector(out);
    }
    for (Sample s : ev.vector(arg, t).samples()) {
      out.add(s.droppingName(t / 1000.0));
    }
    return new Vector(out);
  }

  private Vector overRange(Call c, long t) {
    String name = c.function().name();
    List<Expr> args = c.args();
    int rangeArg = name.equals("quantile_over_time") ? 1 : 0;
    double p1 = Double.NaN;
    double p2 = Double.NaN;
    if (name.equals("quantile_over_time")) {
      p1 = ev.scalar(args.get(0), t);
    } else if (args.size() > 1) {
      p1 = ev.scalar(args.get(1), t);
      if (args.size() > 2) {
        p2 = ev.scalar(args.get(2), t);
      }
    }
    RangeVector r = ev.range(args.get(rangeArg), t);
    boolean keepName = OverTimeFunctions.keepsName(name);
    List<Sample> out = new ArrayList<>();
    for (Series s : r.series()) {
      Double v;
      try {
        v =
            RateFunctions.handles(name)
                ? RateFunctions.apply(name, s, r, p1, t)
                : OverTimeFunctions.apply(name, s, p1, p2);
      } catch (IllegalArgumentException e) {
        throw PromqlException.execution(e.getMessage());
      }
      if (v != null) {
        out.add(new Sample(s.labels(), v, !keepName || s.dropName()));
      }
    }
    return new Vector(out);
  }
}
