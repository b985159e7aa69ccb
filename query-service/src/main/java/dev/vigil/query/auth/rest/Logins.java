package dev.vigil.query.auth.rest;

import dev.vigil.query.auth.AuditTrail;
import dev.vigil.query.auth.CurrentCaller;
import dev.vigil.query.auth.SessionCookie;
import dev.vigil.query.rest.ApiException;
import dev.vigil.state.accounts.Account;
import dev.vigil.state.accounts.Accounts;
import dev.vigil.state.accounts.LoginThrottle;
import dev.vigil.state.accounts.Membership;
import dev.vigil.state.accounts.Sessions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/** Password checks behind the login throttle, and the start of a login session. */
@ApplicationScoped
class Logins {

  private static final Logger LOG = Logger.getLogger(Logins.class);

  /** Failed logins naming no account since start: they belong to no organization's audit log. */
  private final AtomicLong unknownEmailFailures = new AtomicLong();

  private final Accounts accounts;
  private final LoginThrottle throttle;
  private final Sessions sessions;
  private final CurrentCaller current;
  private final AuditTrail audit;

  Logins(Accounts accounts, LoginThrottle throttle, Sessions sessions, CurrentCaller current, AuditTrail audit) {
    this.accounts = accounts;
    this.throttle = throttle;
    this.sessions = sessions;
    this.current = current;
    this.audit = audit;
  }

  /**
   * The account when the password matches, else null; 429 while the email or address is locked out.
   * Every failure counts towards the lockout and is audited.
   */
  Uni<Account> authenticate(String email, String password) {
    return unlocked(email)
        .chain(() -> accounts.authenticate(email, password))
        .call(a -> attempted(email, a != null))
        .call(a -> a == null ? recordFailure(email) : Uni.createFrom().voidItem());
  }

  /**
   * A failed login lands in the audit log of every organization the email's user belongs to. An email
   * with no (enabled) account has no organization: it is only counted in the log, without the email,
   * which is sometimes a mistyped password.
   */
  private Uni<Void> recordFailure(String email) {
    return accounts
        .findByEmail(email)
        .chain(
            account -> {
              if (account == null) {
                LOG.infof(
                    "failed login for an email without an account from %s (%d since start)",
                    current.clientIp(), unknownEmailFailures.incrementAndGet());
                return Uni.createFrom().voidItem();
              }
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (Membership m : account.memberships()) {
                chain = chain.call(() -> audit.recordAbout(m.organizationId(), account.userId(), "login.failed", Map.of()));
              }
              return chain;
            });
  }

  /** Fails with 429 while password attempts for the email (or from the client's address) are refused. */
  Uni<Void> unlocked(String email) {
    return throttle
        .lockedFor(email, current.clientIp())
        .invoke(
            locked -> {
              if (locked.compareTo(Duration.ZERO) > 0) {
                throw ApiException.tooManyRequests("too many wrong passwords: try again later", locked);
              }
            })
        .replaceWithVoid();
  }

  /** Counts a password attempt: failures towards the lockout; a success clears the email's failures. */
  Uni<Void> attempted(String email, boolean succeeded) {
    String ip = current.clientIp();
    return succeeded ? throttle.succeeded(email, ip) : throttle.failed(email, ip);
  }

  /** Starts a session for the account: the cookie, and the CSRF token in the body. */
  Uni<RestResponse<MeJson>> startSession(Account account, HttpHeaders headers, UriInfo uri) {
    boolean secure = SessionCookie.overHttps(headers, uri.getRequestUri().getScheme());
    return sessions
        .create(account.userId(), headers.getHeaderString(HttpHeaders.USER_AGENT), current.clientIp())
        .chain(
            created ->
                sessions
                    .resolve(created.secret())
                    .call(() -> recordInEach(account, "login"))
                    .map(
                        grant ->
                            RestResponse.ResponseBuilder.ok(
                                    new MeJson(
                                        "session",
                                        AccountJson.of(account),
                                        account.memberships().stream().map(MembershipJson::of).toList(),
                                        null,
                                        grant.csrfToken()))
                                .header(HttpHeaders.SET_COOKIE, SessionCookie.set(created.secret(), secure))
                                .build()));
  }

  /** An action of the user about themselves, recorded in every organization they belong to. */
  Uni<Void> recordInEach(Account account, String action) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (Membership m : account.memberships()) {
      chain = chain.call(() -> audit.recordFor(m.organizationId(), account.userId(), action, Map.of()));
    }
    return chain;
  }
}
