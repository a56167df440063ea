package io.dataguardian.engine.scan;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compact binary form of a {@link Finding} in a spill run (see {@link FindingStore}): only what
 * the record holds (masked value, keyed fingerprint, masked snippet), never a raw value.
 *
 * <p>Per record: a tag byte (1 = finding, 0 = end of run), then the fields with variable-length
 * integers. The strings that repeat from finding to finding (detector id, entity type, articles,
 * path, section, attribute names and values) go through a per-run dictionary: the first use writes
 * the text and defines an entry, later uses write the entry's number; past {@value #MAX_ENTRIES}
 * entries texts are written in full, so a run over many distinct paths keeps memory bounded. A
 * fingerprint of 64 lowercase hex digits (the HMAC-SHA256 form) is stored as its 32 bytes. Reading
 * gives back a finding equal to the one written; repeated texts come back as one shared instance.
 */
final class SpillCodec {

    static final int MAX_ENTRIES = 4096;

    private static final int NULL = 0;
    private static final int LITERAL = 1;
    private static final int DEFINE = 2;
    private static final int REF = 3;
    private static final int FP_NONE = 0;
    private static final int FP_HEX = 1;
    private static final int FP_TEXT = 2;
    private static final Severity[] SEVERITIES = Severity.values();
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private SpillCodec() {
    }

    /** Writes one run. Not thread-safe. */
    static final class Writer implements Closeable {
        private final OutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private final Map<String, Integer> strings = new HashMap<>();
        private final Map<List<String>, Integer> lists = new HashMap<>();
        private final Map<List<String>, Integer> listsByInstance = new java.util.IdentityHashMap<>();

        Writer(OutputStream out) {
            this.out = out;
        }

        void write(Finding f) throws IOException {
            ensure(32);
            buf[pos++] = 1;
            ref(f.detectorId());
            ref(f.entityType());
            ensure(16);
            buf[pos++] = (byte) f.severity().ordinal();
            long c = Double.doubleToRawLongBits(f.confidence());
            for (int i = 56; i >= 0; i -= 8) {
                buf[pos++] = (byte) (c >>> i);
            }
            articles(f.articles());
            Location l = f.location();
            if (l == null) {
                ensure(1);
                buf[pos++] = 0;
            } else {
                ensure(1);
                buf[pos++] = 1;
                ref(l.path());
                ref(l.section());
                ensure(5 * 5 + 10);
                zigzag(l.line());
                zigzag(l.column());
                zigzag(l.endLine());
                zigzag(l.endColumn());
                zigzag(l.offset());
                zigzag(l.length());
            }
            text(f.maskedValue());
            fingerprint(f.fingerprint());
            text(f.snippet());
            ensure(10);
            zigzag(f.occurrences());
            Map<String, String> attributes = f.attributes();
            varint(attributes.size());
            if (!attributes.isEmpty()) {
                // sorted, so a run's bytes do not depend on a map's order (one entry: nothing to sort)
                Map<String, String> sorted = attributes.size() == 1 ? attributes : new TreeMap<>(attributes);
                for (Map.Entry<String, String> e : sorted.entrySet()) {
                    ref(e.getKey());
                    ref(e.getValue());
                }
            }
        }

        /** Marks the end of the run and flushes; the stream stays open. */
        void end() throws IOException {
            ensure(1);
            buf[pos++] = 0;
            flush();
        }

        private void flush() throws IOException {
            out.write(buf, 0, pos);
            pos = 0;
        }

        private void ensure(int n) throws IOException {
            if (pos + n > buf.length) {
                flush();
            }
        }

        private void ref(String s) throws IOException {
            ensure(10);
            if (s == null) {
                varint(NULL);
                return;
            }
            Integer id = strings.get(s);
            if (id != null) {
                varint(REF + id);
            } else if (strings.size() < MAX_ENTRIES) {
                strings.put(s, strings.size());
                varint(DEFINE);
                bytes(s);
            } else {
                varint(LITERAL);
                bytes(s);
            }
        }

        private void articles(List<String> articles) throws IOException {
            ensure(10);
            // by instance first: a list's hashCode walks it, and most findings share their detector's list
            Integer id = listsByInstance.get(articles);
            if (id == null) {
                id = lists.get(articles);
                if (id != null && listsByInstance.size() < MAX_ENTRIES) {
                    listsByInstance.put(articles, id);
                }
            }
            if (id != null) {
                varint(REF + id);
                return;
            }
            if (lists.size() < MAX_ENTRIES) {
                lists.put(articles, lists.size());
                varint(DEFINE);
            } else {
                varint(LITERAL);
            }
            varint(articles.size());
            for (String a : articles) {
                ref(a);
            }
        }

        /** A string outside the dictionary: 0 for null, else its UTF-8 length + 1 and the bytes. */
        private void text(String s) throws IOException {
            ensure(10);
            if (s == null) {
                varint(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length + 1L);
            raw(b);
        }

        private void bytes(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            ensure(10);
            varint(b.length);
            raw(b);
        }

        private void raw(byte[] b) throws IOException {
            if (b.length > buf.length - pos) {
                flush();
                if (b.length > buf.length) {
                    out.write(b);
                    return;
                }
            }
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        private void fingerprint(String fp) throws IOException {
            ensure(40);
            if (fp == null) {
                buf[pos++] = FP_NONE;
                return;
            }
            if (fp.length() == 64) {
                // decode straight into the buffer; undone below if a character is not lowercase hex
                int start = pos;
                buf[pos++] = FP_HEX;
                int bad = 0;
                for (int i = 0; i < 64; i += 2) {
                    int hi = hexValue(fp.charAt(i));
                    int lo = hexValue(fp.charAt(i + 1));
                    bad |= hi | lo;
                    buf[pos++] = (byte) ((hi << 4) | lo);
                }
                if (bad >= 0) {
                    return;
                }
                pos = start;
            }
            buf[pos++] = FP_TEXT;
            text(fp);
        }

        /** Caller ensured 10 bytes of room. */
        private void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[pos++] = (byte) v;
        }

        private void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        @Override
        public void close() throws IOException {
            flush();
            out.close();
        }
    }

