package dev.cordon.phi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenVaultTest {

    @Test
    void theSameValueOfTheSameTypeGetsTheSameToken() {
        TokenVault vault = new TokenVault();
        String first = vault.tokenFor(PhiType.NAME, "John Smith");
        assertEquals(first, vault.tokenFor(PhiType.NAME, "John Smith"));
        assertEquals("[NAME_1]", first);
        assertEquals("[NAME_2]", vault.tokenFor(PhiType.NAME, "Mary Jones"));
        assertEquals("[DATE_1]", vault.tokenFor(PhiType.DATE, "May 3"));
        assertEquals(3, vault.size());
    }

    @Test
    void theSameTextOfDifferentTypesGetsDifferentTokens() {
        TokenVault vault = new TokenVault();
        assertNotEquals(vault.tokenFor(PhiType.NAME, "Jackson"), vault.tokenFor(PhiType.GEOGRAPHIC_LOCATION, "Jackson"));
    }

    @Test
    void tokensResolveToTheirValuesAndUnknownTokensToNothing() {
        TokenVault vault = new TokenVault();
        String token = vault.tokenFor(PhiType.SOCIAL_SECURITY_NUMBER, "123-45-6789");
        assertEquals(Optional.of("123-45-6789"), vault.valueOf(token));
        assertEquals(Optional.empty(), vault.valueOf("[NAME_9]"));
        assertEquals("[SOCIAL_SECURITY_NUMBER_1]".length(), vault.maxTokenLength());
    }
}
