package io.dataguardian.engine.config;

/** A project configuration file that cannot be used. The message names the file and the line. */
public final class ConfigException extends Exception {

    private final String file;
    private final int line;

    public ConfigException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** 1-based line, 0 when unknown. */
    public int line() {
        return line;
    }
}
