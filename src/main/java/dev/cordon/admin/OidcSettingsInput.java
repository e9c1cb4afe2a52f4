package dev.cordon.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.pipeline.GatewayError;
import dev.cordon.tenancy.OidcSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the body of {@code PUT .../oidc}. Provider URLs must be https; plain http is allowed
 * only on the loopback interface (local IdPs and tests), because keys fetched over the network in
 * the clear could be swapped. Every problem names the field.
 */
final class OidcSettingsInput {

    /** Either settings or the problem. */
    record Parsed(OidcSettings settings, GatewayError problem) {}

    private static final Set<String> FIELDS = Set.of("issuer", "clientId", "audience", "discoveryUrl", "jwksUrl", "acrValues", "rolesClaim");
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Pattern CLAIM_PATH = Pattern.compile("[A-Za-z0-9_:.\\-]{1,100}(/[A-Za-z0-9_:.\\-]{1,100}){0,4}");
    private static final int MAX_URL = 500;
    private static final int MAX_ACR = 20;

    private OidcSettingsInput() {}

    static Parsed parse(JsonNode body) {
        GatewayError shape = shapeProblem(body);
        if (shape != null) {
            return new Parsed(null, shape);
        }
        for (String field : new String[] {"issuer", "discoveryUrl", "jwksUrl"}) {
            String problem = urlProblem(field, text(body, field), field.equals("issuer"));
            if (problem != null) {
                return bad(field, problem);
            }
        }
        String clientId = text(body, "clientId");
        String audience = body.hasNonNull("audience") ? text(body, "audience") : clientId;
        String rolesClaim = text(body, "rolesClaim");
        Set<String> acr = acrValues(body.get("acrValues"));
        if (clientId == null || !TOKEN.matcher(clientId).matches()) {
            return bad("clientId", "'clientId' is required: 1-200 visible characters without spaces.");
        } else if (audience == null || !TOKEN.matcher(audience).matches()) {
            return bad("audience", "'audience' must be 1-200 visible characters without spaces.");
        } else if (body.has("rolesClaim") && (rolesClaim == null || !CLAIM_PATH.matcher(rolesClaim).matches())) {
            return bad("rolesClaim", "'rolesClaim' must be a claim name, nested with '/', e.g. 'roles' or 'realm_access/roles'.");
        } else if (acr == null) {
            return bad("acrValues", "'acrValues' must be a list of at most " + MAX_ACR + " strings of 1-200 visible characters.");
        }
        return new Parsed(new OidcSettings(text(body, "issuer"), clientId, audience, text(body, "discoveryUrl"),
                text(body, "jwksUrl"), acr, rolesClaim), null);
    }

    /** A body that is no object or has fields we do not know (a typo must not pass silently). */
    private static GatewayError shapeProblem(JsonNode body) {
        if (body == null || !body.isObject()) {
            return bad(null, "The body must be a JSON object with 'issuer' and 'clientId'.").problem();
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            if (!FIELDS.contains(names.next())) {
                return bad(null, "Unknown field in the OIDC settings; allowed: " + new java.util.TreeSet<>(FIELDS) + ".").problem();
            }
        }
        return null;
    }

    /** What is wrong with the URL in {@code field}, or null. */
    static String urlProblem(String field, String value, boolean required) {
        if (value == null) {
            return required ? "'" + field + "' is required: the provider's https URL." : null;
        }
        if (value.length() > MAX_URL) {
            return "'" + field + "' must be at most " + MAX_URL + " characters.";
        }
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null || uri.getQuery() != null) {
                return "'" + field + "' must be an absolute URL with a host and no user info, query or fragment.";
            }
            boolean loopback = uri.getHost().equals("localhost") || uri.getHost().equals("127.0.0.1") || uri.getHost().equals("[::1]");
            if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
                return "'" + field + "' must use https (plain http only on localhost/127.0.0.1).";
            }
            return null;
        } catch (URISyntaxException e) {
            return "'" + field + "' is not a valid URL.";
        }
    }

    private static Set<String> acrValues(JsonNode node) {
        if (node == null || node.isNull()) {
            return Set.of();
        }
        if (!node.isArray() || node.size() > MAX_ACR) {
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode value : node) {
            if (!value.isTextual() || !TOKEN.matcher(value.asText()).matches()) {
                return null;
            }
            values.add(value.asText());
        }
        return values;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || !node.isTextual() ? null : node.asText();
    }

    private static Parsed bad(String param, String message) {
        return new Parsed(null, param == null ? new GatewayError.InvalidRequest(message, null, "invalid_value")
                : GatewayError.InvalidRequest.param(param, message));
    }
}
