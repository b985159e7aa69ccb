package dev.vigil.state.accounts;

/** A created token, session or invitation: its id and the secret, shown to its owner once and stored only hashed. */
public record NewSecret(long id, String secret) {}
