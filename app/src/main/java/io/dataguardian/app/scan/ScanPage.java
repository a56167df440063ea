package io.dataguardian.app.scan;

import io.dataguardian.app.db.Page;
import java.util.List;

/**
 * A page of the organisation's scans, newest first; {@code next} is the cursor of the following page or
 * null on the last one. A concrete record (not {@code Page<Scan, Cursor>}) so the cache can decode it.
 */
public record ScanPage(List<Scan> items, Scan.Cursor next) implements ScanCacheEntry {

    public ScanPage {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return next != null;
    }

    static ScanPage of(Page<Scan, Scan.Cursor> page) {
        return new ScanPage(page.items(), page.next());
    }
}
