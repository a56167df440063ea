package io.dataguardian.engine.source;

import io.dataguardian.engine.finding.FileError;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;

/**
 * Office documents, PDFs, e-mails and EPUB through Apache Tika. The parse runs on a worker
 * thread and hands text to the caller through a small bounded queue, section by section
 * ({@code page 2}, {@code sheet Customers!B4}, {@code slide 3}, {@code body}, {@code attachment x.pdf}),
 * so memory stays bounded and the caller enforces {@link ScanLimits#documentTimeout()}. Metadata
 * (author, last editor, e-mail headers) is scanned after the text, as {@code metadata NAME} or
 * {@code header NAME}. Corrupt, encrypted, truncated, oversized or slow documents are per-file
 * errors; findings from the part read before a timeout are kept.
 */
public final class DocumentExtractor implements ContentExtractor {

    /**
     * Not HTML: a page in a source tree is source text, read as such (its scripts, comments and attributes, where
     * keys and addresses sit, and its own line numbers); Tika's HTML parser kept only the visible text, with the
     * text's lines. HTML inside an e-mail or an EPUB still goes through Tika with its container.
     */
    private static final Set<String> EXTENSIONS = Set.of("pdf", "docx", "docm", "dotx", "doc", "xlsx", "xlsm",
            "xls", "pptx", "pptm", "ppt", "odt", "ods", "odp", "rtf", "eml", "msg", "epub");

