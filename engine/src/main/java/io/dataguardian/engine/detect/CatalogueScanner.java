package io.dataguardian.engine.detect;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import io.dataguardian.engine.finding.Location;
import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@link TextScanner} of a catalogue with one scan's settings: runs {@link CandidateFinder} and
 * the custom rules over a window, scores context, resolves overlaps, applies suppressions, masks,
 * fingerprints and builds snippets. Streams readers in fixed chunks with overlap so memory stays
 * bounded and every match is reported by exactly one chunk: the one its first character is in.
 */
final class CatalogueScanner implements TextScanner {

    /** Matches below this confidence are not reported. */
    static final double THRESHOLD = 0.5;
    static final String ALLOW_MARKER = "dataguardian:allow";
    static final int DEFAULT_CHUNK = 256 * 1024;
    /** Context kept on each side of a chunk: longer than any match (PEM blocks up to 16 KiB) plus context. */
    static final int DEFAULT_OVERLAP = 17 * 1024;
    /** Re-scanned before a chunk so cues and neighbours before its first match are seen. */
    private static final int PRE = 512;
    private static final int SNIPPET_SIDE = 40;
    /** Bits 10 and 13: '\n' and '\r'. */
    private static final int EOL_BITS = (1 << '\n') | (1 << '\r');

    private final List<Detector> detectors;
    private final boolean[] enabled;
    private final List<Pattern> customPatterns;
    private final List<List<String>> customContext;
    private final Set<String> allowed;
    private final List<List<String>> criticalArticles;
    private final ThreadLocal<Fingerprinter> fingerprinter;
    private final int chunk;
    private final int overlap;
    /** Chunks per block of a parallel scan. */
    private int blockChunks;

    CatalogueScanner(List<Detector> builtIn, DetectionSettings settings, int chunk, int overlap) {
        this.chunk = chunk;
        this.overlap = overlap;
        this.blockChunks = Math.max(1, BLOCK_CHARS / chunk);
        List<Detector> all = new ArrayList<>(builtIn);
        customPatterns = new ArrayList<>();
        customContext = new ArrayList<>();
        for (CustomRule rule : settings.customRules()) {
            try {
                customPatterns.add(Pattern.compile(rule.pattern()));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("custom rule '" + rule.id() + "': invalid regular expression: "
                        + e.getDescription(), e);
            }
            Detector d = new Detector(all.size(), rule.id(),
                    rule.entityType() == null || rule.entityType().isBlank() ? "CUSTOM" : rule.entityType(),
                    rule.id(), rule.description() == null ? "Project rule " + rule.id() : rule.description(),
                    rule.severity() == null ? Severity.MEDIUM : rule.severity(),
                    rule.articles() == null ? List.of() : rule.articles());
            d.base(0.8).priority(85).mask(Detector.Mask.LAST2);
            all.add(d);
            List<String> words = new ArrayList<>();
            for (String w : rule.contextWords() == null ? List.<String>of() : rule.contextWords()) {
                words.add(w.toLowerCase(Locale.ROOT));
            }
            customContext.add(words);
        }
        this.detectors = List.copyOf(all);
        this.criticalArticles = criticalArticles(detectors);
        this.enabled = new boolean[all.size()];
        for (Detector d : all) {
            enabled[d.index] = !settings.disabledDetectors().contains(d.id());
        }
        this.allowed = settings.allowedFingerprints();
        byte[] key = settings.fingerprintKey();
        this.fingerprinter = ThreadLocal.withInitial(() -> new Fingerprinter(key));
    }

    // ------------------------------------------------------------------ window

    /** A reported (or neighbouring) match inside a window. */
    private static final class Hit {
        final Candidate c;
        final Detector d;
        String masked;

        Hit(Candidate c, Detector d) {
            this.c = c;
            this.d = d;
        }

        String masked(char[] b) {
            if (masked == null) {
                masked = Masker.mask(d.mask, b, c.start, c.end);
            }
            return masked;
        }
    }

