package io.dataguardian.app.scan;

import java.time.Instant;

/**
 * Filters of the scan list; null means "any". {@code createdFrom} inclusive, {@code createdTo} exclusive.
 */
public record ScanFilter(ScanType type, ScanStatus status, Instant createdFrom, Instant createdTo) {

    public static final ScanFilter ALL = new ScanFilter(null, null, null, null);
}
