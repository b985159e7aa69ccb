package dev.vigil.state.accounts;

import static dev.vigil.state.accounts.AccountsFixture.PASSWORD;
import static dev.vigil.state.accounts.AccountsFixture.await;
import static dev.vigil.state.accounts.AccountsFixture.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
class InvitationsTest {

  @Inject Invitations invitations;
  @Inject Accounts accounts;
  @Inject Organizations organizations;
  @Inject AccountsFixture fixture;

  @Test
  void aNewEmailBecomesAUserWithTheInvitedRole() {
    Account owner = fixture.user();
    Membership org = fixture.organizationOf(owner);
    String email = email();
    NewSecret invitation =
        await(() -> invitations.create(org.organizationId(), email.toUpperCase(Locale.ROOT), Role.MEMBER, owner.userId()));

    assertThat(invitation.secret()).matches("[0-9a-f]{64}");
    Row row = fixture.rows("SELECT * FROM invitations WHERE id = $1", invitation.id()).get(0);
    assertThat(row.getString("secret_hash")).isEqualTo(Secrets.hash(invitation.secret()));
    assertThat(row.getString("email")).isEqualTo(email);
    assertThat(Duration.between(row.getOffsetDateTime("created_at"), row.getOffsetDateTime("expires_at")))
        .isEqualTo(Duration.ofDays(7));
    assertThat(fixture.rows("SELECT id FROM invitations WHERE strpos(invitations::text, $1) > 0", invitation.secret()))
        .isEmpty();

    Account joined = await(() -> invitations.accept(invitation.secret(), "Grace", PASSWORD));
    assertThat(joined.email()).isEqualTo(email);
    assertThat(joined.name()).isEqualTo("Grace");
    assertThat(joined.memberships()).containsExactly(new Membership(org.organizationId(), org.organizationSlug(), Role.MEMBER));
    assertThat(await(() -> accounts.authenticate(email, PASSWORD)).userId()).isEqualTo(joined.userId());
  }

  @Test
  void anExistingUserJoinsWithoutANewPasswordAndAMemberKeepsTheirRole() {
    Account owner = fixture.user();
    Account existing = fixture.user();
    Membership org = fixture.organizationOf(owner);
    NewSecret toExisting = await(() -> invitations.create(org.organizationId(), existing.email(), Role.ADMIN, owner.userId()));
    NewSecret toOwner = await(() -> invitations.create(org.organizationId(), owner.email(), Role.VIEWER, owner.userId()));

    Account joined = await(() -> invitations.accept(toExisting.secret(), null, null));
    assertThat(joined.userId()).isEqualTo(existing.userId());
    assertThat(joined.memberships()).extracting(Membership::role).containsExactly(Role.ADMIN);
    assertThat(await(() -> accounts.authenticate(existing.email(), PASSWORD))).isNotNull();

    assertThat(await(() -> invitations.accept(toOwner.secret(), null, null)).memberships())
        .extracting(Membership::role)
        .containsExactly(Role.OWNER);
  }

  @Test
  void anAcceptedInvitationSaysWhichOrganizationItWasFor() {
    Account user = fixture.user();
    Membership elsewhere = fixture.organizationOf(user);
    Account owner = fixture.user();
    Membership org = fixture.organizationOf(owner);
    NewSecret invitation = await(() -> invitations.create(org.organizationId(), user.email(), Role.MEMBER, owner.userId()));

    Invitations.Accepted accepted = await(() -> invitations.acceptWithOrganization(invitation.secret(), null, null));

    assertThat(accepted.organizationId()).isEqualTo(org.organizationId());
    assertThat(accepted.account().memberships())
        .extracting(Membership::organizationId)
        .containsExactlyInAnyOrder(elsewhere.organizationId(), org.organizationId());
    assertThat(await(() -> invitations.acceptWithOrganization(invitation.secret(), null, null))).isNull();
  }

  @Test
  void aLinkWorksOnceAndNotAfterSevenDays() {
    Account owner = fixture.user();
    Membership org = fixture.organizationOf(owner);
    NewSecret used = await(() -> invitations.create(org.organizationId(), email(), Role.MEMBER, owner.userId()));
    NewSecret expired = await(() -> invitations.create(org.organizationId(), email(), Role.MEMBER, owner.userId()));

    assertThat(await(() -> invitations.accept(used.secret(), "Grace", PASSWORD))).isNotNull();
    assertThat(await(() -> invitations.accept(used.secret(), "Grace", PASSWORD))).isNull();
    OffsetDateTime acceptedAt = fixture.rows("SELECT accepted_at FROM invitations WHERE id = $1", used.id()).get(0).getOffsetDateTime(0);
    assertThat(acceptedAt).isNotNull();

    fixture.update("UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1", expired.id());
    assertThat(await(() -> invitations.accept(expired.secret(), "Grace", PASSWORD))).isNull();
    assertThat(await(() -> invitations.accept(Secrets.generate(), "Grace", PASSWORD))).isNull();
    assertThat(await(() -> invitations.accept("not a secret", "Grace", PASSWORD))).isNull();
  }

  @Test
  void aWeakPasswordLeavesTheInvitationUnused() {
    Account owner = fixture.user();
    Membership org = fixture.organizationOf(owner);
    String email = email();
    NewSecret invitation = await(() -> invitations.create(org.organizationId(), email, Role.VIEWER, owner.userId()));

    assertThatThrownBy(() -> await(() -> invitations.accept(invitation.secret(), "Grace", "short")))
        .isInstanceOf(WeakPasswordException.class);
    assertThatThrownBy(() -> await(() -> invitations.accept(invitation.secret(), " ", PASSWORD)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(fixture.rows("SELECT id FROM users WHERE email = $1", email)).isEmpty();

    assertThat(await(() -> invitations.accept(invitation.secret(), "Grace", PASSWORD)).memberships())
        .extracting(Membership::role)
        .containsExactly(Role.VIEWER);
  }
}
