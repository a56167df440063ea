package io.dataguardian.app.scan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the {@code scan-results} cache namespace holds. The two-tier cache decodes a Redis entry only to
 * the one type its namespace declares, so the namespace declares this interface, and Jackson tells the
 * kinds apart by their distinct property names (deduction: the cache's envelope holds its value as a
 * plain object, so no type id would be written). Only the types listed here can come out of Redis.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({
        @JsonSubTypes.Type(ScanPage.class),
        @JsonSubTypes.Type(ScanSummary.class),
        @JsonSubTypes.Type(ScanCacheEntry.Version.class)})
public sealed interface ScanCacheEntry permits ScanPage, ScanSummary, ScanCacheEntry.Version {

    /**
     * The current version of a family of list pages (an organisation's scan list, a scan's findings
     * pages). Page keys include it, so evicting this one entry retires every cached page of the family,
     * whatever filters and cursors they were read with.
     */
    record Version(long value) implements ScanCacheEntry {
    }
}
