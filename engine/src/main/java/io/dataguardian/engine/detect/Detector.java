package io.dataguardian.engine.detect;

import io.dataguardian.engine.Severity;
import java.util.List;

/**
 * One declarative detector of the catalogue (Presidio / gitleaks style): what it reports, how sure
 * it is before context, which context classes raise, lower or are required, how its values are
 * masked and fingerprinted, and its own evidence: positives (the expected match is marked with
 * {@code [[...]]}) and near-miss negatives. The scanning itself lives in {@link CandidateFinder}.
 */
final class Detector {

    /** How a value is normalised before it is fingerprinted. */
    enum Norm { DIGITS, PHONE, UPPER_ALNUM, LOWER, RAW }

    /**
     * How a value is masked for people (the rules are in {@link Masker}; see docs/detectors.md). Each
     * constant is its own class on purpose: the call {@link #apply} stays a plain virtual call, so
     * the JIT does not inline every rule into each per-finding method and recompile those when a
     * rule is first met late in a scan.
     */
    enum Mask {
        LAST2 { String apply(String raw) { return Masker.ofChars(this, raw); } },
        LAST4 { String apply(String raw) { return Masker.ofChars(this, raw); } },
        IBAN { String apply(String raw) { return Masker.ofChars(this, raw); } },
        PHONE { String apply(String raw) { return Masker.ofChars(this, raw); } },
        EMAIL { String apply(String raw) { return Masker.ofChars(this, raw); } },
        IP { String apply(String raw) { return Masker.ip(raw); } },
        POSTCODE { String apply(String raw) { return Masker.ofChars(this, raw); } },
        DATE { String apply(String raw) { return Masker.ofChars(this, raw); } },
        PREFIX { String apply(String raw) { return Masker.prefix(raw); } },
        SECRET { String apply(String raw) { return Masker.ofChars(this, raw); } },
        PEM { String apply(String raw) { return Masker.pem(raw); } },
        URL { String apply(String raw) { return Masker.url(raw); } },
        NAME { String apply(String raw) { return Masker.name(raw); } },
        WORD { String apply(String raw) { return Masker.ofChars(this, raw); } },
        KEEP2 { String apply(String raw) { return Masker.ofChars(this, raw); } };

        abstract String apply(String raw);
    }

    final DetectorInfo info;
    final int index;
    double base = 0.6;
    int priority = 50;
    long boost;
    long penalty;
    long required;
    Mask mask = Mask.LAST2;
    Norm norm = Norm.RAW;
    String family;
    List<String> positives = List.of();
    List<String> negatives = List.of();
    private byte[] familyKey;

    Detector(int index, String id, String entityType, String name, String description, Severity severity,
             List<String> articles) {
        this.index = index;
        this.info = new DetectorInfo(id, entityType, name, description, severity, List.copyOf(articles));
        this.family = id;
    }

    String id() {
        return info.id();
    }

    /** {@code family + ':'} in UTF-8: what the fingerprinted value is prefixed with. */
    byte[] familyKey() {
        byte[] k = familyKey;
        if (k == null) {
            k = (family + ':').getBytes(java.nio.charset.StandardCharsets.UTF_8);
            familyKey = k; // a race only computes the same bytes twice
        }
        return k;
    }

    Detector base(double b) {
        base = b;
        return this;
    }

    Detector priority(int p) {
        priority = p;
        return this;
    }

    Detector boost(Ctx... c) {
        boost = Ctx.of(c);
        return this;
    }

    Detector penalty(Ctx... c) {
        penalty = Ctx.of(c);
        return this;
    }

    Detector requires(Ctx... c) {
        required = Ctx.of(c);
        return this;
    }

    Detector mask(Mask m) {
        mask = m;
        return this;
    }

    Detector norm(Norm n) {
        norm = n;
        return this;
    }

    Detector family(String f) {
        family = f;
        familyKey = null;
        return this;
    }

    Detector positives(String... p) {
        positives = List.of(p);
        return this;
    }

    Detector negatives(String... n) {
        negatives = List.of(n);
        return this;
    }
}
