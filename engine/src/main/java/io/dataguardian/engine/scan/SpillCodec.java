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
    /** The fields whose last dictionary text the writer remembers (see Writer.ref). */
    private static final int DETECTOR = 0;
    private static final int ENTITY = 1;
    private static final int PATH = 2;
    private static final int SECTION = 3;
    private static final int ATTRIBUTE_NAME = 4;
    private static final int ATTRIBUTE_VALUE = 5;
    private static final int OTHER = 6;
    private static final int SLOTS = 7;
    private static final int FP_NONE = 0;
    private static final int FP_HEX = 1;
    private static final int FP_TEXT = 2;
    private static final Severity[] SEVERITIES = Severity.values();
    private static final Map<String, String> NO_ATTRIBUTES = Map.of();
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
        private final String[] lastText = new String[SLOTS];
        private final int[] lastCode = new int[SLOTS];
        private final char[] fpChars = new char[64];

        Writer(OutputStream out) {
            this.out = out;
        }

        void write(Finding f) throws IOException {
            ensure(32);
            buf[pos++] = 1;
            ref(DETECTOR, f.detectorId());
            ref(ENTITY, f.entityType());
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
                location(l);
            }
            text(f.maskedValue());
            fingerprint(f.fingerprint());
            text(f.snippet());
            ensure(10);
            zigzag(f.occurrences());
            Map<String, String> attributes = f.attributes();
            // by instance (a Finding holds the one empty immutable map for none), not isEmpty(): that call, on
            // two map classes, made the JIT recompile this method after the first finding with an attribute
            if (attributes == NO_ATTRIBUTES) {
                buf[pos++] = 0;
            } else {
                attributes(attributes);
            }
        }

        private void location(Location l) throws IOException {
            ensure(1);
            buf[pos++] = 1;
            ref(PATH, l.path());
            ref(SECTION, l.section());
            ensure(5 * 5 + 10);
            zigzag(l.line());
            zigzag(l.column());
            zigzag(l.endLine());
            zigzag(l.endColumn());
            zigzag(l.offset());
            zigzag(l.length());
        }

        /**
         * A map's size and entries. A method of its own, like {@link #location}, to keep {@link #write} small
         * for the JIT; most findings carry no attribute, the rest mostly one (a column's name hint).
         */
        private void attributes(Map<String, String> attributes) throws IOException {
            varint(attributes.size());
            // sorted, so a run's bytes do not depend on a map's order (one entry: nothing to sort)
            Map<String, String> sorted = attributes.size() == 1 ? attributes : new TreeMap<>(attributes);
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                ref(ATTRIBUTE_NAME, e.getKey());
                ref(ATTRIBUTE_VALUE, e.getValue());
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

        /**
         * A dictionary text. The slot (which field) remembers the last text written there and its code:
         * a run is sorted, so the path and section, and often the detector, repeat from one finding
         * to the next, and the same instance is written again without a map lookup.
         */
        private void ref(int slot, String s) throws IOException {
            ensure(10);
            if (s == null) {
                varint(NULL);
                return;
            }
            if (s == lastText[slot]) {
                varint(lastCode[slot]);
                return;
            }
            Integer id = strings.get(s);
            if (id != null) {
                lastText[slot] = s;
                lastCode[slot] = REF + id;
                varint(REF + id);
            } else if (strings.size() < MAX_ENTRIES) {
                lastText[slot] = s;
                lastCode[slot] = REF + strings.size();
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
            } else {
                define(articles);
            }
        }

        /**
         * A list not written before in this run: a method of its own, so that the lists' classes met here
         * (one per list length) do not make the JIT recompile the lookup above.
         */
        private void define(List<String> articles) throws IOException {
            if (lists.size() < MAX_ENTRIES) {
                lists.put(articles, lists.size());
                varint(DEFINE);
            } else {
                varint(LITERAL);
            }
            varint(articles.size());
            for (String a : articles) {
                ref(OTHER, a);
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
                // decode straight into the buffer; undone below if a character is not lowercase hex.
                // The chars are copied out first: a loop over an array costs less than 64 charAt calls
                char[] hex = fpChars;
                fp.getChars(0, 64, hex, 0);
                int start = pos;
                byte[] b = buf;
                int p = pos;
                b[p++] = FP_HEX;
                int bad = 0;
                for (int i = 0; i < 64; i += 2) {
                    int hi = HEX_VALUE[Math.min(hex[i], 128)];
                    int lo = HEX_VALUE[Math.min(hex[i + 1], 128)];
                    bad |= hi | lo;
                    b[p++] = (byte) ((hi << 4) | lo);
                }
                if (bad >= 0) {
                    pos = p;
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

    /** Lowercase hex digit values by character; -1 for every other character (index 128: all from 128 up). */
    private static final byte[] HEX_VALUE = new byte[129];

    /** By byte value: its two lowercase hex digits, the first in the high byte. */
    private static final char[] HEX_PAIRS = new char[256];

    static {
        for (int b = 0; b < 256; b++) {
            HEX_PAIRS[b] = (char) ((HEX[b >>> 4] << 8) | HEX[b & 0xF]);
        }
        java.util.Arrays.fill(HEX_VALUE, (byte) -1);
        for (int i = 0; i < 16; i++) {
            HEX_VALUE[HEX[i]] = (byte) i;
        }
    }

    /** Reads one run back. Not thread-safe. */
    static final class Reader implements Closeable {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 15];
        private int pos;
        private int lim;
        private byte[] scratch = new byte[256];
        private final byte[] hexScratch = new byte[64];
        /** The dictionaries, as arrays: a read from one needs no cast (a cast is a type check C2 guards). */
        private String[] strings = new String[64];
        private int stringCount;
        @SuppressWarnings("unchecked")
        private List<String>[] lists = new List[16];
        private int listCount;
        /** The last one-entry attribute map read, and its entry. */
        private Map<String, String> lastAttributes;
        private String lastAttributeName;
        private String lastAttributeValue;

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
            double confidence = Double.longBitsToDouble(long8());
            List<String> articles = articles();
            Location loc = u8() == 1 ? location() : null;
            String masked = text();
            String fingerprint = fingerprint();
            String snippet = text();
            int occurrences = (int) zigzag();
            int nattr = (int) varint();
            Map<String, String> attributes = nattr == 0 ? Map.of() : attributes(nattr);
            return new Finding(detector, entity, severity, confidence, articles, loc, masked, fingerprint, snippet,
                    occurrences, attributes);
        }

        private Location location() throws IOException {
            String path = ref();
            String section = ref();
            return new Location(path, section, (int) zigzag(), (int) zigzag(), (int) zigzag(), (int) zigzag(),
                    zigzag(), (int) zigzag());
        }

        /** A method of its own, to keep {@link #next} small for the JIT (see Writer.attributes). */
        private Map<String, String> attributes(int n) throws IOException {
            if (n == 1) {
                // the one attribute findings carry (a name hint): an immutable map, which Finding keeps as is
                // instead of copying a HashMap into one for every such finding read back; the dictionary gives
                // the same instances again for the same texts, and then the previous map serves again
                String name = ref();
                String value = ref();
                if (lastAttributes == null || name != lastAttributeName || value != lastAttributeValue) {
                    lastAttributes = Map.of(name, value);
                    lastAttributeName = name;
                    lastAttributeValue = value;
                }
                return lastAttributes;
            }
            Map<String, String> attributes = new HashMap<>();
            for (int i = 0; i < n; i++) {
                attributes.put(ref(), ref());
            }
            return attributes;
        }

        private String ref() throws IOException {
            long code = varint();
            if (code == NULL) {
                return null;
            }
            if (code >= REF) {
                if (code - REF >= stringCount) {
                    throw corrupt();
                }
                return strings[(int) (code - REF)];
            }
            String s = utf8((int) varint());
            if (code == DEFINE) {
                if (stringCount == strings.length) {
                    strings = java.util.Arrays.copyOf(strings, 2 * stringCount);
                }
                strings[stringCount++] = s;
            }
            return s;
        }

        private List<String> articles() throws IOException {
            long code = varint();
            if (code >= REF) {
                if (code - REF >= listCount) {
                    throw corrupt();
                }
                return lists[(int) (code - REF)];
            }
            return newList(code);
        }

        /**
         * A list written in full (and defined when the code says so). A method of its own: storing a list in the
         * array is a type check on the list's class (one per list length), which in the lookup above made the JIT
         * recompile it.
         */
        private List<String> newList(long code) throws IOException {
            int n = (int) varint();
            List<String> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(ref());
            }
            List<String> articles = List.copyOf(list);
            if (code == DEFINE) {
                if (listCount == lists.length) {
                    lists = java.util.Arrays.copyOf(lists, 2 * listCount);
                }
                lists[listCount++] = articles;
            }
            return articles;
        }

        private static IOException corrupt() {
            return new IOException("a findings spill file is corrupt");
        }

        /** Eight bytes, big-endian. */
        private long long8() throws IOException {
            long c = 0;
            if (lim - pos >= 8) {
                byte[] b = buf;
                int p = pos;
                for (int i = 0; i < 8; i++) {
                    c = (c << 8) | (b[p++] & 0xFF);
                }
                pos = p;
                return c;
            }
            for (int i = 0; i < 8; i++) {
                c = (c << 8) | u8();
            }
            return c;
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
                    char pair = HEX_PAIRS[in[p++] & 0xFF];
                    hex[i] = (byte) (pair >>> 8);
                    hex[i + 1] = (byte) pair;
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
            if (lim - pos >= 10) {
                // the whole number is in the buffer (10 bytes hold any): no refill check per byte
                byte[] b = buf;
                int p = pos;
                int x = b[p++];
                if (x >= 0) {
                    pos = p;
                    return x;
                }
                long v = x & 0x7F;
                for (int shift = 7; shift < 64; shift += 7) {
                    x = b[p++];
                    v |= (long) (x & 0x7F) << shift;
                    if (x >= 0) {
                        pos = p;
                        return v;
                    }
                }
                throw new IOException("a findings spill file is corrupt");
            }
            return varintSlow();
        }

        private long varintSlow() throws IOException {
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
