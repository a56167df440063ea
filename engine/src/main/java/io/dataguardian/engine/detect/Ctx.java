package io.dataguardian.engine.detect;

/**
 * Classes of context words. A word of the lexicon carries a set of classes; detectors declare
 * which classes raise, lower or are required for their confidence.
 */
enum Ctx {
    BSN, RSIN, ORDER, MEDICAL, PASSPORT, IDCARD, DRIVING, KVK, BIRTH, AWS, ADDRESS, PHONE, CARD, IBAN,
    VERSION, PERSON, VAT, IP, AGE, HASH, NAME_LABEL, TITLE, MONTH, SECRET, EMAIL,
    HEALTH, RELIGION, ETHNICITY, POLITICAL, UNION, SEXUAL, BIOMETRIC, GENETIC;

    /** The number of classes: {@code values().length}, without the array copy values() makes per call. */
    static final int CLASSES = values().length;

    long bit() {
        return 1L << ordinal();
    }

    static long of(Ctx... classes) {
        long m = 0;
        for (Ctx c : classes) {
            m |= c.bit();
        }
        return m;
    }

    /** The Art. 9 special categories, in lexicon order. */
    static final long SPECIAL = of(HEALTH, RELIGION, ETHNICITY, POLITICAL, UNION, SEXUAL, BIOMETRIC, GENETIC);
}
