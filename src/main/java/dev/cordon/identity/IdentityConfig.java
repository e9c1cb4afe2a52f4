package dev.cordon.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/**
 * Human users with JWT bearer tokens. Signature, issuer, audience and expiry are checked by
 * SmallRye JWT from the standard keys ({@code mp.jwt.verify.publickey.location} — a PEM or JWKS URL —,
 * {@code mp.jwt.verify.issuer}, {@code mp.jwt.verify.audiences}).
 */
@ConfigMapping(prefix = "cordon.identity")
public interface IdentityConfig {

    /** Accept JWT bearer tokens beside API keys. Off until an identity provider is configured. */
    @WithDefault("false")
    boolean jwtEnabled();

    /** Claim naming the tenant the user acts for. */
    @WithDefault("tenant")
    String tenantClaim();

    /**
     * Require MFA evidence (an {@code amr} value from {@code mfa-amr-values}) from every human user,
     * whatever the tenant says. Off by default: each tenant decides ({@code requireMfa}, true unless
     * set otherwise when the tenant is created).
     */
    @WithDefault("false")
    boolean mfaRequired();

    /** Longest life of a human session (token with {@code sid}), counted from {@code auth_time} (else {@code iat}). */
    @WithDefault("30m")
    java.time.Duration sessionAbsoluteTimeout();

    /** Longest pause between two requests of one session. */
    @WithDefault("15m")
    java.time.Duration sessionIdleTimeout();

    /** {@code amr} values that prove multi-factor authentication. */
    @WithDefault("mfa,otp,hwk")
    Set<String> mfaAmrValues();

    /**
     * Scopes granted by identity-provider roles: {@code cordon.identity.role-scopes.<role>=<scope> <scope>…}
     * (space-separated), e.g. {@code clinician=chat:generate models:read}. A person's scopes are the
     * token's {@code scope}/{@code scp} plus those of each role they hold; a role not listed grants
     * nothing. Roles are matched exactly as the provider spells them.
     */
    java.util.Map<String, String> roleScopes();

    /** Tenants' own OIDC providers (set per tenant with {@code PUT /admin/v1/tenants/{id}/oidc}). */
    Oidc oidc();

    /** How Cordon talks to tenants' OIDC providers. */
    interface Oidc {

        /** Longest wait for a provider's discovery document or keys; past it the request is refused with 503. */
        @WithDefault("5s")
        java.time.Duration connectTimeout();

        /**
         * Shortest time between two key-set downloads forced by tokens with an unknown {@code kid}.
         * A rotated key is picked up on the first request after this, without a restart; the limit
         * keeps floods of forged key ids from hammering the provider.
         */
        @WithDefault("30s")
        java.time.Duration jwksRefreshInterval();
    }
}
