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

    /** How a value is masked for people. See docs/detectors.md. */
    enum Mask { LAST2, LAST4, IBAN, PHONE, EMAIL, IP, POSTCODE, DATE, PREFIX, SECRET, PEM, URL, NAME, WORD, KEEP2 }

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

    Detector(int index, String id, String entityType, String name, String description, Severity severity,
             List<String> articles) {
        this.index = index;
        this.info = new DetectorInfo(id, entityType, name, description, severity, List.copyOf(articles));
        this.family = id;
    }

    String id() {
        return info.id();
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
