package io.dataguardian.engine.source;

import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A test {@link ExtractionContext} that records findings, errors and the paths it was handed, and
 * dispatches nested items through the registered extractors (from the service file) like the
 * engine does, with depth counting and a plain-text fallback.
 */
public final class RecordingContext implements ExtractionContext {

    public final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    public final List<FileError> errors = Collections.synchronizedList(new ArrayList<>());
    public final List<String> scannedPaths = Collections.synchronizedList(new ArrayList<>());
    private final TextScanner scanner;
    private final ScanLimits limits;
    private final List<ContentExtractor> extractors;
    private int depth;

    public RecordingContext() {
        this(new RegexTestScanner(), ScanLimits.defaults());
    }

    public RecordingContext(TextScanner scanner, ScanLimits limits) {
        this.scanner = scanner;
        this.limits = limits;
        List<ContentExtractor> list = new ArrayList<>();
        ServiceLoader.load(ContentExtractor.class).forEach(list::add);
        list.sort(Comparator.comparingInt(ContentExtractor::priority));
        this.extractors = list;
    }

    /** Scans a top-level item as the engine would (depth 0). */
    public RecordingContext scan(InputStream in, String path) throws IOException {
        dispatch(in, path);
        return this;
    }

    private void dispatch(InputStream raw, String path) throws IOException {
        scannedPaths.add(path);
        BufferedInputStream in = new BufferedInputStream(raw, 8192);
        in.mark(8192);
        byte[] head = in.readNBytes(8192);
        in.reset();
        String name = ArchiveExtractor.fileName(path);
        for (ContentExtractor e : extractors) {
            if (e.supports(name, head)) {
                e.extract(in, path, this);
                return;
            }
        }
        scanText(new InputStreamReader(in, StandardCharsets.UTF_8), path, null);
    }

    @Override
    public TextScanner scanner() {
        return scanner;
    }

    @Override
    public void scanText(Reader text, String path, String section) throws IOException {
        scanner.scan(text, path, section, new FindingSink() {
            @Override
            public void finding(Finding finding) {
                findings.add(finding);
            }

            @Override
            public void error(FileError error) {
                errors.add(error);
            }
        });
    }

    @Override
    public void finding(Finding finding) {
        findings.add(finding);
    }

    @Override
    public void error(FileError error) {
        errors.add(error);
    }

    @Override
    public void nested(InputStream in, String path) throws IOException {
        if (depth + 1 > limits.maxArchiveDepth()) {
            errors.add(new FileError(path, "too-deep", "nested too deep"));
            return;
        }
        depth++;
        try {
            dispatch(in, path);
        } finally {
            depth--;
        }
    }

    @Override
    public int depth() {
        return depth;
    }

    @Override
    public ScanLimits limits() {
        return limits;
    }

    @Override
    public boolean cancelled() {
        return false;
    }

    /** CSV/JSON aggregation, off by default as in the engine. */
    public boolean aggregate;

    public RecordingContext aggregate(boolean on) {
        aggregate = on;
        return this;
    }

    @Override
    public boolean aggregateColumns() {
        return aggregate;
    }

    public List<Finding> findingsOf(String entityType) {
        synchronized (findings) {
            return findings.stream().filter(f -> f.entityType().equals(entityType)).toList();
        }
    }

    public List<FileError> errorsOf(String kind) {
        synchronized (errors) {
            return errors.stream().filter(e -> e.kind().equals(kind)).toList();
        }
    }
}
