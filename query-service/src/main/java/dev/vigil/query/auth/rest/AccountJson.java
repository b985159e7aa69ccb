package dev.vigil.query.auth.rest;

import dev.vigil.state.accounts.Account;

/** A user as the API shows them. */
record AccountJson(long id, String email, String name) {

  static AccountJson of(Account a) {
    return new AccountJson(a.userId(), a.email(), a.name());
  }
}
