package io.dataguardian.engine.db;

/** The database could not be scanned at all (unreachable, login refused). Message is credential-free. */
public final class DatabaseScanException extends Exception {

    public DatabaseScanException(String message) {
        super(message);
    }
}
