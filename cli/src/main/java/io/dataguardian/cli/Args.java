package io.dataguardian.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's options: declared once, parsed from the arguments and printed as its help. The syntax is the usual
 * one: {@code --name value}, {@code --name=value}, {@code -n value}, {@code -nvalue}, {@code -n=value}, short flags
 * grouped ({@code -qV}), {@code --no-name} for a negatable flag, {@code --} before arguments that start with a dash,
 * and {@code -} alone as an argument. The cli used picocli for this until its start-up (loading its model, reading
 * the annotations through generated proxy classes) cost every scan ~0.1 s of wall time and ~0.17 s of CPU
 * (docs/benchmarks.md, session 12).
 */
final class Args {

    /** What an option takes. */
    enum Kind {
        /** No value: present or not. */
        FLAG,
        /** No value, and a {@code --no-} form that says false; absent: no opinion (null). */
        NEGATABLE,
        /** One value, given once. */
        VALUE,
        /** One value per occurrence, repeatable. */
        LIST,
        /** A value when one follows ({@code =value}, or a next argument that is not an option), else none. */
        OPTIONAL_VALUE
    }

    /** One option: its names (a short one may be null), the label of its value and its line of help. */
    record Opt(String shortName, String longName, String label, Kind kind, String description) {
        boolean takesValue() {
            return kind == Kind.VALUE || kind == Kind.LIST || kind == Kind.OPTIONAL_VALUE;
        }

        /** The first column of the option's help line: {@code -f, --format=FORMAT}. */
        String column() {
            String names = (shortName != null ? shortName + ", " : "    ")
                    + (kind == Kind.NEGATABLE ? "--[no-]" + longName.substring(2) : longName);
            return switch (kind) {
                case VALUE, LIST -> names + "=" + label;
                case OPTIONAL_VALUE -> names + "[=" + label + "]";
                default -> names;
            };
        }
    }

    static Opt flag(String shortName, String longName, String description) {
        return new Opt(shortName, longName, null, Kind.FLAG, description);
    }

    static Opt value(String shortName, String longName, String label, String description) {
        return new Opt(shortName, longName, label, Kind.VALUE, description);
    }

    static final Opt HELP = flag("-h", "--help", "Show this help message and exit.");
    static final Opt VERSION = flag("-V", "--version", "Print version information and exit.");

    /** A bad command line: the message says what is wrong; the command's usage goes with it. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * A command: its name as typed ({@code dataguardian scan}), one line on what it does, its arguments (label and
     * help; none when the label is null), its subcommands and exit codes ({@code "name:text"} each), and its options
     * (help and version are added).
     */
    record Spec(String name, String description, String argsLabel, String argsDescription, List<String> commands,
                List<Opt> options, List<String> exitCodes) {

        Spec {
            List<Opt> all = new ArrayList<>(options);
            all.add(HELP);
            all.add(VERSION);
            options = List.copyOf(all);
        }

        /** The help text, lines wrapped to 80 columns. */
        String help() {
            StringBuilder sb = new StringBuilder();
            sb.append("Usage: ").append(name).append(" [OPTIONS]");
            if (argsLabel != null) {
                sb.append(' ').append(argsLabel);
            }
            sb.append('\n').append(description).append('\n');
            int width = 0;
            for (Opt o : options) {
                width = Math.max(width, o.column().length());
            }
            width = Math.min(width, 28) + 4;
            if (argsDescription != null) {
                sb.append("\nArguments:\n");
                row(sb, argsLabel, argsDescription, width);
            }
            if (!commands.isEmpty()) {
                sb.append("\nCommands:\n");
                for (String c : commands) {
                    int colon = c.indexOf(':');
                    row(sb, c.substring(0, colon), c.substring(colon + 1), width);
                }
            }
            sb.append("\nOptions:\n");
            for (Opt o : options) {
                row(sb, o.column(), o.description(), width);
            }
            if (!exitCodes.isEmpty()) {
                sb.append("\nExit codes:\n");
                for (String code : exitCodes) {
                    int colon = code.indexOf(':');
                    sb.append("  ").append(code, 0, colon).append("   ").append(code.substring(colon + 1)).append('\n');
                }
            }
            return sb.toString();
        }

        /** What goes with a usage error: the usage line and where the rest is. */
        String shortUsage() {
            return "Usage: " + name + " [OPTIONS]" + (argsLabel != null ? " " + argsLabel : "") + "\n"
                    + "Run '" + name + " --help' for the options.\n";
        }

        private static void row(StringBuilder sb, String column, String text, int width) {
            sb.append("  ").append(column);
            int indent = width;
            if (column.length() + 2 >= width) {
                sb.append('\n');
                sb.append(" ".repeat(indent));
            } else {
                sb.append(" ".repeat(width - column.length() - 2));
            }
            int room = Math.max(20, 80 - indent);
            int col = 0;
            for (String word : text.split(" ")) {
                if (col > 0 && col + 1 + word.length() > room) {
                    sb.append('\n').append(" ".repeat(indent + 2));
                    col = 2;
                } else if (col > 0) {
                    sb.append(' ');
                    col++;
                }
                sb.append(word);
                col += word.length();
            }
            sb.append('\n');
        }

        /**
         * The arguments as options and positional arguments. {@link #HELP} and {@link #VERSION} are only recorded:
         * the caller looks for them first ({@link Parsed#has}), as a command line that asks for help gets it even
         * when the rest of it is wrong.
         */
        Parsed parse(List<String> args) {
            Map<String, Opt> byName = new HashMap<>();
            for (Opt o : options) {
                byName.put(o.longName(), o);
                if (o.shortName() != null) {
                    byName.put(o.shortName(), o);
                }
            }
            Parsed p = new Parsed();
            boolean onlyPositional = false;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (onlyPositional || a.equals("-") || !a.startsWith("-")) {
                    p.positional.add(a);
                } else if (a.equals("--")) {
                    onlyPositional = true;
                } else if (a.startsWith("--")) {
                    int eq = a.indexOf('=');
                    String name = eq < 0 ? a : a.substring(0, eq);
                    String value = eq < 0 ? null : a.substring(eq + 1);
                    Opt o = byName.get(name);
                    boolean negated = false;
                    if (o == null && name.startsWith("--no-")) {
                        Opt positive = byName.get("--" + name.substring(5));
                        if (positive != null && positive.kind() == Kind.NEGATABLE) {
                            o = positive;
                            negated = true;
                        }
                    }
                    if (o == null) {
                        throw new UsageException("Unknown option: '" + name + "'");
                    }
                    if (!o.takesValue()) {
                        if (value != null) {
                            throw new UsageException("Option '" + name + "' takes no value");
                        }
                        p.put(o, negated ? "false" : "true");
                    } else {
                        if (value == null && (o.kind() != Kind.OPTIONAL_VALUE || i + 1 < args.size()
                                && !isOption(args.get(i + 1), byName))) {
                            i = needValue(args, i, o, byName);
                            value = args.get(i);
                        }
                        p.put(o, value);
                    }
                } else {
                    i = shortOptions(args, i, byName, p);
                }
            }
            return p;
        }

