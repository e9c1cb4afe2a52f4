package dev.cordon.phi.recognizers;

import dev.cordon.phi.PhiType;
import java.util.List;
import java.util.Set;

/**
 * IPv4 (octets 0-255, not part of a longer dotted version string) and IPv6 (checked by a small
 * parser: at most 8 groups, one "::", so clock times like 14:30:00 are rejected).
 * Immutable and thread-safe.
 */
final class IpAddressRecognizer extends PatternRecognizer {

    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

    IpAddressRecognizer() {
        super("ip-address", PhiType.IP_ADDRESS, List.of(
                NamedPattern.of("ipv4", "(?<![\\d.])" + OCTET + "(?:\\." + OCTET + "){3}(?![\\d]|\\.\\d)", 0.7, Starts.digits(1, 3, ".")),
                NamedPattern.of("ipv6", "(?<![\\w:])(?:[0-9A-Fa-f]{1,4}+)?(?::[0-9A-Fa-f]{0,4}+){2,8}+(?![\\w:])", 0.7, Starts.of(Starts.Kind.HEX_COLON))),
                Set.of("ip", "address", "host", "server", "logged", "login", "from", "ipv4", "ipv6"));
    }

    @Override
    boolean worthScanning(CharSequence text) {
        return TextScan.hasDigit(text);
    }

    @Override
    boolean invalidate(CharSequence text, int start, int end, NamedPattern pattern) {
        return pattern.name().equals("ipv6") && !isIpv6(text.subSequence(start, end).toString());
    }

    static boolean isIpv6(String s) {
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return false;
        }
        String[] groups = s.split(":", -1);
        int nonEmpty = 0;
        boolean hexLetter = false;
        for (String g : groups) {
            if (g.length() > 4) {
                return false;
            }
            nonEmpty += g.isEmpty() ? 0 : 1;
            hexLetter |= g.chars().anyMatch(Character::isLetter);
        }
        if (dbl < 0) {
            return groups.length == 8 && nonEmpty == 8;
        }
        return nonEmpty <= 7 && (nonEmpty >= 2 || hexLetter || s.equals("::1"));
    }
}
