package dev.cordon.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.openai.DeclaredPurpose;
import dev.cordon.phi.PhiAction;
import dev.cordon.phi.PhiType;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.pipeline.SafeThrowables;
import dev.cordon.tenancy.PhiRules;
import dev.cordon.tenancy.PhiRulesJson;
import dev.cordon.tenancy.TenantAdmin;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * {@code PUT /admin/v1/tenants/{id}/phi-policy}: the tenant's minimum-necessary choices, e.g.
 * {@code {"default":"tokenize","actions":{"DATE":"allow"},"purposes":{"RESEARCH":{"default":"mask"}}}}.
 * They apply to covered and self-hosted providers; providers without a BAA never get PHI in the clear.
 */
@Path("/admin/v1/tenants/{tenant}/phi-policy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminPhiPolicyResource {

    private static final Logger LOGGER = Logger.getLogger(AdminPhiPolicyResource.class);

    private final TenantAdmin admin;

    AdminPhiPolicyResource(TenantAdmin admin) {
        this.admin = admin;
    }

    @PUT
    public Uni<Response> set(@PathParam("tenant") String tenant, JsonNode body) {
        if (body == null || !body.isObject()) {
            return bad("The body must be a JSON object with 'default', 'actions' and/or 'purposes'.");
        }
        PhiRules rules = PhiRulesJson.fromTree(body, true);
        String problem = problem(rules, true);
        if (problem != null) {
            return bad(problem);
        }
        return admin.setPhiRules(tenant, rules)
                .map(r -> r.map(v -> Response.ok(PhiRulesJson.tree(v)).build())
                        .orElseGet(() -> AdminErrors.response(new GatewayError.NotFound("No such tenant.", "tenant", "tenant_not_found"))))
                .onFailure().recoverWithItem(t -> {
                    LOGGER.errorf("phi policy update failed: %s", SafeThrowables.describe(t));
                    return AdminErrors.response(new GatewayError.Unavailable("The change could not be stored or propagated; retry.", "store_unavailable"));
                });
    }

    private static String problem(PhiRules rules, boolean top) {
        if (rules.defaultAction() != null && !isAction(rules.defaultAction())) {
            return "Unknown action '" + rules.defaultAction() + "'; use tokenize, mask, allow or block.";
        }
        for (var e : rules.actions().entrySet()) {
            if (!isType(e.getKey())) {
                return "Unknown PHI type '" + e.getKey() + "' in 'actions'.";
            }
            if (!isAction(e.getValue())) {
                return "Unknown action '" + e.getValue() + "' for " + e.getKey() + "; use tokenize, mask, allow or block.";
            }
        }
        for (var e : rules.byPurpose().entrySet()) {
            if (!top || !DeclaredPurpose.isName(e.getKey())) {
                return "Purposes must be upper-case names such as TREATMENT or RESEARCH, one level deep.";
            }
            String nested = problem(e.getValue(), false);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    private static boolean isAction(String value) {
        try {
            PhiAction.valueOf(value.toUpperCase());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isType(String value) {
        try {
            PhiType.valueOf(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Uni<Response> bad(String message) {
        return Uni.createFrom().item(AdminErrors.response(GatewayError.InvalidRequest.param("phi-policy", message)));
    }
}
