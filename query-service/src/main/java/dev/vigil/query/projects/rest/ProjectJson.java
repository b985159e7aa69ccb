package dev.vigil.query.projects.rest;

import java.util.List;

/** A project as the API shows it, with its DSN keys. */
record ProjectJson(
    long id, String organization, String slug, String name, String platform, List<KeyJson> keys) {}
