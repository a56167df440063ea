package io.dataguardian.engine.finding;

/**
 * Where a finding was found.
 *
 * @param path      '/'-separated path relative to the scan root; inside an archive the entry follows
 *                  a {@code !/} ({@code a.zip!/dir/b.csv}); for a database {@code schema.table}
 * @param section   what the format offers beyond the path, or null: {@code page 3},
 *                  {@code sheet Customers!B4}, {@code column email}, {@code $.customers[*].email},
 *                  {@code header From}, {@code metadata author}
 * @param line      1-based line of the first character (in the extracted text of the section)
 * @param column    1-based column (in characters) of the first character
 * @param endLine   1-based line of the last character
 * @param endColumn 1-based column one past the last character (SARIF convention)
 * @param offset    0-based character offset of the first character in the extracted text
 * @param length    length of the match in characters
 */
public record Location(String path, String section, int line, int column, int endLine, int endColumn,
                       long offset, int length) {

    public static Location ofPath(String path, String section) {
        return new Location(path, section, 0, 0, 0, 0, 0, 0);
    }

    /** Human-readable form: {@code path[#section]:line:column}. */
    public String display() {
        StringBuilder sb = new StringBuilder(path);
        if (section != null && !section.isEmpty()) {
            sb.append(" [").append(section).append(']');
        }
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        return sb.toString();
    }
}
