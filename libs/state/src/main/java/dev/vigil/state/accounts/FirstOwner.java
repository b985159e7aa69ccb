package dev.vigil.state.accounts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The installation's first user, owner of an organization: created once, while no user exists, by the
 * admin-token bootstrap endpoint or from query-service's environment on its first start.
 */
@ApplicationScoped
public class FirstOwner {

  /** The user and their ownership. */
  public record Created(Account account, Membership membership) {}

  @Inject Organizations organizations;

  /**
   * Checks what {@link #create} would refuse, without touching the database: fails with {@link
   * IllegalArgumentException} for an email that cannot be an address, {@link WeakPasswordException} for a
   * password outside the rules.
   */
  public static void requireValid(String email, String password) {
    Emails.normalise(email);
    Passwords.requireAcceptable(password);
  }

  /**
   * Creates the user and makes them owner of the organization (created when missing), in one transaction;
   * null when a user exists already. The transaction locks the users table against inserts before it
   * counts, so of several first starts (query-service replicas, or one racing the endpoint) exactly one
   * creates an owner and the others see that user and get null.
   */
  public Uni<Created> create(String email, String name, String password, String organizationSlug) {
    return Uni.createFrom()
        .deferred(
            () -> {
              String normalised = Emails.normalise(email);
              String displayName = Accounts.requireName(name);
              return Passwords.hash(password)
                  .chain(
                      hash ->
                          Panache.withTransaction(
                              () ->
                                  lockUsers()
                                      .chain(() -> UserEntity.count())
                                      .chain(
                                          users ->
                                              users > 0
                                                  ? Uni.createFrom().<Created>nullItem()
                                                  : Accounts.insert(normalised, displayName, hash)
                                                      .chain(account -> ownerOf(organizationSlug, account)))));
            });
  }

  private Uni<Created> ownerOf(String organizationSlug, Account account) {
    return organizations
        .createWithOwner(organizationSlug, organizationSlug, account.userId())
        .map(membership -> new Created(account, membership));
  }

  /** Blocks other inserts into users (and other first starts) until this transaction ends; reads go on. */
  private static Uni<Integer> lockUsers() {
    return Panache.getSession()
        .chain(s -> s.createNativeQuery("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE").executeUpdate());
  }
}
