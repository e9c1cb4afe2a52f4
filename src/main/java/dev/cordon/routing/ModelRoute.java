package dev.cordon.routing;

import java.time.Duration;

/** A resolved model alias: where calls go and under which BAA status. Immutable. */
public record ModelRoute(String alias, ModelType type, String providerId, ProviderKind kind, BaaStatus baa,
                         String upstreamModel, Duration timeout) {}
