package dev.cordon.phi;

import java.util.Objects;

/**
 * Restores tokens in a streamed response whose chunk boundaries may split a token
 * ({@code "[NAM" + "E_1]"}). Holds back only a trailing piece that could still become an issued
 * token, so at most {@code vault.maxTokenLength() - 1} characters; the rest is released at once.
 * The concatenation of all {@link #feed} results and {@link #finish()} equals
 * {@link Restorer#restore} of the whole text. NOT thread-safe: one instance per stream.
 * The vault and every chunk must not be null (an empty chunk is fine).
 */
public final class StreamingRestorer {

    private final TokenVault vault;
    private String pending = "";

    public StreamingRestorer(TokenVault vault) {
        this.vault = Objects.requireNonNull(vault, "vault");
    }

    public String feed(String chunk) {
        String text = pending.isEmpty() ? chunk : pending + chunk;
        int hold = holdStart(text);
        pending = text.substring(hold);
        return Restorer.restore(text.substring(0, hold), vault);
    }

    public String finish() {
        String rest = Restorer.restore(pending, vault);
        pending = "";
        return rest;
    }

    /**
     * Earliest '[' within the last maxTokenLength-1 characters that starts a strict prefix of an
     * issued token; the text length when there is none. A complete token cannot straddle that
     * point because a token contains exactly one '['.
     */
    private int holdStart(String text) {
        int max = vault.maxTokenLength();
        int from = Math.max(0, text.length() - (max - 1));
        for (int i = text.indexOf('[', from); i >= 0; i = text.indexOf('[', i + 1)) {
            if (vault.isProperTokenPrefix(text.substring(i))) {
                return i;
            }
        }
        return text.length();
    }
}
