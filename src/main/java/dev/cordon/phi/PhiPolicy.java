package dev.cordon.phi;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-type actions with a default for unlisted types. Immutable (the map is copied) and
 * thread-safe; neither component may be null.
 */
public record PhiPolicy(Map<PhiType, PhiAction> actions, PhiAction defaultAction) {

    public PhiPolicy {
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(defaultAction, "defaultAction");
        EnumMap<PhiType, PhiAction> copy = new EnumMap<>(PhiType.class);
        copy.putAll(actions);
        actions = java.util.Collections.unmodifiableMap(copy);
    }

    public PhiAction actionFor(PhiType type) {
        return actions.getOrDefault(Objects.requireNonNull(type, "type"), defaultAction);
    }

    public static PhiPolicy tokenizeAll() {
        return new PhiPolicy(Map.of(), PhiAction.TOKENIZE);
    }
}
