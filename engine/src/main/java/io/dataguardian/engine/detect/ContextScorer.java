package io.dataguardian.engine.detect;

/**
 * Looks at the words around a candidate (64 chars before, 32 after, same text window) and turns the
 * detector's base confidence into a final one: required classes must be present, boosting words
 * add 0.3, lowering words subtract 0.4, and when both occur the nearer word wins. Identifiers are
 * split at '_', digits and camelCase humps and also looked up whole.
 */
final class ContextScorer {

    static final int BEFORE = 64;
    static final int AFTER = 32;
    static final double BOOST = 0.3;
    static final double PENALTY = 0.4;
    /** Lowering words count only before the match and this close: they are labels ("ordernummer 123"). */
    static final int PENALTY_REACH = 24;

    private final int[] dist = new int[Ctx.CLASSES];
    private long present;
    /** Classes of the words ending at most PENALTY_REACH chars before the match. */
    private long closeBefore;

    /** Scans the words around [s, e) of b[0, limit); returns the classes present. */
    long scan(char[] b, int limit, int s, int e) {
        present = 0;
        closeBefore = 0;
        int from = Math.max(0, s - BEFORE);
        int to = Math.min(limit, e + AFTER);
        int p = from;
        if (p > 0 && CandidateFinder.isLetter(b[p - 1])) {
            while (p < to && CandidateFinder.isLetter(b[p])) {
                p++;
            }
        }
        while (p < to) {
            if (!CandidateFinder.isLetter(b[p])) {
                p++;
                continue;
            }
            int ws = p;
            boolean humps = false;
            // the previous letter kept in a local, not read as b[p - 1]: C2 checked that index once before
            // the loop for all of it (from ws - 1), which failed for a word at 0 (a field's value): 4 traps
            // and a recompile of this method on every scan of the benchmark tree
            char prev = 0;
            while (p < limit && CandidateFinder.isLetter(b[p])) {
                char c = b[p];
                if (p > ws && upper(c) && lower(prev)) {
                    humps = true;
                }
                prev = c;
                p++;
            }
            int we = p;
            if (we <= s || ws >= e) {
                long cls = Lexicon.STANDARD.lookup(b, ws, we);
                if (cls != 0 && inEmail(b, limit, ws, we)) {
                    continue; // joost+bank@outlook.com, info@mediq-zorg.nl: a mailbox's name, no label
                }
                if ((cls & Ctx.CARD.bit()) != 0 && CandidateFinder.idCard(b, ws)) {
                    cls |= Ctx.IDCARD.bit(); // "ID card"
                }
                if ((cls & NEGATABLE) != 0 && negated(b, ws, from)) {
                    cls &= ~NEGATABLE; // "sku is not a passport", "geen paspoort": the word says the value is none
                }
                record(b, cls, ws, we, s, e, true);
                if (humps) {
                    int hs = ws;
                    for (int k = ws + 1; k <= we; k++) {
                        if (k == we || (upper(b[k]) && lower(b[k - 1]))) {
                            // the last hump is the head noun (schemaVersion): it may lower confidence too
                            record(b, Lexicon.STANDARD.lookup(b, hs, k), hs, k, s, e, k == we);
                            hs = k;
                        }
                    }
                }
            }
        }
        return present;
    }

    private static final long VERSION = Ctx.VERSION.bit();
    /** Document classes whose word a negation before it takes back. */
    private static final long NEGATABLE = Ctx.PASSPORT.bit() | Ctx.IDCARD.bit() | Ctx.DRIVING.bit();

    /**
     * Whether the word at ws follows a negation, with an article or not, in the same line: "not a passport", "no
     * passport", "geen paspoort", "niet het identiteitsbewijs". Looks back no further than from.
     */
    private static boolean negated(char[] b, int ws, int from) {
        int p = ws;
        for (int words = 0; words < 2; words++) {
            while (p > from && (b[p - 1] == ' ' || b[p - 1] == '\t')) {
                p--;
            }
            int we = p;
            while (p > from && CandidateFinder.isLetter(b[p - 1])) {
                p--;
            }
            int n = we - p;
            if (n == 0 || (p > from && (CandidateFinder.isWordChar(b[p - 1]) || b[p - 1] == '\''))) {
                return false;
            }
            if (is(b, p, n, "not") || is(b, p, n, "no") || is(b, p, n, "geen") || is(b, p, n, "niet")
                    || is(b, p, n, "non")) {
                return true;
            }
            if (!(is(b, p, n, "a") || is(b, p, n, "an") || is(b, p, n, "een") || is(b, p, n, "het")
                    || is(b, p, n, "the") || is(b, p, n, "de"))) {
                return false;
            }
        }
        return false;
    }

