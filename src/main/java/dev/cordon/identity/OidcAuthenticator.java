package dev.cordon.identity;

import dev.cordon.pipeline.ContextExecutors;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.SafeThrowables;
import dev.cordon.pipeline.StageOutcome;
import dev.cordon.tenancy.OidcGrant;
import dev.cordon.tenancy.TenantDirectory;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.OIDCException;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.spi.runtime.BlockingSecurityExecutor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Bearer access tokens from a tenant's own identity provider, verified by Quarkus OIDC.
 *
 * <p>The unverified {@code iss} and {@code aud} only pick which tenant's provider verifies the token
 * ({@link UnverifiedClaims}); after verification the caller acts for the tenant that owns that
 * provider, whatever tenant the token's claims name. Tokens no tenant's provider claims go to the
 * fallback (the gateway-wide JWT path, or a refusal). A provider that cannot be reached means 503,
 * a token that fails verification 401. Nothing from the token is logged.
 */
@ApplicationScoped
class OidcAuthenticator {

    private static final Logger LOGGER = Logger.getLogger(OidcAuthenticator.class);

    private final TenantDirectory directory;
    private final OidcIdentityProvider provider;
    private final BlockingSecurityExecutor blocking;
    private final HumanAdmission admission;

    OidcAuthenticator(TenantDirectory directory, OidcIdentityProvider provider, BlockingSecurityExecutor blocking,
                      HumanAdmission admission) {
        this.directory = directory;
        this.provider = provider;
        this.blocking = blocking;
        this.admission = admission;
    }

    /** Authenticates {@code token} if a tenant's provider claims it, else returns what {@code fallback} decides. */
    Uni<StageOutcome> authenticate(Exchange exchange, String token, Supplier<Uni<StageOutcome>> fallback) {
        Optional<UnverifiedClaims> claims = UnverifiedClaims.peek(token);
        if (claims.isEmpty()) {
            return fallback.get();
        }
        return directory.findByIssuer(claims.get().issuer())
                .flatMap(grants -> {
                    Optional<OidcGrant> owner = owner(grants, claims.get().audiences());
                    return owner.isEmpty() ? fallback.get() : verify(exchange, token, owner.get());
                })
                .onFailure().recoverWithItem(t -> HumanAdmission.unavailable(exchange, t));
    }

    /**
     * The one tenant whose provider and audience the token names. A token naming the audiences of
     * several tenants (Keycloak adds every client a user has roles in) is not taken as either.
     */
    private static Optional<OidcGrant> owner(List<OidcGrant> grants, List<String> audiences) {
        List<OidcGrant> matching = grants.stream().filter(g -> audiences.contains(g.oidc().audience())).limit(2).toList();
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    private Uni<StageOutcome> verify(Exchange exchange, String token, OidcGrant owner) {
        Optional<RoutingContext> routing = exchange.get(RoutingContext.class);
        if (routing.isEmpty()) {
            return Uni.createFrom().item(HumanAdmission.unavailable(exchange, new IllegalStateException("no routing context")));
        }
        routing.get().put(TenantOidcConfigs.SELECTED, owner);
        var request = new TokenAuthenticationRequest(new AccessTokenCredential(token));
        HttpSecurityUtils.setRoutingContextAttribute(request, routing.get());
        var back = ContextExecutors.current();
        return provider.authenticate(request, new Blocking(blocking))
                .emitOn(back)
                .onItemOrFailure().transformToUni((identity, failure) -> failure != null ? Uni.createFrom().item(refused(exchange, owner, failure))
                        : admit(exchange, owner, identity));
    }

    private Uni<StageOutcome> admit(Exchange exchange, OidcGrant owner, SecurityIdentity identity) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return HumanAdmission.reject("The bearer token is invalid or expired.", "invalid_token");
        }
        LOGGER.debugf("oidc token verified: request_id=%s tenant=%s roles=%s", exchange.requestId(), owner.grant().tenantId(),
                identity.getRoles());
        return admission.admit(exchange, jwt, owner.grant(),
                new HumanAdmission.Proof("oidc", owner.oidc().acrValues(), identity.getRoles()));
    }

    /** 503 when the provider could not be asked (discovery or keys unreachable), 401 otherwise. */
    private static StageOutcome refused(Exchange exchange, OidcGrant owner, Throwable failure) {
        if (providerUnreachable(failure)) {
            LOGGER.warnf("oidc provider unreachable: request_id=%s tenant=%s error=%s", exchange.requestId(),
                    owner.grant().tenantId(), SafeThrowables.describe(failure));
            return StageOutcome.reject(new GatewayError.Unavailable(
                    "The tenant's identity provider cannot be reached; the request was refused.", "auth_unavailable"));
        }
        LOGGER.debugf("oidc token refused: request_id=%s tenant=%s reason=%s", exchange.requestId(), owner.grant().tenantId(),
                rootName(failure));
        return StageOutcome.reject(new GatewayError.Unauthenticated("The bearer token is invalid or expired.", "invalid_token"));
    }

    static boolean providerUnreachable(Throwable failure) {
        if (!(failure instanceof AuthenticationFailedException)) {
            return true;
        }
        for (Throwable c = failure; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof OIDCException || c instanceof ConnectException
                    || c instanceof io.vertx.core.http.ConnectionPoolTooBusyException) {
                return true;
            }
        }
        return false;
    }

    private static String rootName(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    /** Runs Quarkus OIDC's blocking steps (e.g. key fetching on some paths) on the security executor. */
    private record Blocking(BlockingSecurityExecutor executor) implements AuthenticationRequestContext {
        @Override
        public Uni<SecurityIdentity> runBlocking(Supplier<SecurityIdentity> function) {
            return executor.executeBlocking(function);
        }
    }
}
