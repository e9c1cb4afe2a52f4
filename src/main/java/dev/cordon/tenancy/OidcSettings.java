package dev.cordon.tenancy;

import java.util.Set;

/**
 * A tenant's own OIDC identity provider (Keycloak, Entra ID, Okta, ...). Immutable; validated by
 * the admin API before it is stored.
 *
 * @param issuer       the exact {@code iss} of its access tokens; also where discovery is read unless overridden
 * @param clientId     the client (application) id registered for Cordon at the provider
 * @param audience     the {@code aud} its tokens must carry for Cordon (defaults to the client id)
 * @param discoveryUrl base URL whose {@code /.well-known/openid-configuration} is read instead of the issuer's; null for the issuer
 * @param jwksUrl      JWKS URL to use without discovery; null to discover it
 * @param acrValues    {@code acr} values that count as multi-factor evidence besides {@code amr}
 * @param rolesClaim   claim path (nested with {@code /}) holding the user's roles; null for {@code roles}, then Keycloak's {@code realm_access/roles}
 */
public record OidcSettings(String issuer, String clientId, String audience, String discoveryUrl, String jwksUrl,
                           Set<String> acrValues, String rolesClaim) {

    public OidcSettings {
        acrValues = Set.copyOf(acrValues);
    }
}
