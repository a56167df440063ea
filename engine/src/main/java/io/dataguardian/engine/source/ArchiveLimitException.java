package io.dataguardian.engine.source;

import java.io.IOException;

/**
 * Thrown by the archive guard streams when hostile or oversized content crosses a
 * {@link ScanLimits} limit. Carries the {@link io.dataguardian.engine.finding.FileError#kind()}.
 */
final class ArchiveLimitException extends IOException {

    private final String kind;

    ArchiveLimitException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    String kind() {
        return kind;
    }
}
