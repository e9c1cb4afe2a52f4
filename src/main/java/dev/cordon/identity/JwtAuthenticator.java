package dev.cordon.identity;

import dev.cordon.pipeline.ContextExecutors;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.StageOutcome;
import dev.cordon.tenancy.TenantDirectory;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Tokens of the one gateway-wide identity provider ({@code mp.jwt.verify.*}): signature, issuer,
 * audience, expiry and not-before by SmallRye JWT (unsigned and HMAC tokens are refused by its
 * RSA/EC-only setup), the tenant from a claim, then {@link HumanAdmission}. Parsing may fetch
 * JWKS, so it runs on a worker thread. Messages never echo claims.
 */
@ApplicationScoped
class JwtAuthenticator {

    private static final Logger LOGGER = Logger.getLogger(JwtAuthenticator.class);

    private final JWTParser parser;
    private final IdentityConfig config;
    private final TenantDirectory directory;
    private final HumanAdmission admission;

    JwtAuthenticator(JWTParser parser, IdentityConfig config, TenantDirectory directory, HumanAdmission admission) {
        this.parser = parser;
        this.config = config;
        this.directory = directory;
        this.admission = admission;
    }

    Uni<StageOutcome> authenticate(Exchange exchange, String token) {
        var back = ContextExecutors.current();
        return Uni.createFrom().item(() -> verify(token)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).emitOn(back)
                .flatMap(jwt -> jwt.isEmpty() ? HumanAdmission.reject("The bearer token is invalid or expired.", "invalid_token")
                        : admit(exchange, jwt.get()));
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
            return HumanAdmission.reject("The bearer token names no tenant or subject.", "invalid_token");
        }
        return directory.findTenant(tenantId)
                .flatMap(grant -> grant.isEmpty() ? HumanAdmission.reject("The bearer token is invalid or expired.", "invalid_token")
                        : admission.admit(exchange, jwt, grant.get(),
                                // MP-JWT's groups claim (or the claim smallrye.jwt.path.groups points at) holds the roles.
                                new HumanAdmission.Proof("jwt", Set.of(), jwt.getGroups() == null ? Set.of() : jwt.getGroups())))
                .onFailure().recoverWithItem(t -> HumanAdmission.unavailable(exchange, t));
    }
}
