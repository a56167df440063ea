package io.dataguardian.engine.detect;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code PhoneNumberUtil.isValidNumber} of a number given as a calling code and the digits of its national
 * significant number, answered by automata built from libphonenumber's own metadata instead of its regular
 * expressions. isValidNumber picks the region (the calling code's only one; of several, the first whose
 * leading-digits pattern matches a prefix of the number, or without one, the first the number is valid in), then
 * the number is valid there when it fully matches the general description's pattern and one of the type
 * descriptions' (premium rate, toll free, shared cost, VoIP, personal, pager, UAN, voicemail, fixed line, and
 * mobile unless it has the fixed-line pattern), each only for a length in the description's possible lengths.
 * Those ten to eleven regex matches per number were most of the phone validation's CPU on finding-dense text
 * (~1 us a Dutch number, against ~20 ns here).
 *
 * <p>Per region, the patterns (digits, digit classes, {@code \d}, groups, alternation, {@code ?} and bounded
 * repetition: all that libphonenumber's number patterns use) become one NFA, and a DFA over it is built lazily,
 * a state at a time as numbers reach it: a DFA state says which patterns a full match of the digits read so far
 * satisfies. A scan pays only for the states its numbers visit (building a whole region's DFA up front cost 30-90 ms
 * for NL, DE, GB or US, as much as tens of thousands of checks). The leading-digits pattern is followed by any
 * digits, so its full match is its prefix match ({@code lookingAt}). A pattern in a syntax this class does not
 * read, or a DFA past {@link #MAX_STATES}, makes {@link #check} answer "unknown" and the caller asks
 * libphonenumber. PhoneValidityTest compares the answers with isValidNumber's for every calling code.
 *
 * <p>The automata are per thread (a scan has a few threads; a calling code's NFA is a few hundred KB at most), so
 * that building them needs no locking.
 */
final class PhoneValidity {

    static final int VALID = 1, INVALID = 0, UNKNOWN = -1;

    /** A region's DFA states past this many (never reached with libphonenumber 9.0.21's metadata) are not built. */
    static final int MAX_STATES = 50_000;

    /** Bits of the patterns in a DFA state's accept mask: the general description, the types, leading digits. */
    private static final int GENERAL = 1, TYPES_NO_MOBILE = 0x3FE, MOBILE = 1 << 10, LEADING = 1 << 11;
    private static final int MAX_LENGTH = 20;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final CallingCode UNSUPPORTED = new CallingCode(null);
    /**
     * Checks of a calling code answered "unknown" (left to libphonenumber) on a thread before its automata are
     * built: a code seen a few times in a scan costs less that way than building them (~0.5-10 ms warm, tens of
     * ms while the building code is still interpreted). Not many more: libphonenumber's regex cache holds 100
     * patterns, and numbers of many calling codes (eleven patterns per region) have it compile them again and again.
     */
    static final int BUILD_AFTER = 16;

    /** A thread's automata by calling code, built when the code has been checked {@link #BUILD_AFTER} times. */
    private static final class PerThread {
        final CallingCode[] codes = new CallingCode[1000];
        final int[] checks = new int[1000];
    }

    private static final ThreadLocal<PerThread> CODES = ThreadLocal.withInitial(PerThread::new);

    private PhoneValidity() {
    }

    /**
     * Whether isValidNumber holds for calling code cc and the national significant number s[from, to) (digits, the
     * first not '0'): {@link #VALID}, {@link #INVALID}, or {@link #UNKNOWN} when this class cannot tell.
     */
    static int check(int cc, CharSequence s, int from, int to) {
        if (cc <= 0 || cc >= 1000 || to - from >= MAX_LENGTH) {
            return UNKNOWN;
        }
        PerThread t = CODES.get();
        CallingCode code = t.codes[cc];
        if (code == null) {
            if (++t.checks[cc] <= BUILD_AFTER) {
                return UNKNOWN;
            }
            code = build(cc);
            t.codes[cc] = code;
        }
        Region[] regions = code.regions;
        if (regions == null) {
            return UNKNOWN;
        }
        int length = to - from;
        for (Region r : regions) {
            int accept = r.run(s, from, to);
            if (accept < 0) {
                return UNKNOWN;
            }
            if (r.hasLeadingDigits) {
                if ((accept & LEADING) != 0) {
                    return r.valid(accept, length) ? VALID : INVALID;
                }
            } else if (r.valid(accept, length)) {
                return VALID;
            }
        }
        return INVALID;
    }

    private static final class CallingCode {
        /** Null: unsupported. */
        final Region[] regions;

        CallingCode(Region[] regions) {
            this.regions = regions;
        }
    }

    private static CallingCode build(int cc) {
        List<String> codes = PHONES.getRegionCodesForCountryCode(cc);
        if (codes.isEmpty()) {
            return new CallingCode(new Region[0]); // no region: isValidNumber is false
        }
        var source = com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider.getInstance()
                .getPhoneNumberMetadataSource();
        Region[] regions = new Region[codes.size()];
        try {
            for (int k = 0; k < regions.length; k++) {
                String code = codes.get(k);
                boolean nonGeo = "001".equals(code);
                PhoneMetadata md = nonGeo ? source.getMetadataForNonGeographicalRegion(cc)
                        : source.getMetadataForRegion(code);
                if (md == null) {
                    return UNSUPPORTED;
                }
                regions[k] = new Region(md, nonGeo || md.getCountryCode() == cc);
            }
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return UNSUPPORTED;
        }
        return new CallingCode(regions);
    }

    /** One region's automaton and, by number length, which of its patterns apply. */
    private static final class Region {
        final boolean hasLeadingDigits;
        /** Whether isValidNumberForRegion can hold at all (the region's calling code is the number's). */
        final boolean ownCode;
        final boolean sameMobileAndFixedLine;
        final Dfa dfa;
        /** By length: the patterns whose possible lengths hold it. */
        final int[] lengths = new int[MAX_LENGTH];

        Region(PhoneMetadata md, boolean ownCode) {
            this.ownCode = ownCode;
            this.hasLeadingDigits = md.hasLeadingDigits();
            this.sameMobileAndFixedLine = md.getSameMobileAndFixedLinePattern();
            PhoneNumberDesc[] descs = {md.getGeneralDesc(), md.getPremiumRate(), md.getTollFree(),
                    md.getSharedCost(), md.getVoip(), md.getPersonalNumber(), md.getPager(), md.getUan(),
                    md.getVoicemail(), md.getFixedLine(), md.getMobile()};
            Nfa nfa = new Nfa();
            int start = nfa.state();
            for (int k = 0; k < descs.length; k++) {
                String pattern = descs[k].getNationalNumberPattern();
                // RegexBasedMatcher: an empty pattern matches nothing
                if (!pattern.isEmpty()) {
                    int[] f = nfa.parse(pattern);
                    nfa.accept(f[1], 1 << k);
                    nfa.epsilon(start, f[0]);
                }
                List<Integer> possible = descs[k].getPossibleLengthList();
                for (int len = 0; len < MAX_LENGTH; len++) {
                    if (possible.isEmpty() || possible.contains(len)) {
                        lengths[len] |= 1 << k;
                    }
                }
            }
            if (hasLeadingDigits) {
                int[] f = nfa.parse(md.getLeadingDigits());
                int any = nfa.state();
                nfa.digits(any, 0x3FF, any);
                nfa.epsilon(f[1], any);
                nfa.accept(any, LEADING);
                nfa.epsilon(start, f[0]);
            }
            for (int len = 0; len < MAX_LENGTH; len++) {
                lengths[len] |= LEADING;
            }
            this.dfa = new Dfa(nfa, start);
        }

        /** The accept mask after reading s[from, to) (0 when the automaton died on the way), or -1: unknown. */
        int run(CharSequence s, int from, int to) {
            Dfa a = dfa;
            int state = 0;
            for (int p = from; p < to; p++) {
                int d = s.charAt(p) - '0';
                if (d < 0 || d > 9) {
                    return 0;
                }
                int t = a.next[state * 10 + d];
                if (t == Dfa.UNBUILT) {
                    t = a.build(state, d);
                    if (t == Dfa.UNBUILT) {
                        return -1;
                    }
                }
                if (t == Dfa.DEAD) {
                    return 0;
                }
                state = t;
            }
            return a.accept[state];
        }

        /** getNumberTypeHelper(number, region) != UNKNOWN, given run()'s accept mask and the number's length. */
        boolean valid(int accept, int length) {
            int m = accept & lengths[length];
            int types = sameMobileAndFixedLine ? TYPES_NO_MOBILE : TYPES_NO_MOBILE | MOBILE;
            return ownCode && (m & GENERAL) != 0 && (m & types) != 0;
        }
    }

    /** The subset construction over an NFA, one transition at a time. State 0 is the start; not thread-safe. */
    static final class Dfa {
        static final int UNBUILT = -2, DEAD = -1;

        private final Nfa nfa;
        /** Per NFA state: the digits of its digit move (0: none) and the move's target. */
        private final int[] moveMask;
        private final int[] moveTarget;
        private final BitSet[] closures;
        private final Map<BitSet, Integer> ids = new HashMap<>();
        private final List<BitSet> sets = new ArrayList<>();
        /** state * 10 + digit: the next state, {@link #DEAD} (no pattern can match any more) or {@link #UNBUILT}. */
        int[] next = new int[10 * 16];
        /** By state: the patterns a full match of the digits read so far satisfies. */
        int[] accept = new int[16];

        Dfa(Nfa nfa, int start) {
            this.nfa = nfa;
            int n = nfa.size();
            this.moveMask = new int[n];
            this.moveTarget = new int[n];
            for (int k = 0; k < n; k++) {
                moveMask[k] = nfa.moveMask(k);
                moveTarget[k] = moveMask[k] == 0 ? 0 : nfa.moveTarget(k);
            }
            this.closures = new BitSet[n];
            java.util.Arrays.fill(next, UNBUILT);
            add(closure(start));
        }

        /** Builds the transition from state on digit d; returns its target, or UNBUILT past MAX_STATES. */
        int build(int state, int d) {
            BitSet from = sets.get(state);
            BitSet to = null;
            for (int s = from.nextSetBit(0); s >= 0; s = from.nextSetBit(s + 1)) {
                if ((moveMask[s] & (1 << d)) != 0) {
                    if (to == null) {
                        to = new BitSet(closures.length);
                    }
                    to.or(closure(moveTarget[s]));
                }
            }
            int target = DEAD;
            if (to != null) {
                Integer known = ids.get(to);
                if (known == null) {
                    if (sets.size() >= MAX_STATES) {
                        return UNBUILT;
                    }
                    known = add(to);
                }
                target = known;
            }
            next[state * 10 + d] = target;
            return target;
        }

        private int add(BitSet set) {
            int id = sets.size();
            if (id == accept.length) {
                accept = java.util.Arrays.copyOf(accept, 2 * id);
                int old = next.length;
                next = java.util.Arrays.copyOf(next, 2 * old);
                java.util.Arrays.fill(next, old, next.length, UNBUILT);
            }
            int mask = 0;
            for (int k = set.nextSetBit(0); k >= 0; k = set.nextSetBit(k + 1)) {
                mask |= nfa.accepts(k);
            }
            accept[id] = mask;
            ids.put(set, id);
            sets.add(set);
            return id;
        }

        /** The states reachable from s by epsilon moves, s included; memoised. */
        private BitSet closure(int s) {
            BitSet c = closures[s];
            if (c == null) {
                c = new BitSet();
                c.set(s);
                ArrayDeque<Integer> work = new ArrayDeque<>();
                work.add(s);
                while (!work.isEmpty()) {
                    for (int t : nfa.epsilons(work.poll())) {
                        if (!c.get(t)) {
                            c.set(t);
                            work.add(t);
                        }
                    }
                }
                closures[s] = c;
            }
            return c;
        }
    }

    /**
     * A Thompson NFA over the digits. Reads the subset of java.util.regex syntax libphonenumber's number patterns
     * use; anything else throws {@link UnsupportedOperationException}.
     */
    static final class Nfa {
        private final List<int[]> epsilons = new ArrayList<>();
        /** Per state: the digits (a 10-bit mask) of its one digit transition, and its target. */
        private final List<int[]> digitMove = new ArrayList<>();
        private final List<Integer> accepts = new ArrayList<>();
        private String re;
        private int pos;

        int state() {
            epsilons.add(new int[0]);
            digitMove.add(null);
            accepts.add(0);
            return epsilons.size() - 1;
        }

        void epsilon(int from, int to) {
            int[] e = epsilons.get(from);
            int[] f = java.util.Arrays.copyOf(e, e.length + 1);
            f[e.length] = to;
            epsilons.set(from, f);
        }

        void digits(int from, int mask, int to) {
            if (digitMove.get(from) != null) {
                throw new IllegalStateException("one digit move per state");
            }
            digitMove.set(from, new int[] {mask, to});
        }

        void accept(int state, int bits) {
            accepts.set(state, accepts.get(state) | bits);
        }

        /** The pattern as a fragment: {start, end}, its full matches being the paths from start to end. */
        int[] parse(String pattern) {
            re = pattern;
            pos = 0;
            AstNode n = alternation();
            if (pos != re.length()) {
                throw new UnsupportedOperationException(pattern);
            }
            return n.build(this);
        }

        private AstNode alternation() {
            List<AstNode> alts = new ArrayList<>();
            alts.add(sequence());
            while (pos < re.length() && re.charAt(pos) == '|') {
                pos++;
                alts.add(sequence());
            }
            return alts.size() == 1 ? alts.get(0) : new Alt(alts);
        }

        private AstNode sequence() {
            List<AstNode> items = new ArrayList<>();
            while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
                AstNode atom = atom();
                while (pos < re.length()) {
                    char c = re.charAt(pos);
                    if (c == '?') {
                        pos++;
                        atom = new Repeat(atom, 0, 1);
                    } else if (c == '{') {
                        int close = re.indexOf('}', pos);
                        if (close < 0) {
                            throw new UnsupportedOperationException(re);
                        }
                        String body = re.substring(pos + 1, close);
                        int comma = body.indexOf(',');
                        int min;
                        int max;
                        try {
                            min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
                            max = comma < 0 ? min : Integer.parseInt(body.substring(comma + 1));
                        } catch (NumberFormatException e) {
                            throw new UnsupportedOperationException(re); // {n,} and the like
                        }
                        if (min < 0 || max < min || max > MAX_LENGTH) {
                            throw new UnsupportedOperationException(re);
                        }
                        pos = close + 1;
                        atom = new Repeat(atom, min, max);
                    } else {
                        break;
                    }
                    // a quantifier followed by ? or + is lazy or possessive in java.util.regex: not read here
                    if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
                        throw new UnsupportedOperationException(re);
                    }
                }
                items.add(atom);
            }
            return new Seq(items);
        }

        private AstNode atom() {
            char c = re.charAt(pos);
            if (c >= '0' && c <= '9') {
                pos++;
                return new Digits(1 << (c - '0'));
            }
            if (c == '\\' && pos + 1 < re.length() && re.charAt(pos + 1) == 'd') {
                pos += 2;
                return new Digits(0x3FF);
            }
            if (c == '[') {
                pos++;
                int mask = 0;
                if (pos < re.length() && re.charAt(pos) == '^') {
                    throw new UnsupportedOperationException(re);
                }
                while (pos < re.length() && re.charAt(pos) != ']') {
                    char a = re.charAt(pos);
                    if (a == '\\' && pos + 1 < re.length() && re.charAt(pos + 1) == 'd') {
                        mask |= 0x3FF;
                        pos += 2;
                    } else if (a >= '0' && a <= '9') {
                        if (pos + 2 < re.length() && re.charAt(pos + 1) == '-' && re.charAt(pos + 2) != ']') {
                            char z = re.charAt(pos + 2);
                            if (z < a || z > '9') {
                                throw new UnsupportedOperationException(re);
                            }
                            for (char d = a; d <= z; d++) {
                                mask |= 1 << (d - '0');
                            }
                            pos += 3;
                        } else {
                            mask |= 1 << (a - '0');
                            pos++;
                        }
                    } else {
                        throw new UnsupportedOperationException(re);
                    }
                }
                if (pos >= re.length() || mask == 0) {
                    throw new UnsupportedOperationException(re);
                }
                pos++;
                return new Digits(mask);
            }
            if (c == '(') {
                pos++;
                if (re.startsWith("?:", pos)) {
                    pos += 2;
                } else if (pos < re.length() && re.charAt(pos) == '?') {
                    throw new UnsupportedOperationException(re); // look-arounds, flags, named groups
                }
                AstNode inner = alternation();
                if (pos >= re.length() || re.charAt(pos) != ')') {
                    throw new UnsupportedOperationException(re);
                }
                pos++;
                return inner;
            }
            throw new UnsupportedOperationException(re);
        }

        int size() {
            return epsilons.size();
        }

        int[] epsilons(int s) {
            return epsilons.get(s);
        }

        int moveMask(int s) {
            int[] m = digitMove.get(s);
            return m == null ? 0 : m[0];
        }

        int moveTarget(int s) {
            return digitMove.get(s)[1];
        }

        int accepts(int s) {
            return accepts.get(s);
        }
    }

    /** A parsed pattern; build adds its states to an NFA and returns its {start, end}. */
    private interface AstNode {
        int[] build(Nfa nfa);
    }

    private record Digits(int mask) implements AstNode {
        @Override
        public int[] build(Nfa nfa) {
            int s = nfa.state();
            int e = nfa.state();
            nfa.digits(s, mask, e);
            return new int[] {s, e};
        }
    }

    private record Seq(List<AstNode> items) implements AstNode {
        @Override
        public int[] build(Nfa nfa) {
            int s = nfa.state();
            int e = s;
            for (AstNode item : items) {
                int[] f = item.build(nfa);
                nfa.epsilon(e, f[0]);
                e = f[1];
            }
            return new int[] {s, e};
        }
    }

    private record Alt(List<AstNode> alts) implements AstNode {
        @Override
        public int[] build(Nfa nfa) {
            int s = nfa.state();
            int e = nfa.state();
            for (AstNode a : alts) {
                int[] f = a.build(nfa);
                nfa.epsilon(s, f[0]);
                nfa.epsilon(f[1], e);
            }
            return new int[] {s, e};
        }
    }

    /** min to max copies of the node (max >= min, bounded). */
    private record Repeat(AstNode node, int min, int max) implements AstNode {
        @Override
        public int[] build(Nfa nfa) {
            int s = nfa.state();
            int e = s;
            for (int k = 0; k < min; k++) {
                int[] f = node.build(nfa);
                nfa.epsilon(e, f[0]);
                e = f[1];
            }
            int end = nfa.state();
            nfa.epsilon(e, end);
            for (int k = min; k < max; k++) {
                int[] f = node.build(nfa);
                nfa.epsilon(e, f[0]);
                nfa.epsilon(f[1], end);
                e = f[1];
            }
            return new int[] {s, end};
        }
    }
}
