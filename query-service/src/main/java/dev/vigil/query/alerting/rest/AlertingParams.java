package dev.vigil.query.alerting.rest;

import dev.vigil.query.rest.ApiException;

/** Query parameters of the alerting API beyond what {@link dev.vigil.query.rest.Params} reads. */
final class AlertingParams {

  private AlertingParams() {}

  /** A positive id, or null when absent. */
  static Long id(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(value.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.badRequest(name + " must be a positive whole number (an id)");
  }
}
