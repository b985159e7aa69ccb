package dev.vigil.alerting.templates;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The parse tree of a template, shaped like Go's text/template/parse nodes. Positions are character
 * offsets in the template; {@code toString()} prints a node as Go does in error messages.
 */
final class TemplateNodes {

  private TemplateNodes() {}

  sealed interface Node permits Text, Action, Control, LoopJump {}

  record Text(String text) implements Node {}

  /** {@code {{ pipeline }}}: prints the value unless the pipeline declares variables. */
  record Action(int pos, Pipe pipe) implements Node {}

  /** {@code {{if}}, {{with}}, {{range}}} with their bodies; an else-if is an if in elseBody. */
  record Control(String kind, int pos, Pipe pipe, List<Node> body, List<Node> elseBody) implements Node {}

  /** {@code {{break}}} or {@code {{continue}}} inside a range. */
  record LoopJump(int pos, boolean isBreak) implements Node {}

  record Pipe(int pos, boolean assign, List<VariableArg> decl, List<Command> cmds) {
    @Override
    public String toString() {
      String commands = cmds.stream().map(Command::toString).collect(Collectors.joining(" | "));
      if (decl.isEmpty()) {
        return commands;
      }
      String vars = decl.stream().map(VariableArg::toString).collect(Collectors.joining(", "));
      return vars + (assign ? " = " : " := ") + commands;
    }
  }

  record Command(int pos, List<Arg> args) {
    @Override
    public String toString() {
      return args.stream()
          .map(a -> a instanceof PipeArg p ? "(" + p.pipe() + ")" : a.toString())
          .collect(Collectors.joining(" "));
    }
  }

  sealed interface Arg permits FieldArg, VariableArg, IdentifierArg, DotArg, NilArg, BoolArg, NumberArg,
      StringArg, PipeArg, ChainArg {
    int pos();
  }

  /** {@code .Labels.instance}: a field chain starting at dot. */
  record FieldArg(int pos, List<String> idents) implements Arg {
    @Override
    public String toString() {
      return "." + String.join(".", idents);
    }
  }

  /** {@code $labels.instance}: idents[0] is the variable, the rest are fields. */
  record VariableArg(int pos, List<String> idents) implements Arg {
    @Override
    public String toString() {
      return String.join(".", idents);
    }
  }

  record IdentifierArg(int pos, String name) implements Arg {
    @Override
    public String toString() {
      return name;
    }
  }

  record DotArg(int pos) implements Arg {
    @Override
    public String toString() {
      return ".";
    }
  }

  record NilArg(int pos) implements Arg {
    @Override
    public String toString() {
      return "nil";
    }
  }

  record BoolArg(int pos, boolean value) implements Arg {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /** A number constant; value is a Long (Go int) or a Double (float64) as Go would pass it. */
  record NumberArg(int pos, String text, Object value) implements Arg {
    @Override
    public String toString() {
      return text;
    }
  }

  record StringArg(int pos, String quoted, String value) implements Arg {
    @Override
    public String toString() {
      return quoted;
    }
  }

  /** A parenthesised pipeline. */
  record PipeArg(int pos, Pipe pipe) implements Arg {
    @Override
    public String toString() {
      return pipe.toString();
    }
  }

  /** Fields applied to a term that is not dot or a variable, e.g. {@code (index $m "a").b}. */
  record ChainArg(int pos, Arg node, List<String> fields) implements Arg {
    @Override
    public String toString() {
      String base = node instanceof PipeArg p ? "(" + p.pipe() + ")" : node.toString();
      return base + fields.stream().map(f -> "." + f).collect(Collectors.joining());
    }
  }
}
