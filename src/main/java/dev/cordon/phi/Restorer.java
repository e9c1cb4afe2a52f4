package dev.cordon.phi;

/**
 * Replaces vault tokens in model output by their original values. Unknown or malformed tokens
 * are left untouched. Stateless and thread-safe as long as the vault is not mutated concurrently.
 * Arguments must not be null.
 */
public final class Restorer {

    private Restorer() {
    }

    public static String restore(String text, TokenVault vault) {
        int max = vault.maxTokenLength();
        if (max == 0 || text.indexOf('[') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = text.indexOf('[');
        while (i >= 0) {
            int close = text.indexOf(']', i + 1);
            if (close < 0) {
                break;
            }
            String value = close - i + 1 <= max ? vault.valueOf(text.substring(i, close + 1)).orElse(null) : null;
            if (value != null) {
                out.append(text, copied, i).append(value);
                copied = close + 1;
                i = text.indexOf('[', copied);
            } else {
                i = text.indexOf('[', i + 1);
            }
        }
        return out.append(text, copied, text.length()).toString();
    }
}
