package dev.vigil.query.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.query.rest.ApiException;
import org.junit.jupiter.api.Test;

class ListCursorTest {

  @Test
  void roundTripsAndOrdersAfterTheLastEntry() {
    ListCursor cursor = new ListCursor(IssueSort.EVENTS, 10, 42);
    ListCursor decoded = ListCursor.decode(cursor.encode(), IssueSort.EVENTS);
    assertThat(decoded).isEqualTo(cursor);
    assertThat(decoded.precedes(9, 99)).isTrue();
    assertThat(decoded.precedes(10, 41)).isTrue();
    assertThat(decoded.precedes(10, 42)).isFalse();
    assertThat(decoded.precedes(11, 1)).isFalse();
  }

  @Test
  void refusesCursorsOfAnotherSortOrGarbage() {
    String events = new ListCursor(IssueSort.EVENTS, 10, 42).encode();
    assertThatThrownBy(() -> ListCursor.decode(events, IssueSort.USERS)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> ListCursor.decode("%%%", IssueSort.USERS)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> ListCursor.decode("bGFzdFNlZW46eDox", IssueSort.LAST_SEEN)).isInstanceOf(ApiException.class);
    assertThat(ListCursor.decode(null, IssueSort.USERS)).isNull();
  }
}