    private static final byte[] PDF = {'%', 'P', 'D', 'F'};
    private static final byte[] RTF = {'{', '\\', 'r', 't', 'f'};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    /** Tika's parsers load on first use, not when the engine merely lists its extractors. */
    private static final class Tika {
        static final Parser PARSER = new AutoDetectParser();
    }

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dg-document-parser");
        t.setDaemon(true);
        return t;
    });

    @Override
    public int priority() {
        return 40;
    }

    @Override
    public boolean supports(String name, byte[] head) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".eml") && plainTextMail(head)) {
            return false;
        }
        return isDocumentName(lower) || FileSignature.startsWith(head, PDF)
                || FileSignature.startsWith(head, RTF) || FileSignature.startsWith(head, OLE);
    }

    /**
     * An e-mail whose header block ends within {@code head} and declares a single plain-text body without a
     * transfer encoding (no Content-Type or {@code text/plain}; no Content-Transfer-Encoding or 7bit, 8bit,
     * binary): its bytes are its text, so the text scan reads it, with the file's own lines and columns for
     * the headers and the body. Multipart, HTML, base64 or quoted-printable mail goes through Tika, which
     * decodes it (and reports sections: {@code header From}, {@code body}, {@code attachment NAME}).
     */
    static boolean plainTextMail(byte[] head) {
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\n\n");
        int crlf = text.indexOf("\r\n\r\n");
        if (crlf >= 0 && (end < 0 || crlf < end)) {
            end = crlf;
        }
        if (end <= 0) {
            return false; // the headers go on past what we can see
        }
        String headers = text.substring(0, end).replace("\r\n", "\n").replaceAll("\n[ \t]+", " ")
                .toLowerCase(Locale.ROOT);
        boolean any = false;
        for (String line : headers.split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).contains(" ")) {
                return false; // not a header block
            }
            String field = line.substring(0, colon);
            String value = line.substring(colon + 1).trim();
            if (field.equals("content-type") && !value.startsWith("text/plain")) {
                return false;
            }
            if (field.equals("content-transfer-encoding")
                    && !(value.startsWith("7bit") || value.startsWith("8bit") || value.startsWith("binary"))) {
                return false;
            }
            any |= field.equals("from") || field.equals("to") || field.equals("subject");
        }
        return any;
    }

    static boolean isDocumentName(String lowerName) {
        int dot = lowerName.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(lowerName.substring(dot + 1));
    }

    @Override
    public void extract(InputStream in, String path, ExtractionContext context) throws IOException {
        ScanLimits limits = context.limits();
        DetachableStream source = new DetachableStream(in, limits.maxFileBytes());
        BlockingQueue<SectionEvents.Event> queue = new ArrayBlockingQueue<>(32);
        Metadata metadata = new Metadata();
        metadata.set("resourceName", ArchiveExtractor.fileName(path));
        SectionEvents.Handler handler = new SectionEvents.Handler(queue, metadata);
        Future<?> worker = WORKERS.submit(() -> {
            ParseContext parseContext = new ParseContext();
            parseContext.set(Parser.class, Tika.PARSER); // embedded documents and attachments are parsed too
            Throwable failure = null;
            try (TikaInputStream tis = TikaInputStream.get(source)) {
                if (XlsxCells.isXlsxName(ArchiveExtractor.fileName(path).toLowerCase(Locale.ROOT))) {
                    parseXlsx(tis, handler, metadata, parseContext);
                } else {
                    Tika.PARSER.parse(tis, handler, metadata, parseContext);
                }
            } catch (Throwable t) {
                failure = t;
            }
            try {
                handler.finish(failure);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        long deadline = System.nanoTime() + limits.documentTimeout().toNanos();
        SectionEvents.Pump pump = new SectionEvents.Pump(queue, deadline);
        try {
            while (true) {
                SectionEvents.Event event = pump.next();
                if (event instanceof SectionEvents.Start start) {
                    Reader reader = pump.sectionReader();
                    if (isCell(start.section())) {
                        scanCell(reader, path, start.section(), context);
                    } else {
                        context.scanText(reader, path, start.section());
                    }
                    pump.skipSection();
                } else if (event instanceof SectionEvents.Done done) {
                    if (done.failure() != null) {
                        reportFailure(done.failure(), path, context);
                    } else {
                        scanMetadata(metadata, path, context);
                        checkTruncated(metadata, handler, path, context);
                        checkTypeMatchesName(metadata, path, context);
                    }
                    return;
                }
            }
        } catch (SectionEvents.TimeoutSignal e) {
            source.detach();
            worker.cancel(true);
            context.error(new FileError(path, "timeout", "document extraction took longer than "
                    + limits.documentTimeout().toSeconds() + " s (documentTimeout); findings up to that point are kept"));
        } catch (InterruptedException e) {
            source.detach();
            worker.cancel(true);
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("document scan interrupted");
        } catch (IOException | RuntimeException e) {
            source.detach();
            worker.cancel(true);
            throw e;
        }
    }

    /**
     * XLSX cell by cell through POI (exact cell references); a file POI cannot open as a package
     * (encrypted: an OLE2 container, or not a spreadsheet at all) goes to Tika, which says why.
     */
    private static void parseXlsx(TikaInputStream tis, SectionEvents.Handler handler, Metadata metadata,
                                  ParseContext parseContext) throws Exception {
        java.nio.file.Path file = tis.getPath(); // spooled to a temporary file by Tika, deleted on close
        org.apache.poi.openxml4j.opc.OPCPackage pkg;
        try {
            pkg = XlsxCells.open(file);
        } catch (Exception notAPackage) {
            try (TikaInputStream again = TikaInputStream.get(file)) {
                Tika.PARSER.parse(again, handler, metadata, parseContext);
            }
            return;
        }
        try {
            XlsxCells.extract(pkg, handler, metadata);
        } finally {
            pkg.revert(); // opened read-only: close without saving
        }
    }

    /** A spreadsheet cell: short text, scanned in one call (the streaming path costs more per call). */
    static boolean isCell(String section) {
        return section != null && section.startsWith("sheet ") && section.lastIndexOf('!') > 6;
    }

    private static void scanCell(Reader reader, String path, String section, ExtractionContext context)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[1024];
        int n;
        while ((n = reader.read(buf)) >= 0) {
            if (sb.length() < CsvExtractor.MAX_CELL_CHARS) {
                sb.append(buf, 0, Math.min(n, CsvExtractor.MAX_CELL_CHARS - sb.length()));
            }
        }
        for (io.dataguardian.engine.detect.Match m : context.scanner().scan(sb)) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < m.start(); i++) {
                if (sb.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = m.start() - lineStart + 1;
            io.dataguardian.engine.finding.Location loc = new io.dataguardian.engine.finding.Location(path, section,
                    line, column, line, column + (m.end() - m.start()), m.start(), m.end() - m.start());
            context.finding(new io.dataguardian.engine.finding.Finding(m.detectorId(), m.entityType(), m.severity(),
                    m.confidence(), m.articles(), loc, m.maskedValue(), m.fingerprint(), "", 1, null));
        }
    }

    private static void reportFailure(Throwable failure, String path, ExtractionContext context) {
        Throwable t = failure;
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof EncryptedDocumentException
                    || c instanceof org.apache.poi.EncryptedDocumentException
                    || c instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException) {
                context.error(new FileError(path, "encrypted", "document is password-protected or encrypted; not scanned"));
                return;
            }
            if (c instanceof ZeroByteFileException) {
                context.error(new FileError(path, "empty", "document is empty (0 bytes)"));
                return;
            }
            if (c instanceof ArchiveLimitException limit) {
                context.error(new FileError(path, limit.kind(), limit.getMessage()));
                return;
            }
            t = c;
        }
        context.error(new FileError(path, "corrupt", "document could not be read (corrupt or truncated?): "
                + t.getClass().getSimpleName() + ": " + ArchiveExtractor.safeMessage(t)));
    }

    /** PDFBox may return a truncated PDF as zero pages and no text instead of failing. */
    private static void checkTruncated(Metadata metadata, SectionEvents.Handler handler, String path,
                                       ExtractionContext context) {
        String type = metadata.get(Metadata.CONTENT_TYPE);
        if (type != null && type.startsWith("application/pdf")) {
            String pages = metadata.get("xmpTPg:NPages");
            if ((pages == null || "0".equals(pages)) && handler.pages() == 0) {
                context.error(new FileError(path, "corrupt", "PDF has no readable pages: truncated or damaged"));
            }
        }
    }

    private static final Set<String> BINARY_EXTENSIONS = Set.of("pdf", "docx", "docm", "dotx", "doc", "xlsx",
            "xlsm", "xls", "pptx", "pptm", "ppt", "odt", "ods", "odp", "msg", "epub");

    /** A ".docx" that Tika can only read as plain text is damaged (or not what it claims to be). */
    private static void checkTypeMatchesName(Metadata metadata, String path, ExtractionContext context) {
        String name = ArchiveExtractor.fileName(path).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot >= 0 ? name.substring(dot + 1) : "";
        String type = String.valueOf(metadata.get(Metadata.CONTENT_TYPE));
        if (BINARY_EXTENSIONS.contains(ext) && (type.startsWith("text/") || type.startsWith("application/octet-stream"))) {
            context.error(new FileError(path, "corrupt", "content is not a valid ." + ext + " document (read as "
                    + type.split(";")[0] + "); text scanned as is"));
        }
    }

    /**
     * Scans the metadata fields people write into: author, last editor, title, e-mail headers. Each
     * distinct value once, e-mail headers first, so an address in both {@code Message-From} and
     * {@code dc:creator} counts once, as {@code header From}.
     */
    private static void scanMetadata(Metadata metadata, String path, ExtractionContext context) throws IOException {
        Set<String> seen = new HashSet<>();
        String[] names = metadata.names();
        java.util.Arrays.sort(names, (a, b) -> Boolean.compare(!a.startsWith("Message-"), !b.startsWith("Message-")));
        boolean email = isEmail(metadata.get(Metadata.CONTENT_TYPE));
        for (String name : names) {
            if (!interesting(name)) {
                continue;
            }
            String section = name.startsWith("Message-") ? "header " + headerName(name.substring("Message-".length()))
                    : email && ("dc:title".equals(name) || "dc:subject".equals(name)) ? "header Subject"
                    : "metadata " + name;
            for (String value : metadata.getValues(name)) {
                if (value == null || value.isBlank() || !seen.add(value)) {
                    continue;
                }
                context.scanText(new StringReader(value), path, section);
            }
        }
    }

    private static String headerName(String rest) {
        // Message-From -> From, Message-To -> To, Message-From-Email -> From
        int dash = rest.indexOf('-');
        return dash > 0 ? rest.substring(0, dash) : rest;
    }

    private static boolean interesting(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        // Message:From-Email and Message:From-Name repeat Message-From, whose address was found twice
        return !(n.startsWith("x-tika") || n.startsWith("content-") || n.startsWith("message:")
                || n.startsWith("xmptpg:") || n.startsWith("access_permission:") || n.startsWith("pdf:")
                || n.equals("resourcename") || n.startsWith("x-parsed-by") || n.contains("date")
                || n.contains("modified") && !n.contains("by") || n.contains("created") || n.startsWith("extended-properties:doc"));
    }

    static boolean isEmail(String contentType) {
        return contentType != null && (contentType.startsWith("message/rfc822")
                || contentType.startsWith("application/vnd.ms-outlook"));
    }

    /**
     * The engine's stream, read by the parse worker. Fails once the file passes the size limit, and
     * after a timeout, so an abandoned worker cannot read the stream the engine is about to close.
     */
    static final class DetachableStream extends CountingInputStream {
        private final long max;
        private volatile boolean detached;

        DetachableStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        void detach() {
            detached = true;
        }

        @Override
        protected void beforeRead() throws IOException {
            if (detached) {
                throw new IOException("document scan abandoned");
            }
        }

        @Override
        protected void afterRead(int n) throws ArchiveLimitException {
            if (count() > max) {
                throw new ArchiveLimitException("too-large", "document is larger than " + max
                        + " bytes (maxFileBytes); not scanned further");
            }
        }
    }
}
