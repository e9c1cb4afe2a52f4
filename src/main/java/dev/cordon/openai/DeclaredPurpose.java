package dev.cordon.openai;

import dev.cordon.pipeline.Exchange;
import java.util.regex.Pattern;

/**
 * The purpose of use a caller declares in {@code X-Cordon-Purpose} (TREATMENT, PAYMENT, RESEARCH,
 * ...): one rule for every reader, so the PHI policy and the audit record always agree on it.
 */
public final class DeclaredPurpose {

    public static final String HEADER = "X-Cordon-Purpose";
    /** Stands in for a value that is not a plain purpose name; it matches no tenant rule. */
    public static final String INVALID = "INVALID";

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z_]{1,39}");

    private DeclaredPurpose() {}

    /** Whether a string is a purpose name as tenants' PHI rules and callers must spell it. */
    public static boolean isName(String value) {
        return value != null && NAME.matcher(value).matches();
    }

    /** The upper-cased purpose, {@link #INVALID} for anything else, or null when none was declared. */
    public static String of(Exchange exchange) {
        String value = exchange.header(HEADER);
        if (value == null) {
            return null;
        }
        String upper = value.trim().toUpperCase();
        return isName(upper) ? upper : INVALID;
    }
}
