package dev.vigil.promql.ast;

import static dev.vigil.promql.ast.ValueType.MATRIX;
import static dev.vigil.promql.ast.ValueType.SCALAR;
import static dev.vigil.promql.ast.ValueType.STRING;
import static dev.vigil.promql.ast.ValueType.VECTOR;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A PromQL function signature: argument types, how many trailing arguments are optional
 * ({@code variadic} &gt; 0), or unlimited ({@code variadic} &lt; 0), and the return type. The table
 * mirrors Prometheus's, including the functions it marks experimental.
 */
public record Function(
    String name, List<ValueType> argTypes, int variadic, ValueType returnType, boolean experimental) {

  private static final Map<String, Function> TABLE = new HashMap<>();

  static {
    for (String math :
        List.of(
            "abs", "ceil", "floor", "exp", "sqrt", "ln", "log2", "log10", "sgn", "deg", "rad",
            "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh",
            "atanh", "absent", "sort", "sort_desc", "timestamp", "histogram_count",
            "histogram_sum", "histogram_avg", "histogram_stddev", "histogram_stdvar")) {
      add(math, VECTOR, 0, false, VECTOR);
    }
    for (String overTime :
        List.of(
            "rate", "irate", "increase", "delta", "idelta", "deriv", "resets", "changes",
            "avg_over_time", "sum_over_time", "count_over_time", "min_over_time",
            "max_over_time", "last_over_time", "stddev_over_time", "stdvar_over_time",
            "present_over_time", "absent_over_time")) {
      add(overTime, VECTOR, 0, false, MATRIX);
    }
    for (String experimental :
        List.of(
            "mad_over_time", "first_over_time", "ts_of_min_over_time", "ts_of_max_over_time",
            "ts_of_last_over_time", "ts_of_first_over_time")) {
      add(experimental, VECTOR, 0, true, MATRIX);
    }
    for (String calendar :
        List.of(
            "day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute",
            "month", "year")) {
      add(calendar, VECTOR, 1, false, VECTOR);
    }
    add("clamp", VECTOR, 0, false, VECTOR, SCALAR, SCALAR);
    add("clamp_max", VECTOR, 0, false, VECTOR, SCALAR);
    add("clamp_min", VECTOR, 0, false, VECTOR, SCALAR);
    add("round", VECTOR, 1, false, VECTOR, SCALAR);
    add("predict_linear", VECTOR, 0, false, MATRIX, SCALAR);
    add("quantile_over_time", VECTOR, 0, false, SCALAR, MATRIX);
    add("double_exponential_smoothing", VECTOR, 0, true, MATRIX, SCALAR, SCALAR);
    add("histogram_quantile", VECTOR, 0, false, SCALAR, VECTOR);
    add("histogram_quantiles", VECTOR, -1, true, VECTOR, STRING, SCALAR);
    add("histogram_fraction", VECTOR, 0, false, SCALAR, SCALAR, VECTOR);
    add("label_replace", VECTOR, 0, false, VECTOR, STRING, STRING, STRING, STRING);
    add("label_join", VECTOR, -1, false, VECTOR, STRING, STRING, STRING);
    add("sort_by_label", VECTOR, -1, true, VECTOR, STRING);
    add("sort_by_label_desc", VECTOR, -1, true, VECTOR, STRING);
    add("info", VECTOR, 1, true, VECTOR, VECTOR);
    add("start_timestamp", VECTOR, 0, true, VECTOR);
    add("scalar", SCALAR, 0, false, VECTOR);
    add("vector", VECTOR, 0, false, SCALAR);
    add("time", SCALAR, 0, false);
    add("step", SCALAR, 0, true);
    add("range", SCALAR, 0, true);
    add("start", SCALAR, 0, true);
    add("end", SCALAR, 0, true);
    add("min_of", SCALAR, 0, true, SCALAR, SCALAR);
    add("max_of", SCALAR, 0, true, SCALAR, SCALAR);
    add("pi", SCALAR, 0, false);
  }

  private static void add(
      String name, ValueType returns, int variadic, boolean experimental, ValueType... args) {
    TABLE.put(name, new Function(name, List.of(args), variadic, returns, experimental));
  }

  /** The function with this exact name, or null. */
  public static Function named(String name) {
    return TABLE.get(name);
  }

  public int minArgs() {
    return variadic == 0 ? argTypes.size() : argTypes.size() - (variadic > 0 ? variadic : 1);
  }

  /** Maximum number of arguments, or -1 for unlimited. */
  public int maxArgs() {
    if (variadic < 0) {
      return -1;
    }
    return argTypes.size();
  }

  /** The declared type of the argument at {@code index}, repeating the last one for variadics. */
  public ValueType argType(int index) {
    return index < argTypes.size() ? argTypes.get(index) : argTypes.get(argTypes.size() - 1);
  }
}
