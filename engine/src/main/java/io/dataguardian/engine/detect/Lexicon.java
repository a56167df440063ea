package io.dataguardian.engine.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Lower-cased words (EN and NL) mapped to their context classes, loaded once from
 * {@code lexicon.txt} and looked up straight from the scanned chars without allocating: an
 * open-addressing table of char arrays.
 */
final class Lexicon {

    static final Lexicon STANDARD = load("lexicon.txt");

    static final int MIN_LEN = 2;
    static final int MAX_LEN = 24;

    /**
     * Cheap pre-filter: per (length, first two lower-case ASCII letters), the last letters (bit 1..26 for
     * a-z, bit 0 for anything else) of the words in the table with that shape; 0 when there are none.
     */
    private final int[] shapes = new int[(MAX_LEN + 1) * 27 * 27];
    private final char[][] keys;
    private final long[] values;
    private final int mask;

    private Lexicon(int capacity) {
        int size = Integer.highestOneBit(Math.max(16, capacity * 4) - 1) << 1;
        keys = new char[size][];
        values = new long[size];
        mask = size - 1;
    }

    private static Lexicon load(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing detector resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            java.util.Map<String, Long> words = new java.util.LinkedHashMap<>();
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                Ctx cls = Ctx.valueOf(line.substring(0, colon).strip());
                for (String w : line.substring(colon + 1).strip().split("\\s+")) {
                    if (!w.isEmpty()) {
                        words.merge(w.toLowerCase(Locale.ROOT), cls.bit(), (a, b) -> a | b);
                    }
                }
            }
            Lexicon lex = new Lexicon(words.size());
            words.forEach(lex::put);
            return lex;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void put(String word, long classes) {
        char[] k = word.toCharArray();
        int h = hash(k, 0, k.length) & mask;
        while (keys[h] != null) {
            h = (h + 1) & mask;
        }
        keys[h] = k;
        values[h] = classes;
        if (k.length >= MIN_LEN && k.length <= MAX_LEN) {
            shapes[shape(k.length, k[0], k[1])] |= 1 << letter(k[k.length - 1]);
        }
    }

    private static int hash(char[] b, int s, int e) {
        int h = 0;
        for (int i = s; i < e; i++) {
            h = h * 31 + lower(b[i]);
        }
        return h ^ (h >>> 15);
    }

    static char lower(char c) {
        if (c < 128) {
            return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }

    private static int shape(int len, char a, char b) {
        return (len * 27 + letter(a)) * 27 + letter(b);
    }

    /** 1..26 for a lower-case ASCII letter, 0 for any other char. */
    private static int letter(char c) {
        return c >= 'a' && c <= 'z' ? c - 'a' + 1 : 0;
    }

    /** The classes of the word b[s, e), lower-cased on the fly; 0 when it is not in the lexicon. */
    long lookup(char[] b, int s, int e) {
        int n = e - s;
        if (n < MIN_LEN || n > MAX_LEN) {
            return 0;
        }
        char c0 = lower(b[s]);
        char c1 = lower(b[s + 1]);
        char cn = lower(b[e - 1]);
        // a char of 128 or more may lower-case to anything: no filter then
        if (c0 < 128 && c1 < 128 && cn < 128 && (shapes[shape(n, c0, c1)] & (1 << letter(cn))) == 0) {
            return 0;
        }
        int h = hash(b, s, e) & mask;
        char[] k;
        while ((k = keys[h]) != null) {
            if (k.length == n) {
                int i = 0;
                while (i < n && k[i] == lower(b[s + i])) {
                    i++;
                }
                if (i == n) {
                    return values[h];
                }
            }
            h = (h + 1) & mask;
        }
        return 0;
    }

    /**
     * {@link #lookup} for a plain word: b[s] an ASCII letter, b[s + 1, e) lower-case ASCII letters. The
     * pre-filter needs no lower-casing then, and stays small enough to be inlined in the finder's loop.
     */
    long lookupPlain(char[] b, int s, int e) {
        int n = e - s;
        if (n < MIN_LEN || n > MAX_LEN
                || (shapes[(n * 27 + (b[s] | 0x20) - ('a' - 1)) * 27 + b[s + 1] - ('a' - 1)]
                        & (1 << (b[e - 1] - ('a' - 1)))) == 0) {
            return 0;
        }
        return lookup(b, s, e);
    }

    long lookup(String word) {
        char[] c = word.toCharArray();
        return lookup(c, 0, c.length);
    }
}
