package dev.cordon.breakglass;

/**
 * Placed on the exchange when a request runs under an active break-glass grant; the policy and PHI
 * stages widen what they allow by exactly this, and the audit record is flagged {@code break_glass}.
 */
public record ActiveElevation(String grantId, String modelAlias, boolean phiUnblock) {

    public boolean allowsModel(String alias) {
        return modelAlias != null && modelAlias.equals(alias);
    }
}
