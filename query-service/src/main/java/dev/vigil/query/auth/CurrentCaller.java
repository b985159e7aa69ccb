package dev.vigil.query.auth;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request and the address it came from, set once by {@link CallerFilter}. */
@RequestScoped
public class CurrentCaller {

  private Caller caller;
  private String clientIp;

  void set(Caller caller) {
    this.caller = caller;
  }

  void clientIp(String clientIp) {
    this.clientIp = clientIp;
  }

  /** The authenticated caller; only open endpoints (login, invitation acceptance) run without one. */
  public Caller get() {
    if (caller == null) {
      throw new IllegalStateException("no authenticated caller on this request");
    }
    return caller;
  }

  /** The caller, or null on an open endpoint. */
  public Caller find() {
    return caller;
  }

  /** The client's address as the HTTP server sees it (honouring quarkus.http.proxy settings). */
  public String clientIp() {
    return clientIp;
  }
}
