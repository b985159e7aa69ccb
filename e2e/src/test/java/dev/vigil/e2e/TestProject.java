package dev.vigil.e2e;

/** A project created for one test class, with the DSN its SDK reports to. */
record TestProject(long id, String slug, String publicKey, String dsn) {}
