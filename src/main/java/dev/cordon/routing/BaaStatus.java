package dev.cordon.routing;

/** Whether PHI may legally reach a provider. */
public enum BaaStatus {
    /** A Business Associate Agreement covers the provider. */
    COVERED,
    /** Runs inside the covered entity's own infrastructure. */
    SELF_HOSTED,
    /** No BAA: only de-identified traffic, and only for tenants that allow it. */
    NONE;

    public boolean mayReceivePhi() {
        return this != NONE;
    }

    /** The lower-case form used in config and audit records. */
    public String wireName() {
        return name().toLowerCase().replace('_', '-');
    }
}
