package io.dataguardian.engine.finding;

/** Receives findings and per-file errors as a scan produces them. Implementations are thread-safe. */
public interface FindingSink {

    void finding(Finding finding);

    void error(FileError error);
}
