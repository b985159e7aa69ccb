package dev.vigil.state.accounts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;

/** Invitations to an organization: a secret link valid for 7 days, used once. */
@ApplicationScoped
public class Invitations {

  static final Duration VALIDITY = Duration.ofDays(7);

  /** An accepted invitation: the organization it was for, and the account that joined it. */
  public record Accepted(long organizationId, Account account) {}

  /**
   * A new invitation; the secret goes into the link sent to the email. invitedByUserId is null when the
   * installation's administrator invites (the admin token is nobody's account).
   */
  public Uni<NewSecret> create(long organizationId, String email, Role role, Long invitedByUserId) {
    return Uni.createFrom()
        .deferred(
            () -> {
              String secret = Secrets.generate();
              InvitationEntity invitation = new InvitationEntity();
              invitation.organizationId = organizationId;
              invitation.email = Emails.normalise(email);
              invitation.role = role.wireName();
              invitation.secretHash = Secrets.hash(secret);
              invitation.invitedBy = invitedByUserId;
              invitation.createdAt = Instant.now();
              invitation.expiresAt = invitation.createdAt.plus(VALIDITY);
              return Panache.withTransaction(invitation::<InvitationEntity>persist)
                  .map(i -> new NewSecret(i.id, secret));
            });
  }

  /**
   * Accepts the invitation: creates the user (name and password required when the email is new) or adds
   * the existing user to the organization. Null when the invitation is unknown, used or expired.
   * An existing member keeps their role. A password that breaks the rules fails with
   * {@link WeakPasswordException} and leaves the invitation unused.
   */
  public Uni<Account> accept(String secret, String name, String password) {
    return acceptWithOrganization(secret, name, password).map(accepted -> accepted == null ? null : accepted.account());
  }

  /**
   * As {@link #accept}, and says which organization the invitation was for: the account of a user who was
   * already a member elsewhere lists several, and only this one should see the acceptance.
   */
  public Uni<Accepted> acceptWithOrganization(String secret, String name, String password) {
    if (!Secrets.wellFormed(secret)) {
      return Uni.createFrom().nullItem();
    }
    Instant now = Instant.now();
    return Panache.withTransaction(
        () ->
            // Locked so that two simultaneous uses of one link cannot both succeed.
            InvitationEntity.<InvitationEntity>find("secretHash", Secrets.hash(secret))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .chain(
                    invitation -> {
                      if (invitation == null || invitation.acceptedAt != null || !invitation.expiresAt.isAfter(now)) {
                        return Uni.createFrom().<Accepted>nullItem();
                      }
                      return Accounts.byEmail(invitation.email)
                          .chain(user -> user != null ? joinExisting(invitation, user) : joinNew(invitation, name, password))
                          .map(account -> {
                            if (account == null) {
                              return null;
                            }
                            invitation.acceptedAt = now; // flushed when the transaction commits
                            return new Accepted(invitation.organizationId, account);
                          });
                    }));
  }

  /** A disabled user cannot join (null); an existing member keeps their role. */
  private static Uni<Account> joinExisting(InvitationEntity invitation, UserEntity user) {
    if (!user.enabled()) {
      return Uni.createFrom().nullItem();
    }
    return MemberRows.insertIfAbsent(invitation.organizationId, user.id, Role.parse(invitation.role))
        .chain(() -> Accounts.load(user));
  }

  private static Uni<Account> joinNew(InvitationEntity invitation, String name, String password) {
    String displayName = Accounts.requireName(name);
    return Passwords.hash(password)
        .chain(hash -> Accounts.insert(invitation.email, displayName, hash))
        .call(account -> MemberRows.upsert(invitation.organizationId, account.userId(), Role.parse(invitation.role)))
        .chain(account -> UserEntity.<UserEntity>findById(account.userId()))
        .chain(Accounts::load);
  }
}
