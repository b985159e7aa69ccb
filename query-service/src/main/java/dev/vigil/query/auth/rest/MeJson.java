package dev.vigil.query.auth.rest;

import java.util.List;

/**
 * Who the caller is: how they authenticated ({@code session}, {@code user-token},
 * {@code organization-token}, {@code admin-token}), the user (null for organization and admin tokens),
 * their memberships, a token's scopes (null for sessions, whose scopes are their roles'), and the CSRF
 * token that cookie-authenticated writes send as {@code X-CSRF-Token} (sessions only).
 */
record MeJson(String authenticatedBy, AccountJson user, List<MembershipJson> memberships, List<String> scopes, String csrfToken) {}
