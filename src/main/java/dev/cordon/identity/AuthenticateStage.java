package dev.cordon.identity;

import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.SafeThrowables;
import dev.cordon.pipeline.Stage;
import dev.cordon.pipeline.StageOutcome;
import dev.cordon.tenancy.KeyGrant;
import dev.cordon.tenancy.KeyHashes;
import dev.cordon.tenancy.TenantDirectory;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * First stage: turns the presented API key (service identities) or JWT (human users) into a
 * {@link Principal} and {@link KeyGrant}. A JWT is verified by the identity provider of the tenant
 * that configured its issuer ({@link OidcAuthenticator}), else by the gateway-wide provider when
 * {@code cordon.identity.jwt-enabled} ({@link JwtAuthenticator}). Accepts {@code Authorization: Bearer <key>}
 * (OpenAI SDKs) and {@code api-key: <key>} (Azure OpenAI SDKs). If the key store cannot be reached the request is refused with 503, never let through.
 */
@ApplicationScoped
@Identifier("authenticate")
class AuthenticateStage implements Stage {

    private static final Logger LOGGER = Logger.getLogger(AuthenticateStage.class);
    private static final int MAX_KEY_LENGTH = 256;

    private final TenantDirectory directory;
    private final JwtAuthenticator jwt;
    private final OidcAuthenticator oidc;
    private final boolean jwtEnabled;

    AuthenticateStage(TenantDirectory directory, JwtAuthenticator jwt, OidcAuthenticator oidc, IdentityConfig config) {
        this.directory = directory;
        this.jwt = jwt;
        this.oidc = oidc;
        this.jwtEnabled = config.jwtEnabled();
    }

    @Override
    public String name() {
        return "authenticate";
    }

    @Override
    public Uni<StageOutcome> onRequest(Exchange exchange) {
        String key = presentedKey(exchange);
        if (key == null) {
            return reject("You didn't provide an API key. Send it in the Authorization header as 'Bearer <key>'.", "missing_api_key");
        }
        if (BearerTokens.looksLikeJwt(key)) {
            return oidc.authenticate(exchange, key, () -> jwtEnabled ? jwt.authenticate(exchange, key)
                    : reject("The bearer token is not from an identity provider of any tenant.", "invalid_token"));
        }
        if (key.length() > MAX_KEY_LENGTH || !key.startsWith(KeyHashes.TENANT_KEY_PREFIX)) {
            return reject("Incorrect API key provided.", "invalid_api_key");
        }
        return directory.findByApiKey(key)
                .map(grant -> decide(exchange, grant))
                .onFailure().recoverWithItem(failure -> storeDown(exchange, failure));
    }

    private StageOutcome decide(Exchange exchange, Optional<KeyGrant> grant) {
        if (grant.isEmpty()) {
            return StageOutcome.reject(new GatewayError.Unauthenticated("Incorrect API key provided.", "invalid_api_key"));
        }
        KeyGrant g = grant.get();
        exchange.put(KeyGrant.class, g);
        exchange.put(Principal.class, new Principal(g.tenantId(), g.keyId(), Principal.ActorType.SERVICE, "api_key",
                g.scopes().isEmpty() ? Scopes.INFERENCE : g.scopes()));
        return StageOutcome.CONTINUE;
    }

    private static StageOutcome storeDown(Exchange exchange, Throwable failure) {
        LOGGER.errorf("key lookup failed: request_id=%s error=%s", exchange.requestId(), SafeThrowables.describe(failure));
        return StageOutcome.reject(new GatewayError.Unavailable(
                "Authentication is temporarily unavailable; the request was refused.", "auth_unavailable"));
    }

    private static String presentedKey(Exchange exchange) {
        String authorization = exchange.header("Authorization");
        if (authorization != null) {
            String trimmed = authorization.trim();
            return trimmed.regionMatches(true, 0, "Bearer ", 0, 7) ? trimmed.substring(7).trim() : trimmed;
        }
        String apiKey = exchange.header("api-key");
        return apiKey == null ? null : apiKey.trim();
    }

    private static Uni<StageOutcome> reject(String message, String code) {
        return Uni.createFrom().item(StageOutcome.reject(new GatewayError.Unauthenticated(message, code)));
    }
}