    private static boolean is(char[] b, int p, int n, String w) {
        if (n != w.length()) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (Lexicon.lower(b[p + k]) != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the word [ws, we) is part of an e-mail address: of its local part (local-part chars, then '@', after
     * it) or of its domain ('@' and a local-part char before it, only domain chars between). Checked only for
     * lexicon words, so it costs nothing on the others.
     */
    static boolean inEmail(char[] b, int limit, int ws, int we) {
        int k = we;
        while (k < limit && k - we < 64 && local(b[k])) {
            k++;
        }
        if (k < limit && b[k] == '@' && k + 1 < limit && CandidateFinder.isAsciiAlnum(b[k + 1])) {
            return true;
        }
        k = ws - 1;
        while (k >= 0 && ws - k < 255 && (CandidateFinder.isAsciiAlnum(b[k]) || b[k] == '.' || b[k] == '-')) {
            k--;
        }
        return k > 0 && b[k] == '@' && local(b[k - 1]);
    }

    private static boolean local(char c) {
        return CandidateFinder.isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    /**
     * Whether a version word ending at we labels the value at s: at most one word between ("version 1.2.3.4",
     * "build nr 2.4.1.7", "versie is 5.1.0.12"), not a word of a sentence that goes on ("my build agent at
     * 81.12.33.4").
     */
    private static boolean labels(char[] b, int we, int s) {
        int words = 0;
        for (int k = we; k < s; k++) {
            if (CandidateFinder.isLetter(b[k]) && !CandidateFinder.isLetter(b[k - 1])) {
                words++;
            }
        }
        return words <= 1;
    }

    private static boolean upper(char c) {
        return c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
    }

    private static boolean lower(char c) {
        return c < 128 ? c >= 'a' && c <= 'z' : Character.isLowerCase(c);
    }

    private void record(char[] b, long cls, int ws, int we, int s, int e, boolean wholeWord) {
        if (cls == 0) {
            return;
        }
        int d = we <= s ? s - we : ws - e;
        if (wholeWord && we <= s && d <= PENALTY_REACH) {
            closeBefore |= (cls & VERSION) == 0 || labels(b, we, s) ? cls : cls & ~VERSION;
        }
        long fresh = cls & ~present;
        long both = cls & present;
        for (long m = fresh; m != 0; m &= m - 1) {
            dist[Long.numberOfTrailingZeros(m)] = d;
        }
        for (long m = both; m != 0; m &= m - 1) {
            int k = Long.numberOfTrailingZeros(m);
            dist[k] = Math.min(dist[k], d);
        }
        present |= cls;
    }

    private int nearest(long mask) {
        int best = Integer.MAX_VALUE;
        for (long m = mask & present; m != 0; m &= m - 1) {
            best = Math.min(best, dist[Long.numberOfTrailingZeros(m)]);
        }
        return best;
    }

    /** Final confidence of candidate c of detector d, or -1 when required context is missing. */
    double score(Detector d, Candidate c, char[] b, int limit) {
        long ctx = scan(b, limit, c.start, c.end);
        if (d.required != 0 && (ctx & d.required) == 0 && !c.keyed) {
            return -1;
        }
        double conf = d.base + c.adjust;
        long bp = ctx & d.boost;
        long pp = closeBefore & d.penalty;
        if (bp != 0 && pp != 0) {
            conf += nearest(bp) <= nearest(pp) ? BOOST : -PENALTY;
        } else if (bp != 0) {
            conf += BOOST;
        } else if (pp != 0) {
            conf -= PENALTY;
        }
        c.critical = (ctx & Ctx.MEDICAL.bit()) != 0
                && (d.index == Detectors.BSN || (d.index >= Detectors.HEALTH && d.index <= Detectors.GENETIC));
        return Math.min(0.99, Math.max(0, conf));
    }
}
