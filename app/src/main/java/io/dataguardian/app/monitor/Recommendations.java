package io.dataguardian.app.monitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * At most {@code max} recommendations, one per check key (category + subject). A check over its threshold
 * refreshes its recommendation with the newest evidence; when full, the one seen longest ago makes room.
 * Updated by the sampler thread only; readers get an immutable copy.
 */
public class Recommendations {

    private final int max;
    /** Access order = last refreshed last; the eldest entry is the one to drop. */
    private final LinkedHashMap<String, Recommendation> byKey = new LinkedHashMap<>(16, 0.75f, true);
    private volatile List<Recommendation> current = List.of();

    public Recommendations(int max) {
        this.max = Math.max(1, max);
    }

    public void update(List<Check> checks, long now) {
        Set<String> overNow = new HashSet<>();
        for (Check c : checks) {
            if (!c.over()) {
                continue;
            }
            overNow.add(c.key());
            Recommendation old = byKey.get(c.key());
            byKey.put(c.key(), new Recommendation(c.key(), c.category(), c.subject(), c.severity(), c.advice(),
                    c.evidence(), old == null ? now : old.firstSeen(), now, old == null ? 1 : old.occurrences() + 1,
                    true));
        }
        for (var e : byKey.entrySet()) {
            Recommendation r = e.getValue();
            if (r.active() && !overNow.contains(e.getKey())) {
                e.setValue(new Recommendation(r.key(), r.category(), r.subject(), r.severity(), r.advice(),
                        r.evidence(), r.firstSeen(), r.lastSeen(), r.occurrences(), false));
            }
        }
        for (Iterator<Map.Entry<String, Recommendation>> it = byKey.entrySet().iterator();
                byKey.size() > max && it.hasNext(); ) {
            it.next();
            it.remove();
        }
        List<Recommendation> list = new ArrayList<>(byKey.values());
        list.sort(Comparator.comparing(Recommendation::active).reversed()
                .thenComparing(Recommendation::severity)
                .thenComparing(Comparator.comparingLong(Recommendation::lastSeen).reversed()));
        current = List.copyOf(list);
    }

    public List<Recommendation> current() {
        return current;
    }
}
