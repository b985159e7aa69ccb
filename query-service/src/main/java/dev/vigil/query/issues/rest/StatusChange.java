package dev.vigil.query.issues.rest;

/** Body of the status-changing PUTs: {@code {"status": "resolved"}}. */
record StatusChange(String status) {}
