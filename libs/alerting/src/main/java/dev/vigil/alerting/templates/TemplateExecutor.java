package dev.vigil.alerting.templates;

import dev.vigil.alerting.templates.TemplateNodes.Action;
import dev.vigil.alerting.templates.TemplateNodes.Control;
import dev.vigil.alerting.templates.TemplateNodes.LoopJump;
import dev.vigil.alerting.templates.TemplateNodes.Node;
import dev.vigil.alerting.templates.TemplateNodes.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a parsed template over the alert data as Go's text/template executes one (with Prometheus's
 * option missingkey=zero): walks text, actions and if/with/range, printing values with fmt's %v.
 * Runtime errors are {@link ExecError}s naming the node, as Go's are.
 */
final class TemplateExecutor {

  /** A runtime error at a node; the node's position and text locate it in messages. */
  static final class ExecError extends RuntimeException {
    final int pos;
    final String context;

    ExecError(int pos, String context, String message) {
      super(message, null, false, false);
      this.pos = pos;
      this.context = context;
    }
  }

  private static final class Jump extends RuntimeException {
    final boolean isBreak;

    Jump(boolean isBreak) {
      super(null, null, false, false);
      this.isBreak = isBreak;
    }
  }

  private record Variable(String name, Object[] value) {}

  private final StringBuilder out = new StringBuilder();
  private final List<Variable> vars = new ArrayList<>();
  private final TemplateEvaluator eval;

  private TemplateExecutor(GoValues.Root data) {
    this.eval = new TemplateEvaluator(this, data);
    push("$", data);
    push("$labels", data.labels());
    push("$externalLabels", data.externalLabels());
    push("$externalURL", data.urlField());
    push("$value", data.value());
  }

  static String execute(List<Node> nodes, GoValues.Root data) {
    TemplateExecutor executor = new TemplateExecutor(data);
    executor.walk(data, nodes);
    return executor.out.toString();
  }

  private void walk(Object dot, List<Node> nodes) {
    for (Node node : nodes) {
      if (node instanceof Text t) {
        out.append(t.text());
      } else if (node instanceof Action a) {
        Object value = eval.pipeline(dot, a.pipe());
        if (a.pipe().decl().isEmpty()) {
          out.append(value == null ? "<no value>" : GoValues.format(value));
        }
      } else if (node instanceof Control c) {
        int mark = vars.size();
        try {
          if (c.kind().equals("range")) {
            range(dot, c);
          } else {
            Object value = eval.pipeline(dot, c.pipe());
            if (GoValues.truth(value)) {
              walk(c.kind().equals("with") ? value : dot, c.body());
            } else if (c.elseBody() != null) {
              walk(dot, c.elseBody());
            }
          }
        } finally {
          pop(mark);
        }
      } else if (node instanceof LoopJump j) {
        throw new Jump(j.isBreak());
      }
    }
  }

  private void range(Object dot, Control c) {
    Object value = eval.pipeline(dot, c.pipe());
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      int declared = c.pipe().decl().size();
      for (Map.Entry<String, String> entry : GoValues.sorted(map).entrySet()) {
        int mark = vars.size();
        if (declared == 1) {
          setTop(1, entry.getValue());
        } else if (declared == 2) {
          setTop(2, entry.getKey());
          setTop(1, entry.getValue());
        }
        try {
          walk(entry.getValue(), c.body());
        } catch (Jump jump) {
          if (jump.isBreak) {
            break;
          }
        } finally {
          pop(mark);
        }
      }
      return;
    }
    if (value != null && !(value instanceof Map)) {
      throw eval.error("range can't iterate over " + GoValues.format(value));
    }
    if (c.elseBody() != null) {
      walk(dot, c.elseBody());
    }
  }

  void push(String name, Object value) {
    vars.add(new Variable(name, new Object[] {value}));
  }

  private void pop(int mark) {
    vars.subList(mark, vars.size()).clear();
  }

  private void setTop(int fromTop, Object value) {
    vars.get(vars.size() - fromTop).value()[0] = value;
  }

  void set(String name, Object value) {
    for (int i = vars.size() - 1; i >= 0; i--) {
      if (vars.get(i).name().equals(name)) {
        vars.get(i).value()[0] = value;
        return;
      }
    }
    throw eval.error("undefined variable: " + name);
  }

  Object get(String name) {
    for (int i = vars.size() - 1; i >= 0; i--) {
      if (vars.get(i).name().equals(name)) {
        return vars.get(i).value()[0];
      }
    }
    throw eval.error("undefined variable: " + name);
  }
}
