package dev.vigil.alerting.templates;

import dev.vigil.alerting.templates.TemplateExecutor.ExecError;
import dev.vigil.alerting.templates.TemplateNodes.Arg;
import dev.vigil.alerting.templates.TemplateNodes.BoolArg;
import dev.vigil.alerting.templates.TemplateNodes.ChainArg;
import dev.vigil.alerting.templates.TemplateNodes.Command;
import dev.vigil.alerting.templates.TemplateNodes.DotArg;
import dev.vigil.alerting.templates.TemplateNodes.FieldArg;
import dev.vigil.alerting.templates.TemplateNodes.IdentifierArg;
import dev.vigil.alerting.templates.TemplateNodes.NilArg;
import dev.vigil.alerting.templates.TemplateNodes.NumberArg;
import dev.vigil.alerting.templates.TemplateNodes.Pipe;
import dev.vigil.alerting.templates.TemplateNodes.PipeArg;
import dev.vigil.alerting.templates.TemplateNodes.StringArg;
import dev.vigil.alerting.templates.TemplateNodes.VariableArg;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates pipelines, commands, fields and function calls following Go's text/template exec.go:
 * the same argument checks, the same order of evaluation and the same error wording, each error at
 * the node Go would blame.
 */
final class TemplateEvaluator {

  /** "No value passed down the pipeline", distinct from nil. */
  private static final Object MISSING = new Object();

  private final TemplateExecutor executor;
  private final GoValues.Root data;
  private int nodePos;
  private String nodeText = "";

  TemplateEvaluator(TemplateExecutor executor, GoValues.Root data) {
    this.executor = executor;
    this.data = data;
  }

  Object pipeline(Object dot, Pipe pipe) {
    Object value = MISSING;
    for (Command cmd : pipe.cmds()) {
      value = command(dot, cmd, value);
    }
    for (VariableArg v : pipe.decl()) {
      if (pipe.assign()) {
        executor.set(v.idents().get(0), value);
      } else {
        executor.push(v.idents().get(0), value);
      }
    }
    return value;
  }

  private Object command(Object dot, Command cmd, Object fin) {
    Arg first = cmd.args().get(0);
    if (first instanceof FieldArg f) {
      at(f);
      return fieldChain(dot, dot, f.idents(), cmd.args(), fin);
    }
    if (first instanceof ChainArg c) {
      return chain(dot, c, cmd.args(), fin);
    }
    if (first instanceof IdentifierArg id) {
      return function(dot, id, cmd.pos(), cmd.toString(), cmd.args(), fin);
    }
    if (first instanceof PipeArg p) {
      notAFunction(cmd.args(), fin);
      return pipeline(dot, p.pipe());
    }
    if (first instanceof VariableArg v) {
      return variable(dot, v, cmd.args(), fin);
    }
    at(first);
    notAFunction(cmd.args(), fin);
    if (first instanceof NilArg) {
      throw error("nil is not a command");
    }
    return literal(dot, first);
  }

  private Object literal(Object dot, Arg arg) {
    if (arg instanceof BoolArg b) {
      return b.value();
    }
    if (arg instanceof NumberArg n) {
      return n.value();
    }
    if (arg instanceof StringArg s) {
      return s.value();
    }
    return dot;
  }

  private Object variable(Object dot, VariableArg v, List<Arg> args, Object fin) {
    at(v);
    Object value = executor.get(v.idents().get(0));
    if (v.idents().size() == 1) {
      notAFunction(args, fin);
      return value;
    }
    return fieldChain(dot, value, v.idents().subList(1, v.idents().size()), args, fin);
  }

  private Object chain(Object dot, ChainArg c, List<Arg> args, Object fin) {
    at(c);
    if (c.node() instanceof NilArg) {
      throw error("indirection through explicit nil in " + c);
    }
    Object receiver = arg(dot, TemplateFunctions.ANY, c.node());
    return fieldChain(dot, receiver, c.fields(), args, fin);
  }

  private Object fieldChain(Object dot, Object receiver, List<String> idents, List<Arg> args, Object fin) {
    for (int i = 0; i < idents.size() - 1; i++) {
      receiver = field(idents.get(i), List.of(), MISSING, receiver);
    }
    return field(idents.get(idents.size() - 1), args, fin, receiver);
  }

