package dev.cordon.admin;

import dev.cordon.identity.Scopes;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.routing.ModelCatalog;
import dev.cordon.tenancy.TenantAdmin;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Operator API for tenants, keys and model allowlists. Authenticated by {@link AdminAuthFilter}. */
@Path("/admin/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");
    private static final Pattern KEY_ID = Pattern.compile("key_[A-Za-z0-9]{12}");

    /** {@code id} optional (generated when absent); {@code name} required. */
    /** {@code requireMfa}: whether its human users must present MFA evidence; true when absent. */
    public record CreateTenant(String id, String name, Boolean allowNonBaaDeidentified, Boolean requireMfa) {}

    /** {@code scopes} optional: all inference scopes when absent; never empty. */
    public record CreateKey(String name, List<String> scopes) {}

    public record SetModels(List<String> models) {}

    private final TenantAdmin admin;
    private final ModelCatalog catalog;

    AdminResource(TenantAdmin admin, ModelCatalog catalog) {
        this.admin = admin;
        this.catalog = catalog;
    }

    @POST
    public Uni<Response> create(CreateTenant body) {
        if (body == null || body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            return bad("name", "'name' is required (1-200 characters).");
        }
        if (body.id() != null && !TENANT_ID.matcher(body.id()).matches()) {
            return bad("id", "'id' must be 2-63 lower-case letters, digits or '-', starting with a letter or digit.");
        }
        return guard(admin.createTenant(body.id(), body.name().strip(), Boolean.TRUE.equals(body.allowNonBaaDeidentified()),
                !Boolean.FALSE.equals(body.requireMfa()))
                .map(created -> created.map(t -> Response.status(201).entity(t).build())
                        .orElseGet(() -> error(new GatewayError.InvalidRequest("A tenant with this id exists already.", "id", "tenant_exists")))));
    }

    @GET
    public Uni<Response> list() {
        return guard(admin.listTenants().map(all -> Response.ok(Map.of("object", "list", "data", all)).build()));
    }

    @GET
    @Path("/{tenant}")
    public Uni<Response> get(@PathParam("tenant") String tenant) {
        return guard(admin.findTenant(tenant).map(t -> t.map(v -> Response.ok(v).build()).orElseGet(() -> tenantNotFound())));
    }

    @POST
    @Path("/{tenant}/keys")
    public Uni<Response> issueKey(@PathParam("tenant") String tenant, CreateKey body) {
        String name = body == null || body.name() == null || body.name().isBlank() ? "default" : body.name().strip();
        if (name.length() > 200) {
            return bad("name", "'name' must be at most 200 characters.");
        }
        Set<String> scopes = body == null || body.scopes() == null ? Scopes.INFERENCE : new LinkedHashSet<>(body.scopes());
        if (scopes.isEmpty() || !scopes.stream().allMatch(sc -> sc != null && Scopes.known(sc))) {
            return bad("scopes", "'scopes' must list one or more of " + new java.util.TreeSet<>(Scopes.INFERENCE)
                    + ", optionally narrowed by 'model:<alias>' and 'purpose:<NAME>' scopes.");
        }
        return guard(admin.issueKey(tenant, name, scopes)
                .map(k -> k.map(v -> Response.status(201).entity(v).build()).orElseGet(AdminResource::tenantNotFound)));
    }

    @GET
    @Path("/{tenant}/keys")
    public Uni<Response> listKeys(@PathParam("tenant") String tenant) {
        return guard(admin.listKeys(tenant).map(keys -> Response.ok(Map.of("object", "list", "data", keys)).build()));
    }

    @DELETE
    @Path("/{tenant}/keys/{key}")
    public Uni<Response> revoke(@PathParam("tenant") String tenant, @PathParam("key") String key) {
        if (!KEY_ID.matcher(key).matches()) {
            return Uni.createFrom().item(error(new GatewayError.NotFound("No such key for this tenant.", "key", "key_not_found")));
        }
        return guard(admin.revokeKey(tenant, key).map(found -> found
                ? Response.ok(Map.of("id", key, "revoked", true)).build()
                : error(new GatewayError.NotFound("No such key for this tenant.", "key", "key_not_found"))));
    }

    @PUT
    @Path("/{tenant}/models")
    public Uni<Response> setModels(@PathParam("tenant") String tenant, SetModels body) {
        if (body == null || body.models() == null) {
            return bad("models", "'models' is required: a list of model aliases.");
        }
        Set<String> models = new LinkedHashSet<>(body.models());
        for (String alias : models) {
            if (alias == null || catalog.find(alias).isEmpty()) {
                return bad("models", "Unknown model alias in 'models'; configured aliases are listed by cordon.models.*.");
            }
        }
        return guard(admin.setModels(tenant, models)
                .map(t -> t.map(v -> Response.ok(v).build()).orElseGet(AdminResource::tenantNotFound)));
    }

    private static Uni<Response> guard(Uni<Response> call) {
        return AdminErrors.storeGuarded(call, "admin operation", "The change could not be completed or propagated to all instances; retry.");
    }

    private static Response tenantNotFound() {
        return error(new GatewayError.NotFound("No such tenant.", "tenant", "tenant_not_found"));
    }

    private static Uni<Response> bad(String param, String message) {
        return AdminErrors.badParam(param, message);
    }

    private static Response error(GatewayError error) {
        return AdminErrors.response(error);
    }
}
