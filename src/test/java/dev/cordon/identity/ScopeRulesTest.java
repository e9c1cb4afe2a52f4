package dev.cordon.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The narrowing rules, as a table: which scope sets let a caller use which model or purpose. */
class ScopeRulesTest {

    @ParameterizedTest(name = "{0} → model {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            chat:generate                          | echo     | true
            chat:generate model:echo               | echo     | true
            chat:generate model:echo               | gpt-test | false
            chat:generate model:echo model:gpt-test | gpt-test | true
            model:ech                              | echo     | false
            model:echo2                            | echo     | false
            purpose:TREATMENT                      | echo     | true
            """)
    void modelScopesNarrowOnlyWhenPresent(String scopes, String alias, boolean allowed) {
        assertThat(Scopes.allowsModel(Scopes.parse(scopes), alias)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} → purpose {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            chat:generate                      | PAYMENT   | true
            chat:generate purpose:TREATMENT    | TREATMENT | true
            chat:generate purpose:TREATMENT    | PAYMENT   | false
            chat:generate purpose:TREATMENT    | INVALID   | false
            chat:generate purpose:TREATMENT    | none      | true
            model:echo                         | RESEARCH  | true
            """)
    void purposeScopesNarrowOnlyWhenPresent(String scopes, String purpose, boolean allowed) {
        assertThat(Scopes.allowsPurpose(Scopes.parse(scopes), purpose)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "key scope {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            chat:generate         | true
            model:gpt-4o.mini_2   | true
            purpose:TREATMENT     | true
            purpose:treatment     | false
            model:                | false
            admin:keys            | false
            audit:read            | false
            break-glass:approve   | false
            """)
    void apiKeysMayHoldEndpointAndNarrowingScopesButNoOperatorScopes(String scope, boolean issuable) {
        assertThat(Scopes.known(scope)).isEqualTo(issuable);
    }

    @ParameterizedTest(name = "operator scopes exclude {0}")
    @CsvSource({"break-glass:request", "break-glass:approve"})
    void adminKeysCannotRequestOrApproveBreakGlass(String scope) {
        assertThat(Scopes.OPERATOR).doesNotContain(scope);
        assertThat(Set.copyOf(Scopes.OPERATOR)).contains(Scopes.ADMIN_KEYS, Scopes.AUDIT_READ);
    }
}
