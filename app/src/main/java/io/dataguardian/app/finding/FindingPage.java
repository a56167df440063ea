package io.dataguardian.app.finding;

import io.dataguardian.app.db.Page;
import java.util.List;

/**
 * A page of a scan's findings in id order; {@code next} is the last id of this page (pass it to get the
 * following page) or null on the last one. A concrete record so the {@code large-datasets} cache can
 * decode it from Redis.
 */
public record FindingPage(List<StoredFinding> items, Long next) {

    public FindingPage {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return next != null;
    }

    static FindingPage of(Page<StoredFinding, Long> page) {
        return new FindingPage(page.items(), page.next());
    }
}
