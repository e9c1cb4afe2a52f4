package dev.cordon.breakglass;

import dev.cordon.identity.Principal;
import dev.cordon.pipeline.Exchange;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.SafeThrowables;
import dev.cordon.pipeline.Stage;
import dev.cordon.pipeline.StageOutcome;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * A person invokes an approved break-glass grant by sending its id in {@code X-Cordon-Break-Glass}.
 * The grant must be active, of the caller's tenant and requested by the caller; anything else is a
 * 403 rather than a silent fallback to normal policy, so the caller knows the elevation did not
 * apply. Requests without the header pass untouched (no database call).
 */
@ApplicationScoped
@Identifier("break-glass")
class BreakGlassStage implements Stage {

    static final String HEADER = "X-Cordon-Break-Glass";
    private static final Logger LOGGER = Logger.getLogger(BreakGlassStage.class);
    private static final Pattern ID = Pattern.compile("bg_[A-Za-z0-9]{12}");

    private final BreakGlass breakGlass;
    private final BreakGlassAlerts alerts;

    BreakGlassStage(BreakGlass breakGlass, BreakGlassAlerts alerts) {
        this.breakGlass = breakGlass;
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return "break-glass";
    }

    @Override
    public Uni<StageOutcome> onRequest(Exchange exchange) {
        String id = exchange.header(HEADER);
        if (id == null) {
            return Uni.createFrom().item(StageOutcome.CONTINUE);
        }
        Principal principal = exchange.require(Principal.class);
        if (principal.actorType() != Principal.ActorType.HUMAN || !ID.matcher(id.trim()).matches()) {
            return deny("Break-glass grants can be invoked only by the person they were approved for.");
        }
        return breakGlass.activeFor(principal.tenantId(), id.trim(), principal.actor()).map(grant -> {
            if (grant.isEmpty()) {
                return StageOutcome.reject(inactive());
            }
            BreakGlass.Grant g = grant.get();
            exchange.put(ActiveElevation.class, new ActiveElevation(g.id(), g.elevation().modelAlias(), g.elevation().phiUnblock()));
            alerts.raise("used", principal.tenantId(), g.id(), principal.actor(), exchange.requestId());
            return StageOutcome.CONTINUE;
        }).onFailure().recoverWithItem(t -> {
            LOGGER.errorf("break-glass lookup failed: request_id=%s error=%s", exchange.requestId(), SafeThrowables.describe(t));
            return StageOutcome.reject(new GatewayError.Unavailable("Break-glass grants cannot be checked right now; retry.", "store_unavailable"));
        });
    }

    private static GatewayError inactive() {
        return new GatewayError.PermissionDenied("This break-glass grant is not active for you: it is pending approval, expired, "
                + "revoked, or not yours.", "break_glass_inactive");
    }

    private static Uni<StageOutcome> deny(String message) {
        return Uni.createFrom().item(StageOutcome.reject(new GatewayError.PermissionDenied(message, "break_glass_inactive")));
    }
}
