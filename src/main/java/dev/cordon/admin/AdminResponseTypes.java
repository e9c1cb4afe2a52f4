package dev.cordon.admin;

import dev.cordon.audit.AuditIndex;
import dev.cordon.breakglass.BreakGlass;
import dev.cordon.tenancy.OidcSettings;
import dev.cordon.tenancy.TenantAdmin;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The records the admin API returns inside a {@code Response}. Quarkus registers the declared
 * parameter and return types of resource methods for reflection, but not entities wrapped in a
 * {@code Response}; without this list a native executable would answer them with empty objects.
 */
@RegisterForReflection(targets = {TenantAdmin.TenantView.class, TenantAdmin.IssuedKey.class, TenantAdmin.KeyView.class,
        AuditIndex.Entry.class, BreakGlass.Grant.class, BreakGlass.Elevation.class, BreakGlass.Status.class, OidcSettings.class})
final class AdminResponseTypes {

    private AdminResponseTypes() {}
}
