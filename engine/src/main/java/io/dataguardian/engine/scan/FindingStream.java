package io.dataguardian.engine.scan;

import io.dataguardian.engine.finding.Finding;
import java.io.IOException;

/**
 * Takes a scan's findings while the scan runs, in {@link ScanResult#ORDER}: a report writer can write them as
 * files finish instead of after the scan, and nothing needs to hold or spill them (see
 * {@link ScanEngine#scan(ScanRequest, ScanListener, ScanControl, FindingStream)}).
 *
 * <p>Called by one thread at a time (a scan worker), file by file in path order, each call's findings sorted;
 * every finding of a call comes after every finding of the calls before it. A call that throws ends the scan:
 * the engine cancels it and rethrows the failure.
 */
@FunctionalInterface
public interface FindingStream {

    /** The findings of the next file (or of several, in order), sorted; never empty. */
    void findings(Iterable<Finding> sorted) throws IOException;
}
