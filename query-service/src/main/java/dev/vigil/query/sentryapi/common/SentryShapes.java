package dev.vigil.query.sentryapi.common;

import dev.vigil.state.projects.OrganizationEntity;
import dev.vigil.state.projects.ProjectEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Organizations and projects in the shapes of Sentry's serializers, with links into Vigil's UI. */
@ApplicationScoped
public class SentryShapes {

  /** Sentry's organization summary: ids are strings, avatar and status objects are always present. */
  public record Organization(
      String id,
      String slug,
      String name,
      Instant dateCreated,
      Map<String, String> status,
      Map<String, Object> avatar,
      boolean isEarlyAdopter,
      boolean require2FA,
      List<String> features,
      Map<String, String> links) {}

  /** Sentry's project summary, with its organization as the cross-organization listing has it. */
  public record Project(
      String id,
      String slug,
      String name,
      String platform,
      Instant dateCreated,
      boolean isBookmarked,
      boolean isMember,
      boolean hasAccess,
      String status,
      List<String> features,
      Instant firstEvent,
      Organization organization) {}

  /** The few project fields Sentry nests in issues. */
  public record ProjectRef(String id, String name, String slug, String platform) {}

  private final String uiUrl;

  SentryShapes(@ConfigProperty(name = "vigil.ui.public-url", defaultValue = "http://localhost:8080") String uiUrl) {
    this.uiUrl = uiUrl.replaceAll("/+$", "");
  }

  public Organization organization(OrganizationEntity o) {
    String url = uiUrl + "/organizations/" + o.slug + "/";
    return new Organization(
        String.valueOf(o.id),
        o.slug,
        o.name,
        o.createdAt,
        Map.of("id", "active", "name", "active"),
        avatar(),
        false,
        false,
        List.of(),
        Map.of("organizationUrl", url, "regionUrl", uiUrl));
  }

  public Project project(ProjectEntity p) {
    return new Project(
        String.valueOf(p.id), p.slug, p.name, p.platform, p.createdAt, false, true, true, "active", List.of(), null,
        organization(p.organization));
  }

  public ProjectRef projectRef(ProjectEntity p) {
    return new ProjectRef(String.valueOf(p.id), p.name, p.slug, p.platform);
  }

  /** Where the issue is shown in the UI, as Sentry's {@code permalink}. */
  public String issuePermalink(ProjectEntity p, long issueId) {
    return uiUrl + "/organizations/" + p.organization.slug + "/issues/" + issueId + "/";
  }

  private static Map<String, Object> avatar() {
    HashMap<String, Object> avatar = new HashMap<>();
    avatar.put("avatarType", "letter_avatar");
    avatar.put("avatarUuid", null);
    return avatar;
  }
}
