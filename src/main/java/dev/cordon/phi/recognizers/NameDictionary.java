package dev.cordon.phi.recognizers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Public-domain US name lists shipped in the jar: SSA first names 1880-2023 (value: births) and
 * 1990 Census surnames (value: rank). Loaded once, on first use, from fixed resource paths (no
 * classpath scanning, so it works in a native image). Read-only and thread-safe afterwards.
 */
final class NameDictionary {

    static final String FIRST_NAMES = "/phi/names/first-names.tsv.gz";
    static final String SURNAMES = "/phi/names/surnames.tsv.gz";
    static final int MISSING = -1;

    private final CharTable firstNames;
    private final CharTable surnames;

    private NameDictionary(CharTable firstNames, CharTable surnames) {
        this.firstNames = firstNames;
        this.surnames = surnames;
    }

    static NameDictionary get() {
        return Holder.INSTANCE;
    }

    int firstNameCount(WordTokens w, int i) {
        return firstNames.get(w.text, w.start(i), w.coreEnd(i), w.coreHash(i), MISSING);
    }

    int surnameRank(WordTokens w, int i) {
        return surnames.get(w.text, w.start(i), w.coreEnd(i), w.coreHash(i), MISSING);
    }

    /** US births with this first name, or {@link #MISSING}. */
    int firstNameCount(CharSequence s, int start, int end) {
        return firstNames.get(s, start, end, MISSING);
    }

    /** Census rank of this surname (1 = most common), or {@link #MISSING}. */
    int surnameRank(CharSequence s, int start, int end) {
        return surnames.get(s, start, end, MISSING);
    }

    private static CharTable load(String path, int expected) {
        CharTable table = new CharTable(expected);
        try (InputStream raw = NameDictionary.class.getResourceAsStream(path)) {
            if (raw == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int tab = line.indexOf('\t');
                if (tab > 0 && !line.startsWith("#")) {
                    table.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return table;
    }

    private static final class Holder {
        static final NameDictionary INSTANCE = new NameDictionary(load(FIRST_NAMES, 24_000), load(SURNAMES, 90_000));
    }
}
