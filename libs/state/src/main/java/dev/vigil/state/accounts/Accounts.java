package dev.vigil.state.accounts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Users: creation, password login and change. Passwords are stored only as bcrypt hashes. */
@ApplicationScoped
public class Accounts {

  /** Creates a user with a password; fails with {@link EmailTakenException} or {@link WeakPasswordException}. */
  public Uni<Account> create(String email, String name, String password) {
    return Uni.createFrom()
        .deferred(
            () -> {
              String normalised = Emails.normalise(email);
              String displayName = requireName(name);
              return Passwords.hash(password)
                  .chain(hash -> Panache.withTransaction(() -> insert(normalised, displayName, hash)));
            });
  }

  /** The user with their memberships, or null when there is none or it is disabled. */
  public Uni<Account> find(long userId) {
    return Panache.withSession(() -> UserEntity.<UserEntity>findById(userId).chain(Accounts::load));
  }

  /** The enabled user with this email and their memberships, or null (a login that failed names only an email). */
  public Uni<Account> findByEmail(String email) {
    String normalised = Emails.normaliseForLookup(email);
    return Panache.withSession(() -> byEmail(normalised).chain(Accounts::load));
  }

  /** The user when the password matches, else null (same work either way: no user enumeration by timing). */
  public Uni<Account> authenticate(String email, String password) {
    String normalised = Emails.normaliseForLookup(email);
    return Panache.withSession(() -> byEmail(normalised))
        .chain(
            user -> {
              String hash = user != null && user.enabled() ? user.passwordHash : null;
              return Passwords.matches(password, hash)
                  .chain(matched -> matched ? find(user.id) : Uni.createFrom().nullItem());
            });
  }

  /** Replaces the password when the current one matches; false when it does not. */
  public Uni<Boolean> changePassword(long userId, String currentPassword, String newPassword) {
    return Uni.createFrom()
        .deferred(
            () -> {
              Passwords.requireAcceptable(newPassword);
              return Panache.withSession(() -> UserEntity.<UserEntity>findById(userId));
            })
        .chain(
            user -> {
              String hash = user != null && user.enabled() ? user.passwordHash : null;
              return Passwords.matches(currentPassword, hash);
            })
        .chain(
            matched ->
                !matched
                    ? Uni.createFrom().item(false)
                    : Passwords.hash(newPassword)
                        .chain(
                            hash ->
                                Panache.withTransaction(
                                    () -> UserEntity.update("passwordHash = ?1 where id = ?2", hash, userId)))
                        .map(updated -> updated > 0));
  }

  /** Whether any user exists (the first start creates an owner when none does). */
  public Uni<Boolean> anyUser() {
    return Panache.withSession(() -> UserEntity.count()).map(count -> count > 0);
  }

  /** The user with this (normalised) email, disabled or not, or null; must run inside a session. */
  static Uni<UserEntity> byEmail(String normalisedEmail) {
    return UserEntity.<UserEntity>find("lower(email) = ?1", normalisedEmail).firstResult();
  }

  /** The account of an enabled user, or null; must run inside a session. */
  static Uni<Account> load(UserEntity user) {
    if (user == null || !user.enabled()) {
      return Uni.createFrom().nullItem();
    }
    return MemberRows.ofUser(user.id).map(memberships -> new Account(user.id, user.email, user.name, memberships));
  }

  /** Inserts a user; must run inside a transaction. */
  static Uni<Account> insert(String normalisedEmail, String name, String passwordHash) {
    return byEmail(normalisedEmail)
        .chain(
            existing -> {
              if (existing != null) {
                return Uni.createFrom().failure(new EmailTakenException(normalisedEmail));
              }
              UserEntity user = new UserEntity();
              user.email = normalisedEmail;
              user.name = name;
              user.passwordHash = passwordHash;
              return user.<UserEntity>persist();
            })
        .map(user -> new Account(user.id, user.email, user.name, List.of()))
        // Two concurrent sign-ups with one email: the unique index decides, the loser sees the same error.
        .onFailure(Accounts::violatesUniqueEmail)
        .transform(e -> new EmailTakenException(normalisedEmail));
  }

  static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a name is required");
    }
    return name.trim();
  }

  private static boolean violatesUniqueEmail(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("users_email")) {
        return true;
      }
    }
    return false;
  }
}
