package dev.cordon.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.tenancy.OidcSettings;
import dev.cordon.tenancy.TenantAdmin;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code /admin/v1/tenants/{id}/oidc}: the tenant's own OIDC identity provider, e.g.
 * {@code {"issuer":"https://login.example.org/realms/st-mary","clientId":"cordon","audience":"cordon","acrValues":["gold"]}}.
 * Its users then call the API with that provider's bearer access tokens. Input is checked by {@link OidcSettingsInput}.
 */
@Path("/admin/v1/tenants/{tenant}/oidc")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminOidcResource {


    private final TenantAdmin admin;

    AdminOidcResource(TenantAdmin admin) {
        this.admin = admin;
    }

    @PUT
    public Uni<Response> set(@PathParam("tenant") String tenant, JsonNode body) {
        OidcSettingsInput.Parsed parsed = OidcSettingsInput.parse(body);
        if (parsed.problem() != null) {
            return Uni.createFrom().item(AdminErrors.response(parsed.problem()));
        }
        OidcSettings settings = parsed.settings();
        return guard(admin.setOidc(tenant, settings).map(change -> switch (change) {
            case SET -> Response.ok(view(settings)).build();
            case NO_TENANT -> tenantNotFound();
            case ISSUER_IN_USE -> AdminErrors.response(new GatewayError.InvalidRequest(
                    "Another tenant already trusts this issuer for this audience; use a distinct audience (client).",
                    "issuer", "issuer_in_use"));
        }));
    }

    @GET
    public Uni<Response> get(@PathParam("tenant") String tenant) {
        return guard(admin.findTenant(tenant).map(found -> found.map(view -> view.oidc() == null ? notConfigured()
                : Response.ok(view(view.oidc())).build()).orElseGet(AdminOidcResource::tenantNotFound)));
    }

    @DELETE
    public Uni<Response> clear(@PathParam("tenant") String tenant) {
        return guard(admin.clearOidc(tenant).map(found -> found
                ? Response.ok(Map.of("tenant", tenant, "oidc", "removed")).build() : tenantNotFound()));
    }

    /** Built by hand so a native image needs no reflection on the record. */
    private static Map<String, Object> view(OidcSettings s) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("issuer", s.issuer());
        view.put("clientId", s.clientId());
        view.put("audience", s.audience());
        view.put("discoveryUrl", s.discoveryUrl());
        view.put("jwksUrl", s.jwksUrl());
        view.put("acrValues", new TreeSet<>(s.acrValues()));
        view.put("rolesClaim", s.rolesClaim());
        return view;
    }

    private static Uni<Response> guard(Uni<Response> call) {
        return AdminErrors.storeGuarded(call, "oidc settings operation", "The change could not be stored or propagated to all instances; retry.");
    }

    private static Response notConfigured() {
        return AdminErrors.response(new GatewayError.NotFound("This tenant has no OIDC provider.", "oidc", "oidc_not_configured"));
    }

    private static Response tenantNotFound() {
        return AdminErrors.response(new GatewayError.NotFound("No such tenant.", "tenant", "tenant_not_found"));
    }
}
