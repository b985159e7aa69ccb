package dev.vigil.alerting.templates;

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
import dev.vigil.alerting.templates.Token.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses what is inside an action: variable declarations, commands separated by {@code |}, and
 * their operands, following Go's parse.go (pipeline, command, operand, term) and its messages.
 * Functions must exist and variables must be declared, as Go checks at parse time.
 */
final class PipelineParser {

  private final TokenCursor in;
  private final List<String> vars;

  PipelineParser(TokenCursor in, List<String> vars) {
    this.in = in;
    this.vars = vars;
  }

  Pipe pipeline(String context, Type end) {
    int pos = in.peekNonSpace().pos();
    List<VariableArg> decl = new ArrayList<>();
    boolean assign = false;
    while (in.peekNonSpace().is(Type.VARIABLE)) {
      int mark = in.mark();
      Token v = in.next();
      Token after = in.peekNonSpace();
      if (after.is(Type.ASSIGN) || after.is(Type.DECLARE)) {
        assign = after.is(Type.ASSIGN);
        in.nextNonSpace();
        declare(decl, v);
      } else if (after.is(Type.CHAR) && after.text().equals(",")) {
        in.nextNonSpace();
        declare(decl, v);
        if (context.equals("range") && decl.size() < 2) {
          Token p = in.peekNonSpace();
          if (p.is(Type.VARIABLE) || p.is(Type.RIGHT_DELIM) || p.is(Type.RIGHT_PAREN)) {
            continue;
          }
          throw in.error("range can only initialize variables");
        }
        throw in.error("too many declarations in " + context);
      } else {
        in.reset(mark);
      }
      break;
    }
    List<Command> cmds = new ArrayList<>();
    while (true) {
      Token t = in.nextNonSpace();
      if (t.is(end)) {
        checkPipeline(cmds, context);
        return new Pipe(pos, assign, decl, cmds);
      }
      switch (t.type()) {
        case BOOL, CHAR_CONSTANT, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING, VARIABLE, LEFT_PAREN -> {
          in.backup();
          cmds.add(command());
        }
        default -> throw in.unexpected(t, context);
      }
    }
  }

  private void declare(List<VariableArg> decl, Token v) {
    decl.add(new VariableArg(v.pos(), List.of(v.text())));
    vars.add(v.text());
  }

  private void checkPipeline(List<Command> cmds, String context) {
    if (cmds.isEmpty()) {
      throw in.error("missing value for " + context);
    }
    for (int i = 1; i < cmds.size(); i++) {
      if (isLiteral(cmds.get(i).args().get(0))) {
        throw in.error("non executable command in pipeline stage " + (i + 1));
      }
    }
  }

  private static boolean isLiteral(Arg a) {
    return a instanceof BoolArg || a instanceof DotArg || a instanceof NilArg || a instanceof NumberArg
        || a instanceof StringArg;
  }

  private Command command() {
    int pos = in.peekNonSpace().pos();
    List<Arg> args = new ArrayList<>();
    while (true) {
      in.peekNonSpace();
      Arg operand = operand();
      if (operand != null) {
        args.add(operand);
      }
      Token t = in.next();
      if (t.is(Type.SPACE)) {
        continue;
      }
      if (t.is(Type.RIGHT_DELIM) || t.is(Type.RIGHT_PAREN)) {
        in.backup();
      } else if (!t.is(Type.PIPE)) {
        throw in.unexpected(t, "operand");
      }
      break;
    }
    if (args.isEmpty()) {
      throw in.error("empty command");
    }
    return new Command(pos, args);
  }

  /** A term and the fields chained to it; Go places the result at the first chained field. */
  private Arg operand() {
    Arg node = term();
    if (node == null || !in.peek().is(Type.FIELD)) {
      return node;
    }
    int pos = in.peek().pos();
    List<String> fields = new ArrayList<>();
    while (in.peek().is(Type.FIELD)) {
      fields.add(in.next().text().substring(1));
    }
    if (node instanceof FieldArg f) {
      return new FieldArg(pos, concat(f.idents(), fields));
    }
    if (node instanceof VariableArg v) {
      return new VariableArg(pos, concat(v.idents(), fields));
    }
    if (isLiteral(node)) {
      throw in.error("unexpected . after term " + GoStrings.quote(node.toString()));
    }
    return new ChainArg(pos, node, fields);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private Arg term() {
    Token t = in.nextNonSpace();
    try {
      return switch (t.type()) {
        case IDENTIFIER -> {
          if (!TemplateFunctions.isDefined(t.text())) {
            throw in.error("function " + GoStrings.quote(t.text()) + " not defined");
          }
          yield new IdentifierArg(t.pos(), t.text());
        }
        case DOT -> new DotArg(t.pos());
        case NIL -> new NilArg(t.pos());
        case VARIABLE -> {
          if (!vars.contains(t.text())) {
            throw in.error("undefined variable " + GoStrings.quote(t.text()));
          }
          yield new VariableArg(t.pos(), List.of(t.text()));
        }
        case FIELD -> new FieldArg(t.pos(), List.of(t.text().substring(1)));
        case BOOL -> new BoolArg(t.pos(), t.text().equals("true"));
        case CHAR_CONSTANT -> new NumberArg(t.pos(), t.text(), charValue(t));
        case NUMBER -> new NumberArg(t.pos(), t.text(), GoNumbers.constant(t.text()));
        case LEFT_PAREN -> {
          in.enter();
          Pipe inner = pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
          in.leave();
          yield new PipeArg(t.pos(), inner);
        }
        case STRING, RAW_STRING -> new StringArg(t.pos(), t.text(), GoStrings.unquote(t.text()));
        default -> {
          in.backup();
          yield null;
        }
      };
    } catch (TemplateSyntaxException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw in.error(e.getMessage());
    }
  }

  private long charValue(Token t) {
    try {
      return GoStrings.unquoteChar(t.text());
    } catch (IllegalArgumentException e) {
      throw in.error("malformed character constant: " + t.text());
    }
  }
}
