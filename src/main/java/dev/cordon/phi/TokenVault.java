package dev.cordon.phi;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Maps PHI values to reversible placeholder tokens such as {@code [NAME_1]} for one request or
 * conversation. The same value of the same type always gets the same token. NOT thread-safe:
 * confine an instance to one request. Arguments must not be null. Holds PHI in memory: never log it.
 */
public final class TokenVault {

    private final Map<PhiType, Map<String, String>> tokensByType = new EnumMap<>(PhiType.class);
    private final Map<PhiType, Integer> counters = new EnumMap<>(PhiType.class);
    private final Map<String, String> valuesByToken = new HashMap<>();
    /** Sorted so that "is this a prefix of some token" is a ceiling lookup (streaming restore). */
    private final TreeSet<String> sortedTokens = new TreeSet<>();
    private int maxTokenLength;

    public String tokenFor(PhiType type, String value) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Map<String, String> tokens = tokensByType.computeIfAbsent(type, t -> new HashMap<>());
        String existing = tokens.get(value);
        if (existing != null) {
            return existing;
        }
        int n = counters.merge(type, 1, Integer::sum);
        String token = "[" + type.name() + "_" + n + "]";
        tokens.put(value, token);
        valuesByToken.put(token, value);
        sortedTokens.add(token);
        maxTokenLength = Math.max(maxTokenLength, token.length());
        return token;
    }

    public Optional<String> valueOf(String token) {
        return Optional.ofNullable(valuesByToken.get(token));
    }

    /** Whether this value was tokenized in this request (under any type); used by output scanning. */
    public boolean holdsValue(String value) {
        return valuesByToken.containsValue(value);
    }

    public int size() {
        return valuesByToken.size();
    }

    /** Length of the longest token issued so far, 0 when empty. */
    public int maxTokenLength() {
        return maxTokenLength;
    }

    /** True when {@code candidate} is a strict prefix of some issued token. */
    boolean isProperTokenPrefix(String candidate) {
        String next = sortedTokens.ceiling(candidate);
        return next != null && next.length() > candidate.length() && next.startsWith(candidate);
    }
}
