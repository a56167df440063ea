package io.dataguardian.engine.source;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.tika.metadata.Metadata;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The hand-over between a Tika parse (on a worker) and the scanning caller: the SAX handler turns
 * Tika's XHTML into a stream of sections with text, through a bounded queue; the pump reads it back
 * as one {@link Reader} per section, with a deadline.
 */
final class SectionEvents {

    private SectionEvents() {
    }

    sealed interface Event permits Start, Text, End, Done {
    }

    record Start(String section) implements Event {
    }

    record Text(char[] chars) implements Event {
    }

    record End() implements Event {
    }

    record Done(Throwable failure) implements Event {
    }

    /** Signals that the document's time limit has passed. */
    static final class TimeoutSignal extends IOException {
        TimeoutSignal() {
            super("document timeout");
        }
    }

    /** Reads events with a deadline; a section's text comes back as a Reader. */
    static final class Pump {
        private final BlockingQueue<Event> queue;
        private final long deadlineNanos;
        private Event pushedBack;

        Pump(BlockingQueue<Event> queue, long deadlineNanos) {
            this.queue = queue;
            this.deadlineNanos = deadlineNanos;
        }

        Event next() throws IOException, InterruptedException {
            if (pushedBack != null) {
                Event e = pushedBack;
                pushedBack = null;
                return e;
            }
            long left = deadlineNanos - System.nanoTime();
            Event e = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (e == null) {
                throw new TimeoutSignal();
            }
            return e;
        }

        /** Text of the current section; ends at the section's end (or at whatever event follows). */
        Reader sectionReader() {
            return new Reader() {
                private char[] buf = new char[0];
                private int pos;
                private boolean ended;

                @Override
                public int read(char[] cbuf, int off, int len) throws IOException {
                    while (pos >= buf.length) {
                        if (ended) {
                            return -1;
                        }
                        Event e;
                        try {
                            e = next();
                        } catch (InterruptedException ie) {
                            Thread.currentThread().interrupt();
                            throw new java.io.InterruptedIOException("document scan interrupted");
                        }
                        if (e instanceof Text t) {
                            buf = t.chars();
                            pos = 0;
                        } else {
                            ended = true;
                            if (!(e instanceof End)) {
                                pushedBack = e;
                            }
                        }
                    }
                    int n = Math.min(len, buf.length - pos);
                    System.arraycopy(buf, pos, cbuf, off, n);
                    pos += n;
                    return n;
                }

                @Override
                public void close() {
                }
            };
        }

        /** Drops what the scanner left unread of the current section (normally nothing). */
        void skipSection() throws IOException, InterruptedException {
            if (pushedBack != null) {
                return;
            }
            // the reader was read to its end by the scanner; nothing more to skip in the normal case
        }
    }

    /**
     * Tika XHTML to sections. Knows: {@code <div class="page">} (a PDF page, or a sheet of a
     * spreadsheet with its name in the following {@code <h1>}), table rows and cells inside a sheet
     * ({@code sheet Customers!B4}), {@code <div class="slide-content">} (a slide) and
     * {@code <div class="package-entry">} (an attachment or embedded document, named by its
     * {@code <h1>}). E-mail text is the section {@code body}.
     */
    static final class Handler extends DefaultHandler {
        private static final int FLUSH_CHARS = 4096;

        private final BlockingQueue<Event> queue;
        private final Metadata metadata;
        private final StringBuilder text = new StringBuilder();
        private final Deque<String> divs = new ArrayDeque<>();
        private final Deque<String> savedSections = new ArrayDeque<>();
        private String section;
        private boolean sectionOpen;
        private boolean started;
        private boolean spreadsheet;
        private boolean email;
        private int pages;
        private int slides;
        private int sheets;
        private String sheetName;
        private boolean inSheet;
        private int row;
        private int col;
        private StringBuilder capture; // h1 text being captured (sheet or attachment name)
        private String captureFor;
        private boolean inCell;
        private boolean capturing;
        /**
         * Inside the XHTML body: the head's line breaks and title (scanned from the metadata) are no text, so
         * a section's lines are those of its own text (an e-mail body's third line was its line 20).
         */
        private boolean inBody;

        Handler(BlockingQueue<Event> queue, Metadata metadata) {
            this.queue = queue;
            this.metadata = metadata;
        }

        int pages() {
            return pages;
        }

        private void init() {
            if (started) {
                return;
            }
            started = true;
            String type = metadata.get(Metadata.CONTENT_TYPE);
            String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
            spreadsheet = t.contains("spreadsheet") || t.contains("ms-excel");
            email = DocumentExtractor.isEmail(t);
            section = email ? "body" : null;
        }

