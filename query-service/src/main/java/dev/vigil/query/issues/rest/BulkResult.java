package dev.vigil.query.issues.rest;

/** How many issues a bulk change touched. */
record BulkResult(int updated) {}
