package dev.vigil.state.accounts;

import static dev.vigil.state.accounts.AccountsFixture.await;
import static dev.vigil.state.accounts.AccountsFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.state.projects.ProjectEntity;
import dev.vigil.state.projects.Projects;
import dev.vigil.testsupport.PostgresStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresStack.class)
class OrganizationsTest {

  @Inject Organizations organizations;
  @Inject Accounts accounts;
  @Inject Projects projects;
  @Inject Sessions sessions;
  @Inject AccountsFixture fixture;

  @Test
  void createsAnOrganizationOnceAndMakesEachCreatorAnOwner() {
    Account first = fixture.user();
    Account second = fixture.user();
    String slug = unique("acme");

    Membership created = await(() -> organizations.createWithOwner(slug, "Acme", first.userId()));
    Membership again = await(() -> organizations.createWithOwner(slug, "Other name", second.userId()));

    assertThat(again.organizationId()).isEqualTo(created.organizationId());
    assertThat(created).isEqualTo(new Membership(created.organizationId(), slug, Role.OWNER));
    assertThat(await(() -> organizations.members(created.organizationId())))
        .extracting(Organizations.Member::userId, Organizations.Member::role)
        .containsExactlyInAnyOrder(
            tuple(first.userId(), Role.OWNER),
            tuple(second.userId(), Role.OWNER));
    assertThat(fixture.rows("SELECT name FROM organizations WHERE id = $1", created.organizationId()).get(0).getString(0))
        .isEqualTo("Acme");
  }

