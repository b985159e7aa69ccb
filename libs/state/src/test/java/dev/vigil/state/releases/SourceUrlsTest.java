package dev.vigil.state.releases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceUrlsTest {

  @Test
  void triesTheExactUrlThenWithoutQueryThenHostRelativeAsSentryCliUploads() {
    assertThat(SourceUrls.candidates("https://cdn.example.com/static/app.min.js?v=3"))
        .containsExactly("https://cdn.example.com/static/app.min.js?v=3", "https://cdn.example.com/static/app.min.js", "~/static/app.min.js");
    assertThat(SourceUrls.candidates("app:///dist/main.js")).containsExactly("app:///dist/main.js", "~/dist/main.js");
  }

  @Test
  void aPlainFilePathIsOnlyMatchedAsItIs() {
    assertThat(SourceUrls.candidates("/srv/app/main.js")).containsExactly("/srv/app/main.js");
  }

  @Test
  void debugIdsAreComparedInOneSpelling() {
    assertThat(DebugIds.normalize("78692A04ADC1510BAEBE002839A64BF6")).isEqualTo("78692a04-adc1-510b-aebe-002839a64bf6");
  }
}
