package dev.vigil.state.accounts;

import static dev.vigil.state.accounts.AccountsFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
class AuditLogTest {

  @Inject AuditLog auditLog;
  @Inject AccountsFixture fixture;

  @Test
  void listsAnOrganizationsEntriesNewestFirst() {
    Account owner = fixture.user();
    long org = fixture.organizationOf(owner).organizationId();
    long otherOrg = fixture.organizationOf(owner).organizationId();
    Instant before = Instant.now().minus(1, ChronoUnit.SECONDS);

    record(org, owner.userId(), "member.add", Map.of("role", "admin", "email", "a\"b@example.com"));
    record(org, null, "token.create", Map.of());
    record(otherOrg, owner.userId(), "member.remove", Map.of());
    record(org, owner.userId(), "member.role", null);

    assertThat(await(() -> auditLog.list(org, 10)))
        .extracting(AuditLog.Entry::action)
        .containsExactly("member.role", "token.create", "member.add");
    assertThat(await(() -> auditLog.list(org, 2)))
        .extracting(AuditLog.Entry::action)
        .containsExactly("member.role", "token.create");

    AuditLog.Entry added = await(() -> auditLog.list(org, 10)).get(2);
    assertThat(added.organizationId()).isEqualTo(org);
    assertThat(added.actorUserId()).isEqualTo(owner.userId());
    assertThat(added.actorTokenId()).isEqualTo(7L);
    assertThat(added.targetType()).isEqualTo("user");
    assertThat(added.targetId()).isEqualTo("42");
    assertThat(added.clientIp()).isEqualTo("198.51.100.4");
    assertThat(added.detail()).isEqualTo(Map.of("role", "admin", "email", "a\"b@example.com"));
    assertThat(added.at()).isAfter(before);
    assertThat(fixture.rows("SELECT detail->>'role' FROM audit_log WHERE organization_id = $1 AND action = 'member.add'", org)
            .get(0).getString(0))
        .isEqualTo("admin");
  }

  private void record(long org, Long actor, String action, Map<String, String> detail) {
    await(() -> auditLog.record(new AuditLog.Entry(org, actor, 7L, action, "user", "42", detail, "198.51.100.4", null)));
  }
}
