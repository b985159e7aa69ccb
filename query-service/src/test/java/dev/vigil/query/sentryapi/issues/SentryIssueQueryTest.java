package dev.vigil.query.sentryapi.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.query.rest.ApiException;
import org.junit.jupiter.api.Test;

class SentryIssueQueryTest {

  @Test
  void splitsStatusFiltersAndText() {
    SentryIssueQuery q = SentryIssueQuery.parse("is:unresolved environment:\"prod eu\" level:error read timed out");
    assertThat(q.statuses()).containsExactly("unresolved");
    assertThat(q.environment()).isEqualTo("prod eu");
    assertThat(q.level()).isEqualTo("error");
    assertThat(q.text()).isEqualTo("read timed out");
  }

  @Test
  void absentQueryMeansUnresolvedAndAQueryWithoutIsMeansEveryStatus() {
    assertThat(SentryIssueQuery.parse(null).statuses()).containsExactly("unresolved");
    assertThat(SentryIssueQuery.parse("timeout").statuses()).isNull();
    assertThat(SentryIssueQuery.parse("is:resolved").statuses()).containsExactlyInAnyOrder("resolved", "resolvedInNextRelease");
  }

  @Test
  void refusesKeysItCannotSearchRatherThanIgnoringThem() {
    assertThatThrownBy(() -> SentryIssueQuery.parse("is:unresolved assigned:me")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> SentryIssueQuery.parse("is:for_review")).isInstanceOf(ApiException.class);
  }

  @Test
  void readsTheFirstReleaseInVigilsAndSentrysSpelling() {
    assertThat(SentryIssueQuery.parse("firstRelease:web@1.2.0 is:unresolved").firstRelease()).isEqualTo("web@1.2.0");
    SentryIssueQuery sentry = SentryIssueQuery.parse("first-release:\"web@1.2.0 beta\" timeout");
    assertThat(sentry.firstRelease()).isEqualTo("web@1.2.0 beta");
    assertThat(sentry.release()).isNull();
    assertThat(sentry.text()).isEqualTo("timeout");
    assertThat(SentryIssueQuery.parse("release:web@1.2.0").firstRelease()).isNull();
  }
}
