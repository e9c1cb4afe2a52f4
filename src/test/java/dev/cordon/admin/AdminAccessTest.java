package dev.cordon.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.identity.Scopes;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin access table: what a platform operator and a tenant's people may do, and on which tenant. */
class AdminAccessTest {

    private static final AdminCaller OPERATOR = AdminCaller.platform("adm_1");

    @ParameterizedTest(name = "{0} {1} as [{2}] on own tenant → {3}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            GET    | /admin/v1/tenants                              | admin:tenants         | 403
            POST   | /admin/v1/tenants                              | admin:tenants         | 403
            GET    | /admin/v1/tenants/t-a                          | admin:tenants         | ok
            GET    | /admin/v1/tenants/t-a                          | admin:keys            | 403
            POST   | /admin/v1/tenants/t-a/keys                     | admin:keys            | ok
            DELETE | /admin/v1/tenants/t-a/keys/key_x               | admin:keys            | ok
            POST   | /admin/v1/tenants/t-b/keys                     | admin:keys            | 404
            PUT    | /admin/v1/tenants/t-a/phi-policy               | admin:tenants         | ok
            DELETE | /admin/v1/tenants/t-a/sessions/s1              | admin:sessions        | ok
            DELETE | /admin/v1/tenants/t-a/sessions/s1              | admin:tenants         | 403
            POST   | /admin/v1/tenants/t-a/break-glass              | break-glass:request   | ok
            POST   | /admin/v1/tenants/t-a/break-glass/bg_1/approve | break-glass:request   | 403
            POST   | /admin/v1/tenants/t-a/break-glass/bg_1/approve | break-glass:approve   | ok
            GET    | /admin/v1/tenants/t-a/break-glass              | audit:read            | ok
            GET    | /admin/v1/audit/verify                         | audit:read            | 403
            PATCH  | /admin/v1/tenants/t-a                          | admin:tenants         | 403
            GET    | /admin/v1/tenants/t-a/oidc                     | admin:tenants         | ok
            PUT    | /admin/v1/tenants/t-a/oidc                     | admin:tenants         | 403
            """)
    void aPersonIsConfinedToTheirTenantAndScopes(String method, String path, String scopes, String expected) {
        AdminCaller person = new AdminCaller("dr.lee", "human", "jwt", "t-a", Scopes.parse(scopes));

        assertThat(outcome(person, method, path, null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "operator {0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /admin/v1/tenants                              | ok
            POST   | /admin/v1/tenants/t-b/keys                     | ok
            GET    | /admin/v1/audit/verify                         | ok
            POST   | /admin/v1/tenants/t-a/break-glass              | 403
            POST   | /admin/v1/tenants/t-a/break-glass/bg_1/approve | 403
            DELETE | /admin/v1/tenants/t-a/break-glass/bg_1         | ok
            """)
    void anAdminKeyActsOnEveryTenantButNeverForAPerson(String method, String path, String expected) {
        assertThat(outcome(OPERATOR, method, path, null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "audit query tenant={0} → {1}")
    @CsvSource(nullValues = "none", value = {"t-a,ok", "t-b,404", "none,400"})
    void anAuditReaderMustNameTheirOwnTenant(String queryTenant, String expected) {
        AdminCaller auditor = new AdminCaller("privacy", "human", "jwt", "t-a", Scopes.parse("audit:read"));

        assertThat(outcome(auditor, "GET", "/admin/v1/audit", queryTenant)).isEqualTo(expected);
    }

    private static String outcome(AdminCaller caller, String method, String path, String queryTenant) {
        Optional<dev.cordon.pipeline.GatewayError> error = AdminAccess.check(caller, AdminActions.of(method, path), path, queryTenant);
        return error.map(e -> String.valueOf(dev.cordon.openai.ErrorEnvelopes.status(e))).orElse("ok");
    }
}
