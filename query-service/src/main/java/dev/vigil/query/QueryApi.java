package dev.vigil.query;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Describes the API in the OpenAPI document: every operation needs the admin bearer token. */
@OpenAPIDefinition(
    info = @Info(title = "Vigil query API", version = "v1"),
    security = @SecurityRequirement(name = "adminToken"))
@SecurityScheme(securitySchemeName = "adminToken", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class QueryApi extends Application {}
