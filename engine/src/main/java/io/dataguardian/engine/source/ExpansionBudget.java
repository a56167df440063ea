package io.dataguardian.engine.source;

/**
 * Total uncompressed bytes one top-level archive, nested archives included, may expand to. Nested
 * archives are extracted synchronously on the same thread through
 * {@link ExtractionContext#nested}, so a thread-local lets them share the outermost budget.
 */
final class ExpansionBudget {

    private static final ThreadLocal<ExpansionBudget> CURRENT = new ThreadLocal<>();

    private final long limit;
    private long used;

    private ExpansionBudget(long limit) {
        this.limit = limit;
    }

    /** The budget of the enclosing archive, or null when this is the outermost one. */
    static ExpansionBudget current() {
        return CURRENT.get();
    }

    static ExpansionBudget open(long limit) {
        ExpansionBudget b = new ExpansionBudget(limit);
        CURRENT.set(b);
        return b;
    }

    static void close(ExpansionBudget b) {
        if (CURRENT.get() == b) {
            CURRENT.remove();
        }
    }

    /** @return false once the budget is spent */
    boolean consume(long n) {
        used += n;
        return used <= limit;
    }
}