  private Object field(String name, List<Arg> args, Object fin, Object receiver) {
    if (receiver == null) {
      return null;
    }
    boolean hasArgs = args.size() > 1 || fin != MISSING;
    if (receiver instanceof GoValues.Root root) {
      Object value = switch (name) {
        case "Labels" -> root.labels();
        case "ExternalLabels" -> root.externalLabels();
        case "ExternalURL" -> root.urlField();
        case "Value" -> root.value();
        default -> MISSING;
      };
      if (value != MISSING) {
        if (hasArgs) {
          throw error(name + " has arguments but cannot be invoked as function");
        }
        return value;
      }
    } else if (receiver instanceof Map<?, ?> map) {
      if (hasArgs) {
        throw error(name + " is not a method but has arguments");
      }
      Object value = map.get(name);
      return value == null ? "" : value;
    }
    throw error("can't evaluate field " + name + " in type " + GoValues.typeName(receiver));
  }

  private Object function(Object dot, IdentifierArg id, int cmdPos, String cmdText, List<Arg> args, Object fin) {
    at(id);
    TemplateFunctions.Function fn = TemplateFunctions.get(id.name());
    List<Arg> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
    int numIn = rest.size() + (fin != MISSING ? 1 : 0);
    int numFixed = fn.params().size();
    if (fn.variadic() != null) {
      if (numIn < numFixed) {
        throw error("wrong number of args for " + fn.name() + ": want at least " + numFixed + " got " + rest.size());
      }
    } else if (numIn != numFixed) {
      throw error("wrong number of args for " + fn.name() + ": want " + numFixed + " got " + numIn);
    }
    if (fn.name().equals("and") || fn.name().equals("or")) {
      Object v = null;
      for (Arg a : rest) {
        v = arg(dot, TemplateFunctions.VALUE, a);
        if (GoValues.truth(v) == fn.name().equals("or")) {
          return v;
        }
      }
      return fin != MISSING ? fin : v;
    }
    List<Object> argv = new ArrayList<>();
    for (int i = 0; i < rest.size(); i++) {
      argv.add(arg(dot, i < numFixed ? fn.params().get(i) : fn.variadic(), rest.get(i)));
    }
    if (fin != MISSING) {
      String type = numIn - 1 < numFixed ? fn.params().get(numIn - 1) : fn.variadic();
      argv.add(validate(fin, type));
    }
    try {
      return fn.body().call(argv, data);
    } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
      nodePos = cmdPos;
      nodeText = cmdText;
      throw error("error calling " + fn.name() + ": " + e.getMessage());
    }
  }

  private Object arg(Object dot, String type, Arg n) {
    at(n);
    if (n instanceof DotArg) {
      return validate(dot, type);
    }
    if (n instanceof NilArg) {
      if (type.equals(TemplateFunctions.STRING)) {
        throw error("cannot assign nil to " + type);
      }
      return null;
    }
    if (n instanceof FieldArg f) {
      return validate(fieldChain(dot, dot, f.idents(), List.of(n), MISSING), type);
    }
    if (n instanceof VariableArg v) {
      return validate(variable(dot, v, List.of(n), MISSING), type);
    }
    if (n instanceof PipeArg p) {
      return validate(pipeline(dot, p.pipe()), type);
    }
    if (n instanceof IdentifierArg id) {
      return validate(function(dot, id, id.pos(), id.toString(), List.of(), MISSING), type);
    }
    if (n instanceof ChainArg c) {
      return validate(chain(dot, c, List.of(n), MISSING), type);
    }
    if (type.equals(TemplateFunctions.STRING)) {
      if (n instanceof StringArg s) {
        return s.value();
      }
      throw error("expected string; found " + n);
    }
    if (type.equals(TemplateFunctions.ANY) || type.equals(TemplateFunctions.VALUE)) {
      return literal(dot, n);
    }
    throw error("can't handle " + n + " for arg of type " + type);
  }

  private Object validate(Object value, String type) {
    if (type.equals(TemplateFunctions.ANY) || type.equals(TemplateFunctions.VALUE)) {
      return value;
    }
    if (value == null) {
      if (type.equals(TemplateFunctions.STRING)) {
        throw error("invalid value; expected " + type);
      }
      return null;
    }
    if (type.equals(TemplateFunctions.STRING) && value instanceof String) {
      return value;
    }
    throw error("wrong type for value; expected " + type + "; got " + GoValues.typeName(value));
  }

  private void notAFunction(List<Arg> args, Object fin) {
    if (args.size() > 1 || fin != MISSING) {
      throw error("can't give argument to non-function " + args.get(0));
    }
  }

  private void at(Arg node) {
    nodePos = node.pos();
    nodeText = node instanceof PipeArg p ? p.pipe().toString() : node.toString();
  }

  ExecError error(String message) {
    return new ExecError(nodePos, nodeText, message);
  }
}