  @Test
  void neverLeavesAnOrganizationWithoutAnOwner() {
    Account owner = fixture.user();
    Account other = fixture.user();
    long org = fixture.organizationOf(owner).organizationId();

    assertThatThrownBy(() -> await(() -> organizations.setRole(org, owner.userId(), Role.ADMIN)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("owner");
    assertThatThrownBy(() -> await(() -> organizations.removeMember(org, owner.userId())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("owner");
    assertThat(roleOf(org, owner)).isEqualTo(Role.OWNER);

    // With a second owner, the first may step down and then leave.
    await(() -> organizations.setRole(org, other.userId(), Role.OWNER));
    assertThat(await(() -> organizations.setRole(org, owner.userId(), Role.ADMIN)).role()).isEqualTo(Role.ADMIN);
    assertThat(await(() -> organizations.removeMember(org, owner.userId()))).isTrue();
    assertThat(await(() -> organizations.members(org))).extracting(Organizations.Member::userId).containsExactly(other.userId());
    assertThatThrownBy(() -> await(() -> organizations.removeMember(org, other.userId())))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void addsChangesAndRemovesMembers() {
    Account owner = fixture.user();
    Account user = fixture.user();
    Membership org = fixture.organizationOf(owner);

    Membership added = await(() -> organizations.setRole(org.organizationId(), user.userId(), Role.VIEWER));
    assertThat(added).isEqualTo(new Membership(org.organizationId(), org.organizationSlug(), Role.VIEWER));
    assertThat(await(() -> accounts.find(user.userId())).memberships()).containsExactly(added);

    await(() -> organizations.setRole(org.organizationId(), user.userId(), Role.ADMIN));
    assertThat(roleOf(org.organizationId(), user)).isEqualTo(Role.ADMIN);

    assertThat(await(() -> organizations.removeMember(org.organizationId(), user.userId()))).isTrue();
    assertThat(await(() -> organizations.removeMember(org.organizationId(), user.userId()))).isFalse();
    assertThat(await(() -> accounts.find(user.userId())).memberships()).isEmpty();
    assertThatThrownBy(() -> await(() -> organizations.setRole(org.organizationId(), -1, Role.MEMBER)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> await(() -> organizations.setRole(-1, user.userId(), Role.MEMBER)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void removalEndsTheUsersSessionsOnlyWhenNoOrganizationIsLeft() {
    Account user = fixture.user();
    Membership first = fixture.organizationOf(fixture.user());
    Membership second = fixture.organizationOf(fixture.user());
    await(() -> organizations.setRole(first.organizationId(), user.userId(), Role.MEMBER));
    await(() -> organizations.setRole(second.organizationId(), user.userId(), Role.VIEWER));
    NewSecret session = await(() -> sessions.create(user.userId(), null, null));

    await(() -> organizations.removeMember(first.organizationId(), user.userId()));
    assertThat(await(() -> sessions.resolve(session.secret()))).as("still in the second organization").isNotNull();

    await(() -> organizations.removeMember(second.organizationId(), user.userId()));
    assertThat(await(() -> sessions.resolve(session.secret()))).as("in no organization").isNull();
  }

  @Test
  void scopesProjectIdsToTheGivenOrganizations() {
    Account owner = fixture.user();
    Membership a = fixture.organizationOf(owner);
    Membership b = fixture.organizationOf(owner);
    Membership empty = fixture.organizationOf(owner);
    long a1 = project(a).id;
    long a2 = project(a).id;
    long b1 = project(b).id;

    assertThat(await(() -> organizations.projectIds(List.of(a.organizationId())))).containsExactly(a1, a2);
    assertThat(await(() -> organizations.projectIds(List.of(b.organizationId(), a.organizationId()))))
        .containsExactly(a1, a2, b1);
    assertThat(await(() -> organizations.projectIds(List.of(empty.organizationId())))).isEmpty();
    assertThat(await(() -> organizations.projectIds(List.of()))).isEmpty();
  }

  @Test
  void teamsHaveMembersOfTheirOrganizationAndOwnItsProjects() {
    Account owner = fixture.user();
    Account member = fixture.user();
    Account outsider = fixture.user();
    Membership org = fixture.organizationOf(owner);
    Membership otherOrg = fixture.organizationOf(outsider);
    await(() -> organizations.setRole(org.organizationId(), member.userId(), Role.MEMBER));
    long project = project(org).id;
    long foreignProject = project(otherOrg).id;

    Organizations.Team backend = await(() -> organizations.createTeam(org.organizationId(), "backend", "Backend"));
    Organizations.Team web = await(() -> organizations.createTeam(org.organizationId(), "web", "Web"));
    assertThat(backend.memberIds()).isEmpty();
    assertThatThrownBy(() -> await(() -> organizations.createTeam(org.organizationId(), "backend", "Again")))
        .isInstanceOf(IllegalStateException.class);

    await(() -> organizations.addTeamMember(backend.id(), member.userId()));
    await(() -> organizations.addTeamMember(backend.id(), member.userId()));
    await(() -> organizations.addTeamMember(backend.id(), owner.userId()));
    await(() -> organizations.assignProject(backend.id(), project));
    assertThatThrownBy(() -> await(() -> organizations.addTeamMember(backend.id(), outsider.userId())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> await(() -> organizations.assignProject(backend.id(), foreignProject)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different organizations");

    assertThat(await(() -> organizations.teams(org.organizationId())))
        .containsExactly(
            new Organizations.Team(backend.id(), org.organizationId(), "backend", "Backend",
                List.of(Math.min(owner.userId(), member.userId()), Math.max(owner.userId(), member.userId())),
                List.of(project)),
            new Organizations.Team(web.id(), org.organizationId(), "web", "Web", List.of(), List.of()));

    // Moving the project to another team; a member who leaves the organization leaves its teams.
    await(() -> organizations.assignProject(web.id(), project));
    await(() -> organizations.removeMember(org.organizationId(), member.userId()));
    assertThat(await(() -> organizations.teams(org.organizationId())))
        .extracting(Organizations.Team::memberIds, Organizations.Team::projectIds)
        .containsExactly(
            tuple(List.of(owner.userId()), List.of()),
            tuple(List.of(), List.of(project)));
    assertThat(await(() -> organizations.teams(otherOrg.organizationId()))).isEmpty();
  }

  private Role roleOf(long organizationId, Account user) {
    return await(() -> organizations.members(organizationId)).stream()
        .filter(m -> m.userId() == user.userId())
        .map(Organizations.Member::role)
        .findFirst()
        .orElse(null);
  }

  private ProjectEntity project(Membership org) {
    return await(() -> projects.create(org.organizationSlug(), unique("p"), "Project", "python"));
  }
}
