package dev.cordon.phi;

/** What the redactor does with a finding of a given type. Immutable and thread-safe; never null in a policy. */
public enum PhiAction {
    /** Replace with a reversible vault token such as {@code [NAME_1]}. */
    TOKENIZE,
    /** Replace with an irreversible type label such as {@code [NAME]}. */
    MASK,
    /** Leave the value in the text. */
    ALLOW,
    /** Tokenize, and report the type so the caller can reject the request. */
    BLOCK
}
