package dev.cordon.tenancy;

/** A tenant that trusts an OIDC issuer: what its users are granted and how their tokens are verified. */
public record OidcGrant(KeyGrant grant, OidcSettings oidc) {}