        /** A group of short options at args[i] ({@code -q}, {@code -qV}, {@code -fjson}); returns the last index read. */
        private static int shortOptions(List<String> args, int i, Map<String, Opt> byName, Parsed p) {
            String a = args.get(i);
            for (int j = 1; j < a.length(); j++) {
                String name = "-" + a.charAt(j);
                Opt o = byName.get(name);
                if (o == null) {
                    // the option's letter only: the rest of the argument may be a value (a password typed after -p)
                    throw new UsageException("Unknown option: '" + name + "'");
                }
                if (!o.takesValue()) {
                    p.put(o, "true");
                    continue;
                }
                String rest = a.substring(j + 1);
                if (rest.startsWith("=")) {
                    rest = rest.substring(1);
                } else if (rest.isEmpty()) {
                    i = needValue(args, i, o, byName);
                    rest = args.get(i);
                }
                p.put(o, rest);
                break;
            }
            return i;
        }

        private static int needValue(List<String> args, int i, Opt o, Map<String, Opt> byName) {
            if (i + 1 >= args.size() || isOption(args.get(i + 1), byName)) {
                throw new UsageException("Missing value for option '" + o.longName() + "' (" + o.label() + ")");
            }
            return i + 1;
        }

        /** Whether an argument is one of the options (then it is no value: {@code -t --quiet}); "-1" is a value. */
        private static boolean isOption(String arg, Map<String, Opt> byName) {
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg : arg.substring(0, eq);
                return byName.containsKey(name) || name.startsWith("--no-") && byName.containsKey("--" + name.substring(5));
            }
            return arg.length() > 1 && arg.startsWith("-") && byName.containsKey(arg.substring(0, 2));
        }
    }

    /** A parsed command line: the values of the options given, by long name, and the positional arguments. */
    static final class Parsed {
        private final Map<String, List<String>> values = new HashMap<>();
        /** Options given without a value (an {@link Kind#OPTIONAL_VALUE} alone). */
        private final List<String> bare = new ArrayList<>();
        final List<String> positional = new ArrayList<>();

        private void put(Opt o, String value) {
            List<String> v = values.computeIfAbsent(o.longName(), k -> new ArrayList<>(1));
            if (o.kind() == Kind.VALUE && !v.isEmpty()) {
                throw new UsageException("Option '" + o.longName() + "' (" + o.label() + ") should be given only once");
            }
            if (o.kind() == Kind.FLAG || o.kind() == Kind.NEGATABLE) {
                v.clear();
            }
            if (value == null) {
                bare.add(o.longName());
                v.add("");
            } else {
                v.add(value);
            }
        }

        boolean has(Opt o) {
            return values.containsKey(o.longName());
        }

        /** Given without a value (an optional-value option alone). */
        boolean bare(Opt o) {
            return bare.contains(o.longName());
        }

        String string(Opt o) {
            List<String> v = values.get(o.longName());
            return v == null ? null : v.get(v.size() - 1);
        }

        List<String> list(Opt o) {
            return values.getOrDefault(o.longName(), List.of());
        }

        boolean flag(Opt o) {
            return "true".equals(string(o));
        }

        /** A negatable flag: true, false ({@code --no-}) or null when not given. */
        Boolean bool(Opt o) {
            String v = string(o);
            return v == null ? null : Boolean.valueOf(v);
        }

        Integer integer(Opt o) {
            String v = string(o);
            if (v == null) {
                return null;
            }
            try {
                return Integer.valueOf(v.trim());
            } catch (NumberFormatException e) {
                throw new UsageException("Invalid value for option '" + o.longName() + "': '" + v + "' is not a whole number");
            }
        }

        java.nio.file.Path path(Opt o) {
            String v = string(o);
            if (v == null) {
                return null;
            }
            try {
                return java.nio.file.Path.of(v);
            } catch (java.nio.file.InvalidPathException e) {
                throw new UsageException("Invalid value for option '" + o.longName() + "': " + e.getMessage());
            }
        }
    }

    private Args() {
    }
}
