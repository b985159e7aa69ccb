package dev.vigil.alerting.templates;

import dev.vigil.alerting.templates.TemplateNodes.Control;
import dev.vigil.alerting.templates.TemplateNodes.LoopJump;
import dev.vigil.alerting.templates.TemplateNodes.Node;
import dev.vigil.alerting.templates.TemplateNodes.Pipe;
import dev.vigil.alerting.templates.TemplateNodes.Text;
import dev.vigil.alerting.templates.Token.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a template's structure (text, actions, if/else/with/range/end, break/continue) following
 * Go's text/template/parse, with its error messages. Variables Prometheus defines for alert
 * templates ($labels, $externalLabels, $externalURL, $value) are in scope; named templates
 * ({{define}}, {{template}}, {{block}}) are not supported.
 */
final class TemplateParser {

  private record End(int pos) {}

  private record Else(int pos) {}

  private record Items(List<Node> nodes, Object terminator) {}

  private final TokenCursor in;
  private final List<String> vars = new ArrayList<>(List.of("$", "$labels", "$externalLabels", "$externalURL", "$value"));
  private final PipelineParser pipelines;
  private int rangeDepth;

  private TemplateParser(String text) {
    this.in = new TokenCursor(text);
    this.pipelines = new PipelineParser(in, vars);
  }

  /** The template's nodes; throws TemplateSyntaxException where Go's parser would fail. */
  static List<Node> parse(String text) {
    TemplateParser parser = new TemplateParser(text);
    List<Node> root = new ArrayList<>();
    while (!parser.in.peek().is(Type.EOF)) {
      Object node = parser.textOrAction();
      if (node instanceof End) {
        throw parser.in.error("unexpected {{end}}");
      }
      if (node instanceof Else) {
        throw parser.in.error("unexpected {{else}}");
      }
      root.add((Node) node);
    }
    return root;
  }

  private Object textOrAction() {
    Token t = in.nextNonSpace();
    return switch (t.type()) {
      case TEXT -> new Text(t.text());
      case LEFT_DELIM -> action();
      default -> throw in.unexpected(t, "input");
    };
  }

  private Object action() {
    Token t = in.peekNonSpace();
    if (!t.is(Type.KEYWORD)) {
      return new TemplateNodes.Action(in.peek().pos(), pipelines.pipeline("command", Type.RIGHT_DELIM));
    }
    in.next();
    switch (t.text()) {
      case "if":
        return control("if", true);
      case "with":
        return control("with", false);
      case "range":
        return control("range", false);
      case "else":
        Token p = in.peekNonSpace();
        return p.isKeyword("if") ? new Else(p.pos()) : new Else(in.expect(Type.RIGHT_DELIM, "else").pos());
      case "end":
        return new End(in.expect(Type.RIGHT_DELIM, "end").pos());
      case "break", "continue":
        in.expect(Type.RIGHT_DELIM, "{{" + t.text() + "}}");
        if (rangeDepth == 0) {
          throw in.error("{{" + t.text() + "}} outside {{range}}");
        }
        return new LoopJump(t.pos(), t.text().equals("break"));
      default:
        throw in.error("{{" + t.text() + "}} is not supported in Vigil alert templates");
    }
  }

  /** if, with or range up to its {{end}}; an {{else if}} becomes an if inside the else branch. */
  private Control control(String kind, boolean allowElseIf) {
    int mark = vars.size();
    in.enter();
    try {
      Pipe pipe = pipelines.pipeline(kind, Type.RIGHT_DELIM);
      boolean range = kind.equals("range");
      rangeDepth += range ? 1 : 0;
      Items body = items();
      rangeDepth -= range ? 1 : 0;
      List<Node> elseBody = null;
      if (body.terminator() instanceof Else) {
        if (allowElseIf && in.peek().isKeyword("if")) {
          in.next();
          elseBody = List.of(control("if", true));
        } else {
          Items rest = items();
          if (!(rest.terminator() instanceof End)) {
            throw in.error("expected end; found {{else}}");
          }
          elseBody = rest.nodes();
        }
      }
      return new Control(kind, pipe.pos(), pipe, body.nodes(), elseBody);
    } finally {
      vars.subList(mark, vars.size()).clear();
      in.leave();
    }
  }

  private Items items() {
    List<Node> nodes = new ArrayList<>();
    while (!in.peekNonSpace().is(Type.EOF)) {
      Object n = textOrAction();
      if (n instanceof End || n instanceof Else) {
        return new Items(nodes, n);
      }
      nodes.add((Node) n);
    }
    throw in.error("unexpected EOF");
  }
}
