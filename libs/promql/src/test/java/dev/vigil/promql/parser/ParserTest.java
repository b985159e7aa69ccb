package dev.vigil.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.promql.ast.Aggregate;
import dev.vigil.promql.ast.AggregateOp;
import dev.vigil.promql.ast.AtModifier;
import dev.vigil.promql.ast.Binary;
import dev.vigil.promql.ast.BinaryOp;
import dev.vigil.promql.ast.Call;
import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.ast.MatchType;
import dev.vigil.promql.ast.MatrixSelector;
import dev.vigil.promql.ast.NumberLiteral;
import dev.vigil.promql.ast.StringLiteral;
import dev.vigil.promql.ast.Subquery;
import dev.vigil.promql.ast.VectorMatching.Cardinality;
import dev.vigil.promql.ast.VectorSelector;
import org.junit.jupiter.api.Test;

class ParserTest {

  @Test
  void parsesSelectorWithEveryMatcherKind() {
    VectorSelector vs =
        (VectorSelector) Parser.parse("http_requests_total{job=\"api\", code!=\"200\", path=~\"/a.*\", env!~\"dev|test\"}");
    assertThat(vs.name()).isEqualTo("http_requests_total");
    assertThat(vs.matchers()).extracting(m -> m.type())
        .containsExactly(MatchType.EQUAL, MatchType.EQUAL, MatchType.NOT_EQUAL, MatchType.REGEX, MatchType.NOT_REGEX);
    assertThat(vs.matchers().get(3).matches("/abc")).isTrue();
    assertThat(vs.matchers().get(3).matches("x/abc")).as("regex is anchored").isFalse();
  }

  @Test
  void acceptsNameMatcherAndQuotedMetricName() {
    assertThat(((VectorSelector) Parser.parse("{__name__=~\"up|down\"}")).matchers()).hasSize(1);
    assertThat(((VectorSelector) Parser.parse("{\"my.metric\", a=\"b\"}")).name()).isEqualTo("my.metric");
  }

  @Test
  void parsesCompoundDurationsOffsetsAndAt() {
    MatrixSelector ms = (MatrixSelector) Parser.parse("rate_me[1h30m] offset -5m @ 1600000000");
    assertThat(ms.range().millis(0, 0)).isEqualTo(5_400_000L);
    assertThat(ms.selector().offset().millis(0, 0)).isEqualTo(-300_000L);
    assertThat(ms.selector().at()).isEqualTo(AtModifier.at(1_600_000_000_000L));
    VectorSelector vs = (VectorSelector) Parser.parse("up @ end()");
    assertThat(vs.at().kind()).isEqualTo(AtModifier.Kind.END);
  }

  @Test
  void parsesSubqueryWithAndWithoutStep() {
    Subquery sq = (Subquery) ((Call) Parser.parse("max_over_time(rate(x[5m])[1h:30s])")).args().get(0);
    assertThat(sq.range().millis(0, 0)).isEqualTo(3_600_000L);
    assertThat(sq.step().millis(0, 0)).isEqualTo(30_000L);
    Subquery noStep = (Subquery) Parser.parse("x[10m:] offset 1m");
    assertThat(noStep.step()).isNull();
    assertThat(noStep.offset().millis(0, 0)).isEqualTo(60_000L);
  }

  @Test
  void powerIsRightAssociativeAndBindsTighterThanUnaryMinus() {
    Expr e = Parser.parse("2 ^ 3 ^ 2");
    Binary b = (Binary) e;
    assertThat(b.lhs()).isEqualTo(new NumberLiteral(2, 0));
    assertThat(((Binary) b.rhs()).op()).isEqualTo(BinaryOp.POW);
    Binary neg = (Binary) Parser.parse("-a ^ 2 * 3");
    assertThat(neg.op()).isEqualTo(BinaryOp.MUL);
  }

  @Test
  void multiplicationBindsTighterThanAdditionAndComparisonTighterThanAnd() {
    Binary b = (Binary) Parser.parse("a + b * c > bool d and e");
    assertThat(b.op()).isEqualTo(BinaryOp.AND);
    Binary cmp = (Binary) b.lhs();
    assertThat(cmp.op()).isEqualTo(BinaryOp.GTR);
    assertThat(cmp.returnBool()).isTrue();
    assertThat(((Binary) cmp.lhs()).op()).isEqualTo(BinaryOp.ADD);
  }

