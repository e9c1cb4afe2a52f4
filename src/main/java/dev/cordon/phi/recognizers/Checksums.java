package dev.cordon.phi.recognizers;

/**
 * Check-digit and format rules for identifiers. All methods take the candidate (digits, letters
 * and separators allowed where noted), are pure and thread-safe, and return false for null-free
 * but malformed input rather than throwing.
 */
final class Checksums {

    private static final String VIN_MAP = "0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ";
    private static final int[] VIN_WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    private Checksums() {
    }

    static String digitsOnly(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Luhn (mod 10) over a string of digits only. */
    static boolean luhn(String digits) {
        if (digits.isEmpty()) {
            return false;
        }
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (dbl) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** NPI: 10 digits, first 1 or 2, Luhn over the number prefixed with 80840 (CMS). */
    static boolean npi(String digits) {
        return digits.length() == 10 && (digits.charAt(0) == '1' || digits.charAt(0) == '2')
                && luhn("80840" + digits);
    }

    /**
     * DEA registration: two letters then seven digits; (d1+d3+d5) + 2*(d2+d4+d6) ends in d7.
     */
    static boolean dea(String value) {
        if (value.length() != 9 || !Character.isLetter(value.charAt(0))) {
            return false;
        }
        int odd = 0;
        int even = 0;
        for (int i = 2; i < 8; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if ((i - 2) % 2 == 0) {
                odd += c - '0';
            } else {
                even += c - '0';
            }
        }
        char check = value.charAt(8);
        return Character.isDigit(check) && (odd + 2 * even) % 10 == check - '0';
    }

    /** SSA rules: area not 000, 666 or 9xx; group not 00; serial not 0000. Digits only, 9 long. */
    static boolean plausibleSsn(String digits) {
        if (digits.length() != 9) {
            return false;
        }
        String area = digits.substring(0, 3);
        return !area.equals("000") && !area.equals("666") && area.charAt(0) != '9'
                && !digits.startsWith("00", 3) && !digits.startsWith("0000", 5);
    }

    /**
     * Medicare Beneficiary Identifier (CMS): 11 characters, dashes removed. Position 1 digit 1-9;
     * 2, 5, 8, 9 letters; 3 and 6 letter or digit; 4, 7, 10, 11 digits; letters S L O I B Z never used.
     */
    static boolean mbi(String value) {
        String v = value.replace("-", "").toUpperCase(java.util.Locale.ROOT);
        if (v.length() != 11 || v.charAt(0) < '1' || v.charAt(0) > '9') {
            return false;
        }
        for (int i = 1; i < 11; i++) {
            char c = v.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z' && "SLOIBZ".indexOf(c) < 0;
            boolean digit = c >= '0' && c <= '9';
            boolean ok = switch (i) {
                case 1, 4, 7, 8 -> letter;
                case 2, 5 -> letter || digit;
                default -> digit;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** VIN (ISO 3779 / 49 CFR 565): 17 characters without I, O, Q; position 9 is the check digit. */
    static boolean vin(String value) {
        if (value.length() != 17) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = Character.toUpperCase(value.charAt(i));
            int idx = VIN_MAP.indexOf(c);
            if (idx < 0 || c == '.') {
                return false;
            }
            sum += (idx % 10 == idx ? idx : transliterate(c)) * VIN_WEIGHTS[i];
        }
        int check = sum % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return Character.toUpperCase(value.charAt(8)) == expected;
    }

    private static int transliterate(char c) {
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> 0;
        };
    }
}
