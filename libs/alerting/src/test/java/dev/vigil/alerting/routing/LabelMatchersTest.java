package dev.vigil.alerting.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelMatchersTest {

  @Test
  void parsesAllFourOperators() {
    assertThat(LabelMatchers.parse("{a=\"b\", c!=\"d\", e=~\"f|g\", h!~\"i\"}"))
        .containsExactly(
            new LabelMatcher("a", MatchType.EQ, "b"),
            new LabelMatcher("c", MatchType.NEQ, "d"),
            new LabelMatcher("e", MatchType.RE, "f|g"),
            new LabelMatcher("h", MatchType.NRE, "i"));
  }

  @Test
  void bracesAreOptionalAndValuesMayBeUnquotedAsInAmtool() {
    List<LabelMatcher> expected =
        List.of(
            new LabelMatcher("severity", MatchType.EQ, "critical"),
            new LabelMatcher("team", MatchType.RE, "db|api.*"));
    assertThat(LabelMatchers.parse("severity=critical, team=~db|api.*")).isEqualTo(expected);
    assertThat(LabelMatchers.parse("  { severity = critical ,team=~'db|api.*', }  "))
        .isEqualTo(expected);
    assertThat(LabelMatchers.parse("team=")).containsExactly(LabelMatcher.eq("team", ""));
  }

  @Test
  void blankTextIsNoMatchers() {
    assertThat(LabelMatchers.parse("")).isEmpty();
    assertThat(LabelMatchers.parse("  ")).isEmpty();
    assertThat(LabelMatchers.parse("{}")).isEmpty();
    assertThat(LabelMatchers.parse(null)).isEmpty();
  }

  @Test
  void quotedValuesTakeGoEscapes() {
    assertThat(LabelMatchers.parse("{a=\"say \\\"hi\\\"\\n\\\\\\u00e9\\x41\"}"))
        .containsExactly(LabelMatcher.eq("a", "say \"hi\"\n\\éA"));
    assertThat(LabelMatchers.parse("{a='it\\'s'}")).containsExactly(LabelMatcher.eq("a", "it's"));
    assertThat(LabelMatchers.parse("{path=~`C:\\\\d+`}"))
        .containsExactly(new LabelMatcher("path", MatchType.RE, "C:\\\\d+"));
  }

  @Test
  void labelNamesMayBeQuoted() {
    assertThat(LabelMatchers.parse("{\"service.name\"=\"api\"}"))
        .containsExactly(LabelMatcher.eq("service.name", "api"));
    assertThat(LabelMatcher.eq("service.name", "api")).hasToString("\"service.name\"=\"api\"");
  }

  @Test
  void rendersWhatItParsesBack() {
    List<LabelMatcher> matchers =
        List.of(
            LabelMatcher.eq("alertname", "Disk \"full\"\n"),
            new LabelMatcher("team", MatchType.RE, "a|b\\.c"),
            new LabelMatcher("env", MatchType.NEQ, ""),
            new LabelMatcher("odd name", MatchType.NRE, "x"));
    String text = LabelMatchers.render(matchers);
    assertThat(text)
        .isEqualTo("{alertname=\"Disk \\\"full\\\"\\n\",team=~\"a|b\\\\.c\",env!=\"\",\"odd name\"!~\"x\"}");
    assertThat(LabelMatchers.parse(text)).isEqualTo(matchers);
    assertThat(LabelMatchers.render(List.of())).isEmpty();
  }

  @Test
  void regularExpressionsMustMatchTheWholeValue() {
    LabelMatcher crit = LabelMatchers.parse("severity=~\"crit\"").get(0);
    assertThat(crit.matches("crit")).isTrue();
    assertThat(crit.matches("critical")).isFalse();
    assertThat(crit.matches("supercrit")).isFalse();

    LabelMatcher alternatives = LabelMatchers.parse("team=~\"a|b\"").get(0);
    assertThat(alternatives.matches("a")).isTrue();
    assertThat(alternatives.matches("b")).isTrue();
    assertThat(alternatives.matches("ab")).isFalse();

    LabelMatcher notApi = LabelMatchers.parse("job!~\"api.*\"").get(0);
    assertThat(notApi.matches("api-gateway")).isFalse();
    assertThat(notApi.matches("web-api")).isTrue();

    // . matches newlines, as in Prometheus's (?s) anchored expressions
    assertThat(LabelMatchers.parse("summary=~\"a.*b\"").get(0).matches("a\nb")).isTrue();
  }

  @Test
  void aMissingLabelMatchesAsTheEmptyString() {
    Map<String, String> labels = Map.of("alertname", "X");
    assertThat(LabelMatchers.matchAll(LabelMatchers.parse("{team=\"\"}"), labels)).isTrue();
    assertThat(LabelMatchers.matchAll(LabelMatchers.parse("{team!=\"\"}"), labels)).isFalse();
    assertThat(LabelMatchers.matchAll(LabelMatchers.parse("{team=~\".*\"}"), labels)).isTrue();
    assertThat(LabelMatchers.matchAll(LabelMatchers.parse("{team=~\".+\"}"), labels)).isFalse();
    assertThat(LabelMatchers.matchAll(LabelMatchers.parse("{team!=\"db\"}"), labels)).isTrue();
  }

  @Test
  void everyMatcherMustMatch() {
    List<LabelMatcher> matchers = LabelMatchers.parse("{severity=\"critical\",team=~\"a|b\"}");
    assertThat(LabelMatchers.matchAll(matchers, Map.of("severity", "critical", "team", "a"))).isTrue();
    assertThat(LabelMatchers.matchAll(matchers, Map.of("severity", "critical", "team", "c"))).isFalse();
    assertThat(LabelMatchers.matchAll(matchers, Map.of("team", "a"))).isFalse();
    assertThat(LabelMatchers.matchAll(List.of(), Map.of("team", "a"))).isTrue();
  }

  @Test
  void errorsNameTheColumnAndWhatWasExpected() {
    assertError("{severity<\"x\"}", 9,
        "bad matchers at column 10: expected '=', '!=', '=~' or '!~' after label name \"severity\", found '<'");
    assertError("{a=\"b\"", 6, "bad matchers at column 7: missing closing '}'");
    assertError("{a=\"b}", 3, "bad matchers at column 4: unterminated quoted string");
    assertError("a=\"b\"}", 5, "bad matchers at column 6: unexpected '}' without an opening '{'");
    assertError("{a=\"b\"} x", 8, "bad matchers at column 9: unexpected 'x' after the closing '}'");
    assertError("{=\"b\"}", 1, "bad matchers at column 2: expected a label name, found '='");
    assertError("{a=\"b\",,c=\"d\"}", 7, "bad matchers at column 8: expected a label name, found ','");
    assertError("{a=\"\\q\"}", 4, "bad matchers at column 5: unknown escape sequence '\\q'");
    assertError("alertname=Disk full", 15,
        "bad matchers at column 16: expected ',' or '}' after a matcher, found 'f'"
            + " (quote values that contain spaces or {}\"'`)");
  }

  @Test
  void invalidRegularExpressionIsReportedAtItsValue() {
    assertThatThrownBy(() -> LabelMatchers.parse("{job=\"x\", team=~\"a(b\"}"))
        .isInstanceOfSatisfying(MatcherParseException.class, e -> {
          assertThat(e.position()).isEqualTo(16);
          assertThat(e.detail()).startsWith("invalid regular expression \"a(b\": ");
        });
    assertThatThrownBy(() -> new LabelMatcher("team", MatchType.NRE, "*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid regular expression \"*\"");
  }

  private static void assertError(String text, int position, String message) {
    assertThatThrownBy(() -> LabelMatchers.parse(text))
        .isInstanceOfSatisfying(MatcherParseException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(message);
          assertThat(e.position()).isEqualTo(position);
          assertThat(e.input()).isEqualTo(text);
        });
  }
}
