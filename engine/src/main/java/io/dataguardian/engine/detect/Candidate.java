package io.dataguardian.engine.detect;

/** A raw hit of one detector in a window, before context scoring and overlap resolution. */
final class Candidate {

    final int detector;
    final int start;
    final int end;
    /** Shape-specific adjustment of the detector's base confidence. */
    final double adjust;
    double confidence;
    /** The context a detector requires came from the assignment key itself (aws_secret_access_key = ...). */
    boolean keyed;
    boolean critical;

    Candidate(int detector, int start, int end, double adjust) {
        this.detector = detector;
        this.start = start;
        this.end = end;
        this.adjust = adjust;
    }
}
