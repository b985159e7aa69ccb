package dev.vigil.query;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Describes the API in the OpenAPI document: every operation but login and invitation acceptance
 * needs a bearer token (an API token, or the installation's admin token) or the session cookie.
 */
@OpenAPIDefinition(
    info = @Info(title = "Vigil query API", version = "v1"),
    security = {@SecurityRequirement(name = "bearerToken"), @SecurityRequirement(name = "sessionCookie")})
@SecurityScheme(
    securitySchemeName = "bearerToken",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "An API token (64 hex characters) or the admin token")
@SecurityScheme(
    securitySchemeName = "sessionCookie",
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.COOKIE,
    apiKeyName = "vigil_session",
    description = "The login session; writes also send the session's X-CSRF-Token header")
public class QueryApi extends Application {}
