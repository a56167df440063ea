package io.dataguardian.bench.corpus;

/**
 * One planted span in a generated file: a positive (an entity a scanner must report) or a hard
 * negative (a look-alike it must not report, with the type it could be mistaken for).
 *
 * <p>Lines and columns are 1-based; {@code endColumn} is one past the last character (SARIF). The
 * offset counts characters (UTF-16 code units; the corpus uses no characters outside the BMP) from
 * the start of the file; for generic secrets the span is the value, not the key.
 *
 * @param type   the entity type (for a negative: the type it could be confused with)
 * @param kind   the generator's sub-kind ({@code dotted}, {@code grouped}, {@code bsn-11proof-fail} ...)
 */
public record Label(EntityType type, String kind, int line, int column, int endLine, int endColumn,
                    int offset, int length) {
}
