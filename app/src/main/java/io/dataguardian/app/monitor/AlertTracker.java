package io.dataguardian.app.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts with hysteresis: a check fires after {@code consecutive} evaluations over its threshold, and
 * resolves after {@code consecutive} evaluations at or under threshold x (1 - margin) (a subject that is
 * no longer measured counts as recovered). Each transition is logged once and kept in a bounded history.
 * Updated by the sampler thread only; readers get immutable copies.
 */
public class AlertTracker {

    private static final Logger log = LoggerFactory.getLogger(AlertTracker.class);

    private static final class State {
        int over;
        int clear;
        Alert firing;
    }

    private final int consecutive;
    private final double margin;
    private final Map<String, State> states = new HashMap<>();
    private final RingBuffer<AlertTransition> history;
    private volatile List<Alert> active = List.of();

    public AlertTracker(int consecutive, double margin, int historySize) {
        this.consecutive = Math.max(1, consecutive);
        this.margin = margin;
        this.history = new RingBuffer<>(historySize);
    }

    /** Feeds one evaluation's checks; returns the transitions it caused. */
    public List<AlertTransition> evaluate(List<Check> checks, long now) {
        List<AlertTransition> transitions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Check c : checks) {
            seen.add(c.key());
            State s = states.computeIfAbsent(c.key(), k -> new State());
            boolean clear = c.value() <= c.threshold() * (1 - margin);
            if (s.firing == null) {
                s.over = c.over() ? s.over + 1 : 0;
                if (s.over >= consecutive) {
                    s.firing = new Alert(c.key(), c.category(), c.subject(), c.severity(), now, c.value(),
                            c.threshold(), c.unit(), c.advice());
                    s.clear = 0;
                    transitions.add(transition(now, s.firing, "FIRING", c.value()));
                }
            } else {
                s.firing = new Alert(c.key(), c.category(), c.subject(), c.severity(), s.firing.since(), c.value(),
                        c.threshold(), c.unit(), c.advice());
                s.clear = clear ? s.clear + 1 : 0;
                if (s.clear >= consecutive) {
                    transitions.add(transition(now, s.firing, "RESOLVED", c.value()));
                    s.firing = null;
                    s.over = 0;
                }
            }
        }
        for (Iterator<Map.Entry<String, State>> it = states.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (seen.contains(e.getKey())) {
                continue;
            }
            State s = e.getValue();
            if (s.firing != null && ++s.clear >= consecutive) {
                transitions.add(transition(now, s.firing, "RESOLVED", Double.NaN));
                s.firing = null;
            }
            if (s.firing == null) {
                it.remove();
            }
        }
        List<Alert> now_ = new ArrayList<>();
        for (State s : states.values()) {
            if (s.firing != null) {
                now_.add(s.firing);
            }
        }
        now_.sort((a, b) -> a.severity() != b.severity() ? a.severity().compareTo(b.severity())
                : a.key().compareTo(b.key()));
        active = List.copyOf(now_);
        return transitions;
    }

    private AlertTransition transition(long now, Alert a, String state, double value) {
        AlertTransition t = new AlertTransition(now, a.key(), state, a.severity(), Double.isNaN(value) ? 0 : value,
                a.threshold(), a.unit());
        history.add(t);
        if ("FIRING".equals(state)) {
            log.warn("Alert FIRING {} ({}): {} {} over {} {}. {}", a.key(), a.severity(), fmt(value), a.unit(),
                    fmt(a.threshold()), a.unit(), a.advice());
        } else {
            log.info("Alert RESOLVED {}: {} {} (threshold {} {}), fired at {}", a.key(),
                    Double.isNaN(value) ? "no longer measured" : fmt(value), Double.isNaN(value) ? "" : a.unit(),
                    fmt(a.threshold()), a.unit(), java.time.Instant.ofEpochMilli(a.since()));
        }
        return t;
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, v >= 100 || v == Math.rint(v) ? "%.0f" : "%.3g", v);
    }

    public List<Alert> active() {
        return active;
    }

    /** Oldest first. */
    public List<AlertTransition> history() {
        return history.snapshot();
    }
}
