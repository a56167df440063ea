package io.dataguardian.engine.finding;

/**
 * A file (or archive entry, document, table) that could not be scanned completely. The rest of the
 * scan goes on; the error is reported beside the findings.
 *
 * @param path   same convention as {@link Location#path()}
 * @param kind   short machine-readable reason: {@code unreadable}, {@code corrupt}, {@code encrypted},
 *               {@code too-large}, {@code timeout}, {@code zip-bomb}, {@code unsafe-entry-name},
 *               {@code too-many-entries}, {@code binary-skipped}, ...
 * @param message a sentence for a person; never contains a raw matched value or a credential
 */
public record FileError(String path, String kind, String message) {
}