  @Test
  void parsesVectorMatchingModifiers() {
    Binary b = (Binary) Parser.parse("a * on(job, instance) group_left(version) b");
    assertThat(b.matching().on()).isTrue();
    assertThat(b.matching().matchingLabels()).containsExactly("job", "instance");
    assertThat(b.matching().cardinality()).isEqualTo(Cardinality.MANY_TO_ONE);
    assertThat(b.matching().include()).containsExactly("version");
    Binary set = (Binary) Parser.parse("a unless ignoring(x) b");
    assertThat(set.matching().cardinality()).isEqualTo(Cardinality.MANY_TO_MANY);
  }

  @Test
  void parsesAggregationsWithGroupingBeforeOrAfter() {
    Aggregate before = (Aggregate) Parser.parse("sum by (job) (rate(x[5m]))");
    Aggregate after = (Aggregate) Parser.parse("sum(rate(x[5m])) by (job)");
    assertThat(before.grouping()).containsExactly("job");
    assertThat(after.grouping()).containsExactly("job");
    Aggregate topk = (Aggregate) Parser.parse("topk without (instance) (3, x)");
    assertThat(topk.op()).isEqualTo(AggregateOp.TOPK);
    assertThat(topk.without()).isTrue();
    assertThat(topk.param()).isEqualTo(new NumberLiteral(3, 25));
    Aggregate cv = (Aggregate) Parser.parse("count_values(\"value\", x)");
    assertThat(cv.param()).isInstanceOf(StringLiteral.class);
  }

  @Test
  void ignoresCommentsAndReadsNumberForms() {
    Binary b = (Binary) Parser.parse("0x1F + # a comment\n 1e3 - Inf + 5m");
    assertThat(((Binary) ((Binary) b.lhs()).lhs()).lhs()).isEqualTo(new NumberLiteral(31, 0));
    assertThat(b.rhs()).isEqualTo(new NumberLiteral(300, 32));
  }

  @Test
  void unescapesStrings() {
    assertThat(((StringLiteral) Parser.parse("\"a\\n\\\"b\\u00e9\"")).value()).isEqualTo("a\n\"bé");
    assertThat(((StringLiteral) Parser.parse("`raw\\n`")).value()).isEqualTo("raw\\n");
  }

  @Test
  void reportsUnexpectedTokenWithLineAndColumn() {
    assertThatThrownBy(() -> Parser.parse("sum(rate(x[5m]))\n  + )"))
        .isInstanceOf(ParseException.class)
        .hasMessage("2:5: parse error: unexpected \")\", expected expression")
        .satisfies(e -> assertThat(((ParseException) e).offset()).isEqualTo(21));
  }

  @Test
  void reportsMissingClosingBracket() {
    assertThatThrownBy(() -> Parser.parse("rate(x[5m)"))
        .hasMessage("1:10: parse error: unexpected \")\" in range selector, expected \"]\"");
  }

  @Test
  void checksFunctionArityAndArgumentTypes() {
    assertThatThrownBy(() -> Parser.parse("rate(x)"))
        .hasMessage("1:6: parse error: expected type range vector in call to function \"rate\", got instant vector");
    assertThatThrownBy(() -> Parser.parse("histogram_quantile(0.9)"))
        .hasMessage("1:1: parse error: expected 2 argument(s) in call to \"histogram_quantile\", got 1");
    assertThatThrownBy(() -> Parser.parse("no_such_fn(x)"))
        .hasMessage("1:1: parse error: unknown function with name \"no_such_fn\"");
  }

  @Test
  void enforcesPromqlTypeRules() {
    assertThatThrownBy(() -> Parser.parse("1 > 2")).hasMessageContaining("comparisons between scalars must use BOOL modifier");
    assertThatThrownBy(() -> Parser.parse("x and 1")).hasMessageContaining("set operator \"and\" not allowed in binary scalar expression");
    assertThatThrownBy(() -> Parser.parse("x + on(a) 1")).hasMessageContaining("vector matching only allowed between instant vectors");
    assertThatThrownBy(() -> Parser.parse("{a=~\".*\"}")).hasMessageContaining("vector selector must contain at least one non-empty matcher");
    assertThatThrownBy(() -> Parser.parse("(x + y)[5m]")).hasMessageContaining("ranges only allowed for vector selectors");
    assertThatThrownBy(() -> Parser.parse("x offset 1m offset 2m")).hasMessageContaining("offset may not be set multiple times");
    assertThatThrownBy(() -> Parser.parse("sum(x[5m])")).hasMessageContaining("expected type instant vector in aggregation expression, got range vector");
    assertThatThrownBy(() -> Parser.parse("x[1h5h]")).hasMessageContaining("bad duration syntax");
  }

  @Test
  void parsesDurationArithmeticInBrackets() {
    MatrixSelector ms = (MatrixSelector) Parser.parse("x[5m + step() * 2]");
    assertThat(ms.range().millis(15_000, 0)).isEqualTo(330_000L);
  }
}
