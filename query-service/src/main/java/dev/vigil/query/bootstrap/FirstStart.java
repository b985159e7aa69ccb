package dev.vigil.query.bootstrap;

import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.AuditLog;
import dev.vigil.state.accounts.FirstOwner;
import dev.vigil.state.projects.ProjectEntity;
import dev.vigil.state.projects.Projects;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Creates the first owner and a project from the environment when query-service starts ({@link
 * BootstrapConfig}): what {@code ./vigil up} does through the API, for installations without a shell.
 * Idempotent and never overwriting: the owner only while no user exists, the project only while it does not
 * exist. Several replicas may start at once: the database's locks and unique constraints let one create,
 * and a replica that lost the race checks again and finds the result instead of failing.
 */
@ApplicationScoped
class FirstStart {

  static final String ORGANIZATION = "default";

  private static final Logger LOG = Logger.getLogger(FirstStart.class);
  private static final int ATTEMPTS = 3;

  private final Accounts accounts;
  private final FirstOwner firstOwner;
  private final Projects projects;
  private final AuditLog audit;

  FirstStart(Accounts accounts, FirstOwner firstOwner, Projects projects, AuditLog audit) {
    this.accounts = accounts;
    this.firstOwner = firstOwner;
    this.projects = projects;
    this.audit = audit;
  }

  void onStart(@Observes StartupEvent start, BootstrapConfig config) {
    apply(FirstStartSettings.of(config));
  }

  /** Creates what the settings ask for and does not exist yet. */
  void apply(FirstStartSettings settings) {
    settings.owner().ifPresent(o -> LOG.info("first start: " + attempt("the first owner", () -> owner(o))));
    settings.project().ifPresent(p -> LOG.info("first start: " + attempt("project " + p.slug(), () -> project(p))));
  }

  private String owner(FirstStartSettings.Owner owner) {
    if (await(accounts::anyUser)) {
      return "users exist, no owner created from VIGIL_BOOTSTRAP_OWNER_EMAIL";
    }
    FirstOwner.Created created =
        await(() -> firstOwner.create(owner.email(), owner.email(), owner.password(), ORGANIZATION));
    if (created == null) {
      return "another instance created the first user a moment ago, no owner created";
    }
    await(
        () ->
            audit.record(
                new AuditLog.Entry(
                    created.membership().organizationId(), null, null, "owner.bootstrap", "user",
                    String.valueOf(created.account().userId()),
                    Map.of("email", created.account().email(), "source", "environment"), null, null)));
    return "created " + created.account().email() + " as owner of organization " + ORGANIZATION;
  }

  private String project(FirstStartSettings.Project wanted) {
    ProjectEntity existing = find(wanted.slug());
    if (existing != null) {
      return "project " + ORGANIZATION + "/" + wanted.slug() + " exists (id " + existing.id + "), left unchanged";
    }
    try {
      ProjectEntity created =
          await(() -> projects.create(ORGANIZATION, wanted.slug(), wanted.slug(), "other", wanted.publicKey()));
      return "created project " + ORGANIZATION + "/" + wanted.slug() + " (id " + created.id + ")"
          + (wanted.publicKey() == null ? " with a random DSN key" : " with the DSN key from VIGIL_BOOTSTRAP_PROJECT_KEY");
    } catch (RuntimeException e) {
      if (wanted.publicKey() != null && find(wanted.slug()) == null && mentions(e, "public_key")) {
        throw FirstStartSettings.refused(
            "VIGIL_BOOTSTRAP_PROJECT_KEY is already the DSN key of another project: choose another key, or unset it");
      }
      throw e;
    }
  }

  private ProjectEntity find(String slug) {
    return await(projects::list).stream()
        .filter(p -> p.slug.equals(slug) && p.organization.slug.equals(ORGANIZATION))
        .findFirst()
        .orElse(null);
  }

  /**
   * Runs a step, again after a failure (a replica starting at the same moment may have won a unique
   * constraint; the step then finds its result); fails start-up after the last attempt.
   */
  private static String attempt(String what, Callable<String> step) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return step.call();
      } catch (FirstStartSettings.Refused e) {
        throw e; // a configuration error: retrying cannot help
      } catch (Exception e) {
        last = e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
      LOG.debugf(last, "first start: creating %s failed (attempt %d of %d)", what, attempt, ATTEMPTS);
      sleep(200L * attempt);
    }
    throw new IllegalStateException("first start: could not create " + what + ": " + last.getMessage(), last);
  }

  private static boolean mentions(Throwable failure, String text) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(text)) {
        return true;
      }
    }
    return false;
  }

  /** Hibernate Reactive needs a Vert.x context; start-up runs on the main thread, so wait here. */
  private static <T> T await(Supplier<Uni<T>> work) {
    try {
      return VertxContextSupport.subscribeAndAwait(work);
    } catch (RuntimeException e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
