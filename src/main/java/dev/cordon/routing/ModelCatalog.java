package dev.cordon.routing;

import java.util.Collection;
import java.util.Optional;

/** The configured model aliases. Immutable after start; thread-safe. */
public interface ModelCatalog {

    Optional<ModelRoute> find(String alias);

    /** All aliases in a stable (sorted) order. */
    Collection<ModelRoute> all();

    /** Epoch seconds reported as {@code created} for every model (the gateway's start). */
    long createdEpochSeconds();
}
