package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.List;
import java.util.Set;

/**
 * Web addresses: with a scheme or "www.", and bare host names with a common top-level domain.
 * Trailing sentence punctuation is trimmed. Immutable and thread-safe.
 */
final class UrlRecognizer extends PatternRecognizer {

    UrlRecognizer() {
        super("url", PhiType.URL, List.of(
                NamedPattern.of("scheme", "(?i)\\b(?:https?|ftp)://[^\\s<>\"'`]{1,2048}+", 0.9, Starts.words("http https ftp")),
                NamedPattern.of("www", "(?i)\\bwww\\.[^\\s<>\"'`]{3,2048}+", 0.85, Starts.words("www")),
                NamedPattern.of("bare-host", "(?<![@\\w.-])(?:[A-Za-z0-9-]{1,63}+\\.){1,5}+"
                        + "(?:com|org|net|edu|gov|io|us|health|info|biz)(?:/[^\\s<>\"'`]{0,2048}+)?(?![\\w@-])", 0.6, Starts.of(Starts.Kind.DOTTED))),
                Set.of("url", "website", "site", "link", "portal", "page"));
    }

    @Override
    boolean worthScanning(CharSequence text) {
        return TextScan.contains(text, '.');
    }

    @Override
    int trimEnd(CharSequence text, int start, int end) {
        int e = end;
        while (e > start + 1 && ".,;:!?)]}".indexOf(text.charAt(e - 1)) >= 0) {
            e--;
        }
        return e;
    }
}