    /** Lowercase hex digit values by character; -1 for every other character below 128. */
    private static final byte[] HEX_VALUE = new byte[128];

    static {
        java.util.Arrays.fill(HEX_VALUE, (byte) -1);
        for (int i = 0; i < 16; i++) {
            HEX_VALUE[HEX[i]] = (byte) i;
        }
    }

    /** The value of a lowercase hex digit, or a negative number for any other character. */
    private static int hexValue(char c) {
        return c < 128 ? HEX_VALUE[c] : -1;
    }

    /** Reads one run back. Not thread-safe. */
    static final class Reader implements Closeable {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 15];
        private int pos;
        private int lim;
        private byte[] scratch = new byte[256];
        private final byte[] hexScratch = new byte[64];
        private final List<String> strings = new ArrayList<>();
        private final List<List<String>> lists = new ArrayList<>();

        Reader(InputStream in) {
            this.in = in;
        }

        /** The next finding, or null at the end of the run. */
        Finding next() throws IOException {
            int tag = u8();
            if (tag == 0) {
                return null;
            }
            if (tag != 1) {
                throw new IOException("a findings spill file is corrupt");
            }
            String detector = ref();
            String entity = ref();
            Severity severity = SEVERITIES[u8()];
            long c = 0;
            for (int i = 0; i < 8; i++) {
                c = (c << 8) | u8();
            }
            double confidence = Double.longBitsToDouble(c);
            List<String> articles = articles();
            Location loc = null;
            if (u8() == 1) {
                String path = ref();
                String section = ref();
                loc = new Location(path, section, (int) zigzag(), (int) zigzag(), (int) zigzag(), (int) zigzag(),
                        zigzag(), (int) zigzag());
            }
            String masked = text();
            String fingerprint = fingerprint();
            String snippet = text();
            int occurrences = (int) zigzag();
            int nattr = (int) varint();
            Map<String, String> attributes = Map.of();
            if (nattr == 1) {
                // the one attribute findings carry (a name hint): an immutable map, which Finding keeps as is
                // instead of copying a HashMap into one for every such finding read back
                attributes = Map.of(ref(), ref());
            } else if (nattr > 1) {
                attributes = new HashMap<>();
                for (int i = 0; i < nattr; i++) {
                    attributes.put(ref(), ref());
                }
            }
            return new Finding(detector, entity, severity, confidence, articles, loc, masked, fingerprint, snippet,
                    occurrences, attributes);
        }

        private String ref() throws IOException {
            long code = varint();
            if (code == NULL) {
                return null;
            }
            if (code >= REF) {
                return strings.get((int) (code - REF));
            }
            String s = utf8((int) varint());
            if (code == DEFINE) {
                strings.add(s);
            }
            return s;
        }

        private List<String> articles() throws IOException {
            long code = varint();
            if (code >= REF) {
                return lists.get((int) (code - REF));
            }
            int n = (int) varint();
            List<String> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(ref());
            }
            List<String> articles = List.copyOf(list);
            if (code == DEFINE) {
                lists.add(articles);
            }
            return articles;
        }

        private String text() throws IOException {
            long n = varint();
            return n == 0 ? null : utf8((int) (n - 1));
        }

        private String fingerprint() throws IOException {
            int kind = u8();
            if (kind == FP_NONE) {
                return null;
            }
            if (kind == FP_TEXT) {
                return text();
            }
            byte[] hex = hexScratch;
            if (lim - pos >= 32) {
                byte[] in = buf;
                int p = pos;
                for (int i = 0; i < 64; i += 2) {
                    int b = in[p++] & 0xFF;
                    hex[i] = HEX[b >>> 4];
                    hex[i + 1] = HEX[b & 0xF];
                }
                pos = p;
            } else {
                for (int i = 0; i < 64; i += 2) {
                    int b = u8();
                    hex[i] = HEX[b >>> 4];
                    hex[i + 1] = HEX[b & 0xF];
                }
            }
            return new String(hex, StandardCharsets.ISO_8859_1);
        }

        private String utf8(int n) throws IOException {
            if (n <= lim - pos) {
                String s = new String(buf, pos, n, StandardCharsets.UTF_8);
                pos += n;
                return s;
            }
            if (scratch.length < n) {
                scratch = new byte[Math.max(n, scratch.length * 2)];
            }
            int have = lim - pos;
            System.arraycopy(buf, pos, scratch, 0, have);
            pos = lim;
            int r = in.readNBytes(scratch, have, n - have);
            if (r != n - have) {
                throw new EOFException("a findings spill file is truncated");
            }
            return new String(scratch, 0, n, StandardCharsets.UTF_8);
        }

        private int u8() throws IOException {
            if (pos == lim) {
                fill();
            }
            return buf[pos++] & 0xFF;
        }

        private void fill() throws IOException {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                throw new EOFException("a findings spill file is truncated");
            }
            pos = 0;
            lim = n;
        }

        private long varint() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = u8();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IOException("a findings spill file is corrupt");
        }

        private long zigzag() throws IOException {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