    /** Sorts hits by start ascending, then the longer first (stably): the order overlaps are resolved in. */
    private static void sortByPosition(List<Hit> hits) {
        int n = hits.size();
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int k = 0; k < n; k++) {
            Candidate c = hits.get(k).c;
            starts[k] = c.start;
            ends[k] = c.end;
        }
        int[] order = PositionOrder.order(starts, ends, n);
        if (order != null) {
            Hit[] found = hits.toArray(new Hit[0]);
            for (int k = 0; k < n; k++) {
                hits.set(k, found[order[k]]);
            }
        }
    }

    /**
     * Per thread: the candidate finder, the context scorer and the candidates' list of a window, reused from one
     * window to the next. A table's every cell is a window (~550,000 on the benchmark tree), and a finder, a scorer
     * and a list of their own were ~1 KB of garbage each, a fifth of all a scan allocated. A window makes no nested
     * window, so one set per thread is enough.
     */
    private static final class WindowScratch {
        final CandidateFinder finder = new CandidateFinder();
        final ContextScorer scorer = new ContextScorer();
        final ArrayList<Candidate> cands = new ArrayList<>();
    }

    private static final ThreadLocal<WindowScratch> WINDOW_SCRATCH = ThreadLocal.withInitial(WindowScratch::new);

    /** A list grown past this many candidates is dropped after its window rather than kept for the thread. */
    private static final int KEPT_CANDIDATES = 4096;

    /** Finds, scores and resolves the matches of b[0, limit) that start in [scanFrom, scanTo). */
    private List<Hit> window(char[] b, int limit, int scanFrom, int scanTo) {
        WindowScratch w = WINDOW_SCRATCH.get();
        ArrayList<Candidate> cands = w.cands;
        try {
            return window(b, limit, scanFrom, scanTo, w.finder, w.scorer, cands);
        } finally {
            boolean large = cands.size() > KEPT_CANDIDATES;
            cands.clear();
            if (large) {
                cands.trimToSize();
            }
        }
    }

    private List<Hit> window(char[] b, int limit, int scanFrom, int scanTo, CandidateFinder finder,
            ContextScorer scorer, List<Candidate> cands) {
        finder.run(b, limit, cands, scanFrom, scanTo);
        int builtIn = Detectors.ALL.size();
        if (!customPatterns.isEmpty()) {
            CharBuffer text = CharBuffer.wrap(b, 0, limit);
            for (int r = 0; r < customPatterns.size(); r++) {
                if (!enabled[builtIn + r]) {
                    continue;
                }
                Matcher m = customPatterns.get(r).matcher(text);
                m.useTransparentBounds(true).useAnchoringBounds(false).region(scanFrom, limit);
                while (m.find() && m.start() < scanTo) {
                    if (m.end() > m.start() && customContextOk(b, limit, m.start(), m.end(), customContext.get(r))) {
                        cands.add(new Candidate(builtIn + r, m.start(), m.end(), 0));
                    }
                }
            }
        }
        if (cands.isEmpty()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>(cands.size());
        for (Candidate c : cands) {
            if (!enabled[c.detector]) {
                continue;
            }
            Detector d = detectors.get(c.detector);
            double conf = c.detector >= builtIn ? d.base : scorer.score(d, c, b, limit);
            if (conf >= THRESHOLD) {
                c.confidence = conf;
                hits.add(new Hit(c, d));
            }
        }
        if (hits.size() <= 1) {
            return hits; // nothing to order or resolve (most cells)
        }
        sortByPosition(hits);
        List<Hit> kept = new ArrayList<>(hits.size());
        List<Hit> hosts = null;
        for (Hit h : hits) {
            Hit last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last != null && h.c.start < last.c.end) {
                if (urlHost(last, h, b)) {
                    hosts = hosts == null ? new ArrayList<>(2) : hosts;
                    hosts.add(h);
                } else if (better(h, last)) {
                    kept.set(kept.size() - 1, h);
                }
            } else {
                kept.add(h);
            }
        }
        if (hosts != null) {
            kept.addAll(hosts);
            sortByPosition(kept);
        }
        return kept;
    }

    /**
     * Whether h is the IP address host right after the user:password@ of the connection string url (whose span is
     * the whole URL): a finding of its own, kept next to the URL's.
     */
    private static boolean urlHost(Hit url, Hit h, char[] b) {
        return url.d.index == Detectors.CONNECTION && h.d.index == Detectors.IP && h.c.start > 0
                && b[h.c.start - 1] == '@' && h.c.end <= url.c.end;
    }

    private static boolean better(Hit a, Hit b) {
        // a hard-coded secret's value holds whatever its random run happens to spell (a postcode in ...rfrz-4198BS):
        // inside a longer secret value, the secret is what is there
        if ((a.d.index == Detectors.GENERIC_SECRET || a.d.index == Detectors.WEAK_PASSWORD) && strictlyContains(a, b)) {
            return true;
        }
        if ((b.d.index == Detectors.GENERIC_SECRET || b.d.index == Detectors.WEAK_PASSWORD) && strictlyContains(b, a)) {
            return false;
        }
        if (a.d.priority != b.d.priority) {
            return a.d.priority > b.d.priority;
        }
        if (a.c.confidence != b.c.confidence) {
            return a.c.confidence > b.c.confidence;
        }
        return a.c.end - a.c.start > b.c.end - b.c.start;
    }

    private static boolean strictlyContains(Hit outer, Hit inner) {
        return outer.c.start <= inner.c.start && outer.c.end >= inner.c.end
                && outer.c.end - outer.c.start > inner.c.end - inner.c.start;
    }

    private static boolean customContextOk(char[] b, int limit, int s, int e, List<String> words) {
        if (words.isEmpty()) {
            return true;
        }
        int from = Math.max(0, s - 80);
        int to = Math.min(limit, e + 80);
        String around = new String(b, from, to - from).toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (around.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * 1 for '\n' and '\r', else 0, without a branch: the per-finding loops that look for line ends
     * test this instead of c == '\n' || c == '\r', so the first '\r' of a text (or the first line
     * without one) does not hit a branch the JIT had pruned as never taken and force a recompile.
     */
    static int eol(char c) {
        return ((c - 14) >>> 31) & (EOL_BITS >>> c);
    }

    private static boolean onAllowedLine(char[] b, int limit, int s, int e) {
        int ls = s;
        int lo = Math.max(0, s - 4096);
        while (ls > lo && eol(b[ls - 1]) == 0) {
            ls--;
        }
        int le = e;
        int hi = Math.min(limit, e + 4096);
        while (le < hi && eol(b[le]) == 0) {
            le++;
        }
        int m = ALLOW_MARKER.length();
        for (int p = ls; p + m <= le; p++) {
            if (b[p] == 'd' && b[p + 1] == 'a') {
                int k = 0;
                while (k < m && b[p + k] == ALLOW_MARKER.charAt(k)) {
                    k++;
                }
                if (k == m) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<String> articles(Hit h) {
        return h.c.critical ? criticalArticles.get(h.d.index) : h.d.info.articles();
    }

    /**
     * By detector index, the articles of its critical findings: its own with Art. 9 added where missing. Built
     * up front, so that reporting the first critical finding neither makes a list nor (in compiled code) runs a
     * lookup that was never run before, which would cost a recompile of the report path.
     */
    private static List<List<String>> criticalArticles(List<Detector> detectors) {
        List<List<String>> lists = new ArrayList<>(detectors.size());
        for (Detector d : detectors) {
            List<String> a = d.info.articles();
            if (a.contains(Detectors.ART9)) {
                lists.add(a);
            } else {
                List<String> more = new ArrayList<>(a);
                more.add(Detectors.ART9);
                lists.add(List.copyOf(more));
            }
        }
        return List.copyOf(lists);
    }

    private static Severity severity(Hit h) {
        return h.c.critical ? Severity.CRITICAL : h.d.info.severity();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Where snippets are built before their one copy into a String; one per stream (not thread-safe). */
    private static final class SnippetBuffer {
        char[] c = new char[256];
        int n;

        void room(int more) {
            if (n + more > c.length) {
                c = java.util.Arrays.copyOf(c, Math.max(n + more, 2 * c.length));
            }
        }

        void text(char[] b, int from, int to) {
            room(to - from);
            char[] d = c;
            int k = n;
            for (int p = from; p < to; p++) {
                char ch = b[p];
                d[k++] = ch < ' ' ? ' ' : ch;
            }
            n = k;
        }

        void masked(String m) {
            room(m.length());
            m.getChars(0, m.length(), c, n);
            n += m.length();
        }
    }

    /**
     * The match's line around it (40 chars each side) with it and every other match in it masked,
     * any run of six or more digits left masked too, and the ends stripped of white space.
     */
    private static String snippet(char[] b, int limit, Hit h, List<Hit> hits, int index, SnippetBuffer sb) {
        int s = h.c.start;
        // each of these loops has one exit test, both of its conditions in it: with two exits the one
        // not taken yet (no line end within 40 chars, or none before the cap) becomes an uncommon trap
        // and the first text that takes it has snippet recompiled
        int from = s;
        int lineFloor = Math.max(0, s - SNIPPET_SIDE);
        while ((((lineFloor - from) >>> 31) & (eol(b[Math.max(from - 1, 0)]) ^ 1)) != 0) {
            from--;
        }
        // the line's end matters only up to 40 chars past the match (cap > s: the match starts before limit)
        int cap = Math.min(limit, Math.max(h.c.end, s) + SNIPPET_SIDE);
        int to = s;
        while ((((to - cap) >>> 31) & (eol(b[Math.min(to, cap - 1)]) ^ 1)) != 0) {
            to++;
        }
        // 40 chars may end inside a surrogate pair (an emoji in a chat line): the half is left out, so a
        // snippet is always well-formed UTF-16 and reads the same from memory as from a spill file's UTF-8
        if (from < s && Character.isLowSurrogate(b[from])) {
            from++;
        }
        if (to > s && Character.isHighSurrogate(b[to - 1])) {
            to--;
        }
        int first = index;
        while (first > 0 && hits.get(first - 1).c.end > from) {
            first--;
        }
        sb.n = 0;
        int p = from;
        for (int k = first; k < hits.size() && p < to; k++) {
            Hit o = hits.get(k);
            if (o.c.start >= to) {
                break;
            }
            if (o.c.end <= p) {
                continue;
            }
            sb.text(b, p, Math.max(p, o.c.start));
            sb.masked(o.masked(b));
            p = o.c.end;
        }
        if (p < to) {
            sb.text(b, p, to);
        }
        return finish(sb.c, sb.n);
    }

    /** Bits c of the ASCII characters below 64 that Character.isWhitespace holds for: '\t' to '\r', 0x1C to ' '. */
    private static final long ASCII_WHITESPACE = 0x1_F000_3E00L;

    /**
     * The snippet's String: c[0, n) with the ends stripped of white space and, as defence in depth,
     * any run of six or more digits left in it masked too. One pass without branches finds the
     * longest run of ASCII digits, whether any char is not ASCII, and the white space at the ends;
     * only when a run is long or a char not ASCII does the per-character path run.
     */
    private static String finish(char[] c, int n) {
        int run = 0;
        int longest = 0;
        int bits = 0;
        int alive = 1;  // 1 while every char so far is white space
        int lo = 0;     // white space chars at the start
        int hi = 0;     // just past the last char that is not white space
        for (int i = 0; i < n; i++) {
            int ch = c[i];
            bits |= ch;
            run = (run + 1) & ~((ch - '0') | ('9' - ch)) >> 31;
            longest = Math.max(longest, run);
            int ws = (int) (ASCII_WHITESPACE >>> ch) & ((ch - 64) >>> 31) & 1;
            alive &= ws;
            lo += alive;
            hi = Math.max(hi, (i + 1) & (ws - 1)); // i + 1 when the char is not white space, else 0
        }
        // one test, without the branches a boolean | of two comparisons compiles to
        if (((5 - longest) | (0x7F - bits)) < 0) {
            return finishSlowly(c, n);
        }
        return new String(c, lo, Math.max(lo, hi) - lo);
    }

    /**
     * finish for a snippet with a long digit run or a char that is not ASCII. A method of its own: its call
     * site is cold, so C2 mostly leaves it out of finish's code, and the branches it first takes late in a
     * scan (white space at an end of such a snippet) then recompile only it.
     */
    private static String finishSlowly(char[] c, int n) {
        maskDigitRuns(c, n);
        int lo = 0;
        int hi = n;
        while (lo < hi && Character.isWhitespace(c[lo])) {
            lo++;
        }
        while (hi > lo && Character.isWhitespace(c[hi - 1])) {
            hi--;
        }
        return new String(c, lo, hi - lo);
    }

    /** Masks every run of six or more digits (Character.isDigit, so non-ASCII digits too). */
    private static void maskDigitRuns(char[] c, int n) {
        int run = 0;
        for (int i = 0; i <= n; i++) {
            if (i < n && Character.isDigit(c[i])) {
                run++;
            } else {
                if (run >= 6) {
                    java.util.Arrays.fill(c, i - run, i, '*');
                }
                run = 0;
            }
        }
    }

    // ------------------------------------------------------------------ TextScanner

    /**
     * Per-thread copy of the text {@link #scan(CharSequence)} and {@link #scanField} look at (label and
     * value side by side), reused so that a cell or JSON value costs no array and no concatenated String.
     * Texts longer than {@link #KEPT_FIELD_BUFFER} get their own array, so no thread holds a large one.
     */
    private static final ThreadLocal<char[][]> FIELD_BUFFER =
            ThreadLocal.withInitial(() -> new char[][] {new char[512]});
    private static final int KEPT_FIELD_BUFFER = 1 << 17;

    private static char[] fieldBuffer(int n) {
        if (n > KEPT_FIELD_BUFFER) {
            return new char[n];
        }
        char[][] holder = FIELD_BUFFER.get();
        if (holder[0].length < n) {
            holder[0] = new char[Math.min(KEPT_FIELD_BUFFER, Math.max(n, 2 * holder[0].length))];
        }
        return holder[0];
    }

    private static void copy(CharSequence text, char[] b, int at) {
        if (text instanceof String s) {
            s.getChars(0, s.length(), b, at);
        } else {
            for (int i = 0, n = text.length(); i < n; i++) {
                b[at + i] = text.charAt(i);
            }
        }
    }

    @Override
    public List<Match> scan(CharSequence text) {
        int n = text.length();
        char[] b = fieldBuffer(n);
        copy(text, b, 0);
        try {
            return matches(b, n, 0);
        } finally {
            java.util.Arrays.fill(b, 0, n, '\0'); // the thread keeps the buffer, not the text
        }
    }

    /**
     * The reported matches of b[0, n) that start at or after {@code from}, with offsets relative to
     * {@code from}; matches before it (in a field's label) still take part in resolving overlaps.
     */
    private List<Match> matches(char[] b, int n, int from) {
        List<Hit> hits = window(b, n, 0, n);
        if (hits.isEmpty()) {
            return List.of();
        }
        List<Match> out = new ArrayList<>(hits.size());
        Fingerprinter fingerprints = fingerprinter.get();
        for (Hit h : hits) {
            if (h.c.start < from || onAllowedLine(b, n, h.c.start, h.c.end)) {
                continue;
            }
            String fp = fingerprints.of(h.d, b, h.c.start, h.c.end);
            if (!allowed.isEmpty() && allowed.contains(fp)) {
                continue;
            }
            out.add(new Match(h.d.id(), h.d.info.entityType(), severity(h), round(h.c.confidence), articles(h),
                    h.c.start - from, h.c.end - from, h.masked(b), fp));
        }
        return out;
    }

    @Override
    public List<Match> scanField(String fieldName, CharSequence value) {
        if (fieldName == null || fieldName.isBlank() || fieldName.length() > 200) {
            return scan(value);
        }
        // the field name becomes a label in front of the value ("geboortedatum: 1985-03-12")
        int shift = fieldName.length() + 2;
        int n = shift + value.length();
        char[] b = fieldBuffer(n);
        fieldName.getChars(0, fieldName.length(), b, 0);
        for (int i = 0; i < fieldName.length(); i++) {
            if (eol(b[i]) != 0) {
                b[i] = ' ';
            }
        }
        b[shift - 2] = ':';
        b[shift - 1] = ' ';
        copy(value, b, shift);
        try {
            return matches(b, n, shift);
        } finally {
            java.util.Arrays.fill(b, 0, n, '\0'); // the thread keeps the buffer, not the text
        }
    }

    /**
     * The thread's spare buffer for a streamed text: a tree of small files made a 16 KB array per file, and each
     * new one touched fresh pages of the heap (page faults and zeroing were ~0.2 s of 4,000 tiny files). Taken out
     * while a stream uses it (a text scanned from inside another one gets its own), wiped before it goes back: the
     * thread keeps the buffer, not the text. Buffers grown past {@link #KEPT_STREAM_BUFFER} are not kept.
     */
    private static final ThreadLocal<char[][]> STREAM_BUFFER = ThreadLocal.withInitial(() -> new char[1][]);
    private static final int KEPT_STREAM_BUFFER = 1 << 16;

    @Override
    public void scan(Reader text, String path, String section, FindingSink sink) throws IOException {
        char[][] spare = STREAM_BUFFER.get();
        char[] buffer = spare[0];
        spare[0] = null;
        Stream s = new Stream(text, path, section, sink, buffer);
        try {
            s.run();
        } finally {
            char[] used = s.buf;
            if (used.length <= KEPT_STREAM_BUFFER) {
                java.util.Arrays.fill(used, 0, s.high, '\0');
                spare[0] = used;
            }
        }
    }

    /** Chars per block of a parallel scan (4 MiB): a multiple of the chunk, see {@link Blocks}. */
    static final int BLOCK_CHARS = 2 << 20;

    /** For tests of block boundaries: blocks of {@code n} chunks. */
    CatalogueScanner blockChunks(int n) {
        blockChunks = n;
        return this;
    }

    @Override
    public void scan(Reader text, String path, String section, FindingSink sink, Executor workers, int parallelism)
            throws IOException {
        if (parallelism < 2) {
            scan(text, path, section, sink);
        } else {
            new Blocks(text, path, section, sink, workers, parallelism).run();
        }
    }

    /**
     * One text scanned in blocks on several threads. Block k covers the chars [k * B, (k + 1) * B) of the text, B a
     * multiple of the chunk; its worker streams the chars [k * B - overlap, (k + 1) * B + overlap) and reports the
     * matches that start in the block. Because B is a multiple of the chunk and the look-back and look-ahead are the
     * overlap, every window the worker scans holds exactly the chars (and ends at exactly the limit) of the window the
     * one-thread {@link Stream} scans for the same region, so the findings are the same. Line numbers, columns and
     * offsets are relative to the block's first char; the caller adds the lines and chars of the blocks before it,
     * in order, before a finding reaches the sink. At most {@code parallelism} blocks are in flight, plus the one
     * being read: memory stays bounded (about 4 MiB per block, the arrays reused).
     */
    private final class Blocks {
        private final Reader in;
        private final String path;
        private final String section;
        private final FindingSink sink;
        private final Executor workers;
        private final int parallelism;
        private final int size = blockChunks * chunk;
        /** Line breaks before the next block to send to the sink, and where the line holding its first char starts. */
        private long linesBefore;
        private long lineStartBefore;
        /** Arrays of blocks already passed on, for the next blocks: a scan allocates parallelism + 1 of them. */
        private final java.util.ArrayDeque<char[]> spare = new java.util.ArrayDeque<>();
        /**
         * Full-size stream buffers of blocks already scanned, for the next blocks: a block's stream would
         * otherwise allocate, zero and grow its own (from 8 KiB to ~580 KB) per block. At most parallelism of them.
         */
        private final java.util.concurrent.ConcurrentLinkedQueue<char[]> streamBuffers =
                new java.util.concurrent.ConcurrentLinkedQueue<>();

        Blocks(Reader in, String path, String section, FindingSink sink, Executor workers, int parallelism) {
            this.in = in;
            this.path = path;
            this.section = section;
            this.sink = sink;
            this.workers = workers;
            this.parallelism = parallelism;
        }

        void run() throws IOException {
            java.util.ArrayDeque<CompletableFuture<Block>> inFlight = new java.util.ArrayDeque<>();
            try {
                char[] carry = null;
                long arrayStart = 0;
                boolean last = false;
                while (!last) {
                    // the first block has no look-back, but its stream must see a full buffer as the one-thread
                    // stream does (only tests make a block shorter than a chunk plus the overlap)
                    int from = carry == null ? 0 : overlap;
                    int head = carry == null ? 0 : carry.length;
                    int want = carry == null ? Math.max(size, chunk + overlap) + overlap : size + 2 * overlap;
                    char[] a = spare.isEmpty() ? new char[Math.max(want, size + 2 * overlap)] : spare.removeFirst();
                    if (carry != null) {
                        System.arraycopy(carry, 0, a, 0, head);
                    }
                    int n = head;
                    while (n < want) {
                        int r = in.read(a, n, want - n);
                        if (r < 0) {
                            last = true;
                            break;
                        }
                        n += r;
                    }
                    int end = from + size; // the block's end in the array
                    Block b = new Block(a, n, arrayStart, from, last ? Long.MAX_VALUE : end, last);
                    if (!last) {
                        carry = java.util.Arrays.copyOfRange(a, end - overlap, n);
                        arrayStart += end - overlap;
                    }
                    if (inFlight.size() >= parallelism) {
                        emit(inFlight.removeFirst());
                    }
                    inFlight.addLast(CompletableFuture.supplyAsync(b::scan, workers));
                }
                while (!inFlight.isEmpty()) {
                    emit(inFlight.removeFirst());
                }
            } finally {
                for (CompletableFuture<Block> f : inFlight) {
                    f.cancel(false);
                }
            }
        }

        /** Waits for a block and sends its findings to the sink, placed in the whole text. */
        private void emit(CompletableFuture<Block> next) throws IOException {
            Block b;
            try {
                b = next.join();
            } catch (java.util.concurrent.CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IOException(cause);
            }
            long shiftLines = linesBefore - b.linesBeforeFrom;
            long shiftColumns = b.arrayStart - lineStartBefore;
            for (Finding f : b.findings) {
                if (b.arrayStart == 0) {
                    sink.finding(f); // the first block: already placed
                    continue;
                }
                // a line 1 of the block's array began before the array: its columns count from lineStartBefore
                Location l = f.location();
                Location placed = new Location(l.path(), l.section(), (int) (l.line() + shiftLines),
                        l.line() == 1 ? (int) (l.column() + shiftColumns) : l.column(),
                        (int) (l.endLine() + shiftLines),
                        l.endLine() == 1 ? (int) (l.endColumn() + shiftColumns) : l.endColumn(),
                        b.arrayStart + l.offset(), l.length());
                sink.finding(new Finding(f.detectorId(), f.entityType(), f.severity(), f.confidence(), f.articles(),
                        placed, f.maskedValue(), f.fingerprint(), f.snippet(), f.occurrences(), f.attributes()));
            }
            linesBefore += b.lines;
            if (b.lines > 0) {
                lineStartBefore = b.arrayStart + b.lastLineStart;
            }
            spare.addLast(b.chars);
        }

        /** One block: its chars with look-back and look-ahead, and, once scanned, its findings and line counts. */
        private final class Block {
            final char[] chars;
            final int length;
            final long arrayStart;
            final int from;
            final long stop;
            final boolean last;
            final List<Finding> findings = new ArrayList<>();
            int linesBeforeFrom;
            /** Line breaks in the block itself, and where (in the array) the line after the last one starts. */
            long lines;
            long lastLineStart;

            Block(char[] chars, int length, long arrayStart, int from, long stop, boolean last) {
                this.chars = chars;
                this.length = length;
                this.arrayStart = arrayStart;
                this.from = from;
                this.stop = stop;
                this.last = last;
            }

            Block scan() {
                char[] buffer = streamBuffers.poll();
                Stream s = new Stream(new java.io.CharArrayReader(chars, 0, length), path, section, new FindingSink() {
                    @Override
                    public void finding(Finding finding) {
                        findings.add(finding);
                    }

                    @Override
                    public void error(io.dataguardian.engine.finding.FileError error) {
                        throw new IllegalStateException("the text scanner reports no errors");
                    }
                }, buffer);
                s.from = from;
                s.stop = stop;
                try {
                    s.run();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e); // a CharArrayReader does not fail
                }
                streamBuffers.offer(s.buf);
                linesBeforeFrom = s.linesBeforeFrom;
                lines = s.line - 1 - s.linesBeforeFrom;
                lastLineStart = s.lineStart;
                return this;
            }
        }
    }

    /** State of one streamed text: the sliding buffer and the line counter. */
    private final class Stream {
        private final Reader in;
        private final String path;
        private final String section;
        private final FindingSink sink;
        /** Chunk plus overlap on both sides; {@link #buf} grows to it only while the text lasts. */
        private final int capacity = chunk + 2 * overlap;
        /**
         * Starts small: most files are a few KiB, and a full buffer is 580 KB allocated and zeroed per
         * file. Regions depend on {@link #capacity}, not on this array's size.
         */
        private char[] buf;
        private int len;
        /** The most chars {@link #buf} has held (what a reused buffer must wipe). */
        private int high;
        private long base;
        private boolean eof;
        /** 1 until the end of the text is read, then 0 (eof as a number, for {@link #lineBreak}). */
        private int open = 1;
        private int line = 1;
        private long lineStart;
        private int tracked;
        private final SnippetBuffer snippets = new SnippetBuffer();
        /** This thread's: a stream is scanned on the thread that made it. */
        private final Fingerprinter fingerprints = fingerprinter.get();
        /** Where the first region starts (a block of a parallel scan starts after its look-back). */
        private int from;
        /** Stream position at which to stop, at a region end (a block's end); MAX_VALUE: the end of the text. */
        private long stop = Long.MAX_VALUE;
        /** Line breaks before {@link #from}, counted when the first chunk is read. */
        private int linesBeforeFrom;

        Stream(Reader in, String path, String section, FindingSink sink) {
            this(in, path, section, sink, null);
        }

        /**
         * A stream that reads into {@code buffer} (a full buffer of an earlier stream: its contents past
         * {@link #len} are never read), or into its own array when it is null.
         */
        Stream(Reader in, String path, String section, FindingSink sink, char[] buffer) {
            this.in = in;
            this.path = path;
            this.section = section;
            this.sink = sink;
            this.buf = buffer != null ? buffer : new char[Math.min(capacity, 8192)];
        }

        void run() throws IOException {
            fill();
            int regionStart = from;
            if (from > 0) {
                advanceLines(from);
                linesBeforeFrom = line - 1;
            }
            while (true) {
                int regionEnd = eof ? len : Math.min(regionStart + chunk, len - overlap);
                if (regionEnd > regionStart) {
                    List<Hit> hits = window(buf, len, Math.max(0, regionStart - PRE), Math.min(len, regionEnd + PRE));
                    for (int k = 0; k < hits.size(); k++) {
                        Hit h = hits.get(k);
                        if (h.c.start >= regionStart && h.c.start < regionEnd) {
                            report(h, hits, k);
                        }
                    }
                    advanceLines(regionEnd);
                }
                if (eof && regionEnd >= len || base + regionEnd >= stop) {
                    return;
                }
                int keepFrom = Math.max(0, regionEnd - overlap);
                System.arraycopy(buf, keepFrom, buf, 0, len - keepFrom);
                base += keepFrom;
                len -= keepFrom;
                tracked -= keepFrom;
                regionStart = regionEnd - keepFrom;
                fill();
            }
        }

        private void fill() throws IOException {
            while (!eof && len < capacity) {
                if (len == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, Math.min(capacity, 2 * buf.length));
                }
                // a reused buffer may be larger than this scanner's capacity (another scanner's): never read past it
                int n = in.read(buf, len, Math.min(buf.length, capacity) - len);
                if (n < 0) {
                    eof = true;
                    open = 0;
                } else {
                    len += n;
                    high = Math.max(high, len);
                }
            }
        }

        /**
         * 1 when buf[p] ends a line ('\n', or '\r' not followed by '\n'; a '\r' at the end of the
         * buffer only at the end of the text), else 0. Arithmetic rather than branches, for the
         * reason given at {@link #eol}.
         */
        private int lineBreak(int p) {
            char c = buf[p];
            int end = eol(c);
            int cr = end & c;                       // '\r' is odd, '\n' even
            int last = (len - 2 - p) >>> 31;        // p + 1 >= len
            int nextNl = ((buf[Math.min(p + 1, len - 1)] ^ '\n') - 1) >>> 31;
            int followed = (nextNl & (last ^ 1)) | (last & open);
            return (end & ~cr) | (cr & (followed ^ 1));
        }

        private void advanceLines(int to) {
            char[] b = buf;
            int last = -1;
            int lines = 0;
            for (int p = tracked; p < to; p++) {
                if (b[p] <= '\r') { // runs for every char: one compare; lineBreak sorts out '\t' and the rest
                    int brk = lineBreak(p);
                    lines += brk;
                    last += (p - last) * brk;
                }
            }
            if (last >= 0) {
                line += lines;
                lineStart = base + last + 1;
            }
            tracked = Math.max(tracked, to);
        }

        private void report(Hit h, List<Hit> hits, int index) {
            if (onAllowedLine(buf, len, h.c.start, h.c.end)) {
                return;
            }
            String fp = fingerprints.of(h.d, buf, h.c.start, h.c.end);
            if (!allowed.isEmpty() && allowed.contains(fp)) {
                return;
            }
            advanceLines(h.c.start);
            int startLine = line;
            int column = (int) (base + h.c.start - lineStart) + 1;
            int endLine = startLine;
            long lastLineStart = lineStart;
            for (int p = h.c.start; p < h.c.end; p++) {
                int brk = lineBreak(p) & ((p + 1 - h.c.end) >>> 31);
                endLine += brk;
                lastLineStart += (base + p + 1 - lastLineStart) * brk;
            }
            int endColumn = (int) (base + h.c.end - lastLineStart) + 1;
            Location loc = new Location(path, section, startLine, column, endLine, endColumn, base + h.c.start,
                    h.c.end - h.c.start);
            sink.finding(new Finding(h.d.id(), h.d.info.entityType(), severity(h), round(h.c.confidence),
                    articles(h), loc, h.masked(buf), fp, snippet(buf, len, h, hits, index, snippets), 1, Map.of()));
        }
    }
}