        @Override
        public void startDocument() {
            init();
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            init();
            String name = localName == null || localName.isEmpty() ? qName : localName;
            switch (name) {
                case "body" -> inBody = true;
                case "div" -> {
                    String cls = atts.getValue("class");
                    divs.push(cls == null ? "" : cls);
                    if ("page".equals(cls) || "sheet".equals(cls)) {
                        // the container type (x-tika-ooxml) is refined once the parser knows the document
                        String type = String.valueOf(metadata.get(Metadata.CONTENT_TYPE)).toLowerCase(Locale.ROOT);
                        spreadsheet = "sheet".equals(cls) || type.contains("spreadsheet") || type.contains("ms-excel");
                        if (spreadsheet) {
                            sheets++;
                            inSheet = true;
                            sheetName = "Sheet" + sheets;
                            row = 0;
                            capture = new StringBuilder();
                            captureFor = "sheet";
                            switchTo("sheet " + sheetName);
                        } else {
                            pages++;
                            switchTo("page " + pages);
                        }
                    } else if ("slide-content".equals(cls)) {
                        slides++;
                        switchTo("slide " + slides);
                    } else if ("package-entry".equals(cls) || "embedded".equals(cls)) {
                        savedSections.push(section == null ? "" : section);
                        capture = new StringBuilder();
                        captureFor = "attachment";
                        switchTo("attachment");
                    }
                }
                case "h1" -> {
                    if (capture != null) {
                        capture.setLength(0);
                        capturing = true;
                    }
                }
                case "tr" -> {
                    if (inSheet) {
                        row++;
                        col = 0;
                    }
                }
                case "td", "th" -> {
                    if (inSheet) {
                        col++;
                        inCell = true;
                        switchTo("sheet " + sheetName + "!" + columnLetters(col) + row);
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            switch (name) {
                case "body" -> inBody = false;
                case "h1" -> {
                    if (capture != null && capturing) {
                        capturing = false;
                        String captured = capture.toString().trim();
                        if ("sheet".equals(captureFor) && !captured.isEmpty()) {
                            sheetName = captured;
                            switchTo("sheet " + sheetName);
                        } else if ("attachment".equals(captureFor) && !captured.isEmpty()) {
                            switchTo("attachment " + captured);
                        }
                        capture = null;
                        captureFor = null;
                    }
                }
                case "td", "th" -> {
                    if (inCell) {
                        inCell = false;
                        switchTo("sheet " + sheetName);
                    }
                }
                case "div" -> {
                    String cls = divs.isEmpty() ? "" : divs.pop();
                    if (("page".equals(cls) || "sheet".equals(cls)) && spreadsheet) {
                        inSheet = false;
                    } else if (("package-entry".equals(cls) || "embedded".equals(cls)) && !savedSections.isEmpty()) {
                        String back = savedSections.pop();
                        switchTo(back.isEmpty() ? null : back);
                    }
                    append("\n");
                }
                case "p", "tr", "li", "br", "h2", "h3", "h4", "h5", "h6", "title" -> append("\n");
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            init();
            if (capturing) {
                capture.append(ch, start, length);
                return;
            }
            if (!inBody) {
                return;
            }
            text.append(ch, start, length);
            if (text.length() >= FLUSH_CHARS) {
                flush();
            }
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            characters(ch, start, length);
        }

        private void append(String s) throws SAXException {
            if (!capturing && inBody) {
                text.append(s);
            }
        }

        private void switchTo(String next) throws SAXException {
            flush();
            if (sectionOpen) {
                put(new End());
                sectionOpen = false;
            }
            section = next;
        }

        private void flush() throws SAXException {
            if (text.isEmpty()) {
                return;
            }
            if (isBlank(text)) {
                text.setLength(0);
                return;
            }
            if (!sectionOpen) {
                put(new Start(section));
                sectionOpen = true;
            }
            char[] chars = new char[text.length()];
            text.getChars(0, text.length(), chars, 0);
            text.setLength(0);
            put(new Text(chars));
        }

        private static boolean isBlank(CharSequence s) {
            for (int i = 0; i < s.length(); i++) {
                if (!Character.isWhitespace(s.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private void put(Event e) throws SAXException {
            try {
                queue.put(e);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new SAXException("document scan cancelled");
            }
        }

        /** One spreadsheet cell with its exact reference (the POI streaming path for XLSX). */
        void cell(String section, String value, String comment) throws SAXException {
            started = true;
            switchTo(section);
            if (value != null) {
                text.append(value);
            }
            if (comment != null && !comment.isBlank()) {
                text.append('\n').append(comment);
            }
            flush();
        }

        void endCells() throws SAXException {
            switchTo(null);
        }

        /** Called by the worker when the parse ends, successfully or not. */
        void finish(Throwable failure) throws InterruptedException {
            try {
                if (failure == null) {
                    flush();
                }
            } catch (SAXException e) {
                failure = e;
            }
            if (sectionOpen) {
                queue.put(new End());
                sectionOpen = false;
            }
            queue.put(new Done(failure));
        }

        static String columnLetters(int col) {
            StringBuilder sb = new StringBuilder();
            int c = col;
            while (c > 0) {
                int rem = (c - 1) % 26;
                sb.insert(0, (char) ('A' + rem));
                c = (c - 1) / 26;
            }
            return sb.toString();
        }
    }
}
