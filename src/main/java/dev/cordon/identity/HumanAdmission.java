package dev.cordon.identity;

import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.SafeThrowables;
import dev.cordon.pipeline.StageOutcome;
import dev.cordon.tenancy.KeyGrant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * What every human bearer token must pass once its signature, issuer, audience and lifetime are
 * verified and its tenant is known, whichever provider issued it: a subject, MFA evidence when the
 * tenant (or the gateway) requires it, an active session, and then the {@link Principal}.
 * Stateless and thread-safe; messages never echo claims.
 */
@ApplicationScoped
class HumanAdmission {

    private static final Logger LOGGER = Logger.getLogger(HumanAdmission.class);

    /** How the token was verified: the method name and the tenant's accepted {@code acr} values and roles. */
    record Proof(String authMethod, Set<String> acceptedAcr, Set<String> roles) {}

    private final IdentityConfig config;
    private final Sessions sessions;

    HumanAdmission(IdentityConfig config, Sessions sessions) {
        this.config = config;
        this.sessions = sessions;
    }

    Uni<StageOutcome> admit(Exchange exchange, JsonWebToken jwt, KeyGrant grant, Proof proof) {
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            return reject("The bearer token names no subject.", "invalid_token");
        }
        if ((grant.requireMfa() || config.mfaRequired()) && !hasMfa(jwt, proof.acceptedAcr())) {
            return reject("Multi-factor authentication is required; sign in again with a second factor.", "mfa_required");
        }
        return session(grant.tenantId(), jwt).map(verdict -> verdict == Sessions.Verdict.ACTIVE ? admitted(exchange, jwt, grant, proof)
                        : StageOutcome.reject(new GatewayError.Unauthenticated(verdict == Sessions.Verdict.REVOKED
                                ? "This session was ended; sign in again." : "This session expired; sign in again.", "session_expired")))
                .onFailure().recoverWithItem(t -> unavailable(exchange, t));
    }

    /** Refusal for a tenant or session store that cannot answer: never let the request through. */
    static StageOutcome unavailable(Exchange exchange, Throwable failure) {
        LOGGER.errorf("tenant or session lookup failed: request_id=%s error=%s", exchange.requestId(), SafeThrowables.describe(failure));
        return StageOutcome.reject(new GatewayError.Unavailable("Authentication is temporarily unavailable; the request was refused.", "auth_unavailable"));
    }

    static Uni<StageOutcome> reject(String message, String code) {
        return Uni.createFrom().item(StageOutcome.reject(new GatewayError.Unauthenticated(message, code)));
    }

    /** A claim's values whether the token holds a string, a space-separated string or an array. */
    static List<String> values(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof JsonString s) {
            out.add(s.getString());
        } else if (claim instanceof JsonArray array) {
            array.forEach(v -> out.add(v instanceof JsonString s ? s.getString() : v.toString()));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(v -> out.add(v instanceof JsonString s ? s.getString() : v.toString().replace("\"", "")));
        } else if (claim != null) {
            out.add(claim.toString().replace("\"", ""));
        }
        return out;
    }

    /** Tokens with a session id are held to the session timeouts; others to their own expiry and to subject revocation. */
    private Uni<Sessions.Verdict> session(String tenantId, JsonWebToken jwt) {
        List<String> sid = values(jwt.getClaim("sid"));
        if (sid.isEmpty()) {
            // No session to time out, but ending all of a person's sessions must still stop this token.
            return sessions.subjectRevoked(tenantId, jwt.getSubject())
                    .map(revoked -> revoked ? Sessions.Verdict.REVOKED : Sessions.Verdict.ACTIVE);
        }
        Object authTime = jwt.getClaim("auth_time");
        long authenticatedAt = authTime instanceof Number n ? n.longValue()
                : authTime instanceof jakarta.json.JsonNumber n ? n.longValue() : jwt.getIssuedAtTime();
        return sessions.touch(tenantId, jwt.getSubject(), sid.get(0), authenticatedAt);
    }

    private boolean hasMfa(JsonWebToken jwt, Set<String> acceptedAcr) {
        return values(jwt.getClaim("amr")).stream().anyMatch(config.mfaAmrValues()::contains)
                || values(jwt.getClaim("acr")).stream().anyMatch(acceptedAcr::contains);
    }

    private StageOutcome admitted(Exchange exchange, JsonWebToken jwt, KeyGrant grant, Proof proof) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String claim : List.of("scope", "scp")) {
            values(jwt.getClaim(claim)).forEach(v -> scopes.addAll(Scopes.parse(v)));
        }
        proof.roles().forEach(role -> scopes.addAll(Scopes.parse(config.roleScopes().get(role))));
        exchange.put(KeyGrant.class, grant);
        exchange.put(Principal.class, new Principal(grant.tenantId(), jwt.getSubject(), Principal.ActorType.HUMAN,
                proof.authMethod(), scopes, proof.roles()));
        return StageOutcome.CONTINUE;
    }
}
