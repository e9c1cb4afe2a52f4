package dev.cordon.identity;

import dev.cordon.pipeline.ContextExecutors;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.SafeThrowables;
import dev.cordon.pipeline.StageOutcome;
import dev.cordon.tenancy.KeyGrant;
import dev.cordon.tenancy.TenantDirectory;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Turns a verified JWT into a human {@link Principal}: signature, issuer, audience, expiry and
 * not-before by SmallRye JWT (unsigned and HMAC tokens are refused by its RSA/EC-only setup), then
 * the tenant claim, MFA evidence and the tenant's policy. Parsing may fetch JWKS, so it runs on a
 * worker thread. Messages never echo claims.
 */
@ApplicationScoped
class JwtAuthenticator {

    private static final Logger LOGGER = Logger.getLogger(JwtAuthenticator.class);

    private final JWTParser parser;
    private final IdentityConfig config;
    private final TenantDirectory directory;
    private final Sessions sessions;

    JwtAuthenticator(JWTParser parser, IdentityConfig config, TenantDirectory directory, Sessions sessions) {
        this.parser = parser;
        this.config = config;
        this.directory = directory;
        this.sessions = sessions;
    }

    static boolean looksLikeJwt(String token) {
        int first = token.indexOf('.');
        return first > 0 && token.indexOf('.', first + 1) > first && token.startsWith("eyJ");
    }

    Uni<StageOutcome> authenticate(Exchange exchange, String token) {
        var back = ContextExecutors.current();
        return Uni.createFrom().item(() -> verify(token)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).emitOn(back)
                .flatMap(jwt -> jwt.isEmpty() ? reject("The bearer token is invalid or expired.", "invalid_token") : admit(exchange, jwt.get()));
    }

    private Optional<JsonWebToken> verify(String token) {
        try {
            return Optional.of(parser.parse(token));
        } catch (ParseException e) {
            LOGGER.debugf("jwt refused: %s", e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private Uni<StageOutcome> admit(Exchange exchange, JsonWebToken jwt) {
        Object tenant = jwt.getClaim(config.tenantClaim());
        if (!(tenant instanceof String tenantId) || tenantId.isBlank() || jwt.getSubject() == null) {
            return reject("The bearer token names no tenant or subject.", "invalid_token");
        }
        return directory.findTenant(tenantId).flatMap(grant -> {
            if (grant.isEmpty()) {
                return reject("The bearer token is invalid or expired.", "invalid_token");
            }
            if ((grant.get().requireMfa() || config.mfaRequired()) && !hasMfa(jwt)) {
                return reject("Multi-factor authentication is required; sign in again with a second factor.", "mfa_required");
            }
            return session(tenantId, jwt).map(verdict -> verdict == Sessions.Verdict.ACTIVE ? admitted(exchange, jwt, grant.get())
                    : StageOutcome.reject(new GatewayError.Unauthenticated(verdict == Sessions.Verdict.REVOKED
                            ? "This session was ended; sign in again." : "This session expired; sign in again.", "session_expired")));
        }).onFailure().recoverWithItem(t -> {
            LOGGER.errorf("tenant or session lookup failed: request_id=%s error=%s", exchange.requestId(), SafeThrowables.describe(t));
            return StageOutcome.reject(new GatewayError.Unavailable("Authentication is temporarily unavailable; the request was refused.", "auth_unavailable"));
        });
    }

    /** Tokens with a session id are held to the session timeouts; others only to their own expiry. */
    private Uni<Sessions.Verdict> session(String tenantId, JsonWebToken jwt) {
        Object sid = jwt.getClaim("sid");
        if (sid == null) {
            return Uni.createFrom().item(Sessions.Verdict.ACTIVE);
        }
        Object authTime = jwt.getClaim("auth_time");
        long authenticatedAt = authTime instanceof Number n ? n.longValue() : jwt.getIssuedAtTime();
        return sessions.touch(tenantId, jwt.getSubject(), sid.toString().replace("\"", ""), authenticatedAt);
    }

    private static StageOutcome admitted(Exchange exchange, JsonWebToken jwt, KeyGrant g) {
        Object scope = jwt.getClaim("scope");
        exchange.put(KeyGrant.class, g);
        exchange.put(Principal.class, new Principal(g.tenantId(), jwt.getSubject(), Principal.ActorType.HUMAN, "jwt",
                Scopes.parse(scope == null ? null : scope.toString().replace("\"", ""))));
        return StageOutcome.CONTINUE;
    }

    private boolean hasMfa(JsonWebToken jwt) {
        Object amr = jwt.getClaim("amr");
        if (amr instanceof Collection<?> values) {
            return values.stream().map(v -> v.toString().replace("\"", "")).anyMatch(config.mfaAmrValues()::contains);
        }
        if (amr instanceof jakarta.json.JsonArray array) {
            return array.stream().map(v -> v.toString().replace("\"", "")).anyMatch(config.mfaAmrValues()::contains);
        }
        return false;
    }

    private static Uni<StageOutcome> reject(String message, String code) {
        return Uni.createFrom().item(StageOutcome.reject(new GatewayError.Unauthenticated(message, code)));
    }
}
