package dev.cordon.audit.chain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The trail's one timestamp form, {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'}, formatted and parsed by
 * hand because every record carries one and {@link DateTimeFormatter} dominated verification time.
 * Years outside 0..9999 fall back to the formatter. Stateless and thread-safe.
 */
final class Timestamps {

    private static final DateTimeFormatter FALLBACK =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int LENGTH = 24;

    private Timestamps() {
    }

    static String format(Instant instant) {
        long day = Math.floorDiv(instant.getEpochSecond(), 86_400);
        int secondOfDay = (int) Math.floorMod(instant.getEpochSecond(), 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return FALLBACK.format(instant);
        }
        char[] out = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(out, 0, 4, date.getYear());
        digits(out, 5, 2, date.getMonthValue());
        digits(out, 8, 2, date.getDayOfMonth());
        digits(out, 11, 2, secondOfDay / 3600);
        digits(out, 14, 2, secondOfDay / 60 % 60);
        digits(out, 17, 2, secondOfDay % 60);
        digits(out, 20, 3, instant.getNano() / 1_000_000);
        return new String(out);
    }

    /** Parses the trail's form strictly; anything else is a {@link DateTimeException}. */
    static Instant parse(String text) {
        if (text.length() != LENGTH || !"--T::.Z".equals("" + text.charAt(4) + text.charAt(7) + text.charAt(10) + text.charAt(13)
                + text.charAt(16) + text.charAt(19) + text.charAt(23))) {
            throw new DateTimeException("not uuuu-MM-ddTHH:mm:ss.SSSZ");
        }
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        if (hour > 23 || minute > 59 || second > 59) {
            throw new DateTimeException("time of day out of range");
        }
        long day = LocalDate.of(number(text, 0, 4), number(text, 5, 2), number(text, 8, 2)).toEpochDay();
        return Instant.ofEpochSecond(day * 86_400 + hour * 3600L + minute * 60L + second, number(text, 20, 3) * 1_000_000L);
    }

    private static void digits(char[] out, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int number(String text, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("expected a digit");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
