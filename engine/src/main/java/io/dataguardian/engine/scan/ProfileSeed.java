package io.dataguardian.engine.scan;

import io.dataguardian.engine.detect.Catalogue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Short made-up samples of the kinds of file a directory holds (CSV with semicolons and with commas, JSON, YAML,
 * .env and properties, a log, Java and Python source, Dutch and English notes and letters, a Latin-1 letter, a PEM
 * file), scanned through the real path of a file with their findings dropped, a few times early in a scan of many
 * files (see {@link ScanEngine}). Why: the JIT's second compiler (C2) compiles the hot methods with the branch and
 * type profiles gathered so far; a tree whose directories hold one kind of file each shows it the kinds one after
 * another, and every kind it had not seen yet sent compiled code back to the interpreter (an {@code unstable_if}
 * or {@code class_check} trap) and the method to C2 again. With a sample of each kind in the profiles first, C2
 * compiles code that already covers them.
 *
 * <p>The samples are generated when first needed from templates here and from the detectors' own declared
 * evidence ({@link Catalogue#examples()}, the documentation-style values the catalogue already ships and tests
 * itself against): the only identifier-like values in them are those examples. Templates add words, field names
 * and small numbers only. Not fitted to any benchmark: no file of a benchmark tree was read to write them.
 */
final class ProfileSeed {

    /** One sample: a file name (its extension picks the extractor, as for a real file) and its bytes. */
    record Sample(String path, byte[] bytes) {
    }

    /** Upper bound on the samples' total size (bytes); a test holds them to it. */
    static final int MAX_BYTES = 64 * 1024;

    /** How many times the samples were scanned in this JVM (for tests). */
    static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

    private static final class Holder {
        static final List<Sample> SAMPLES = build(Catalogue.standard().examples());
    }

    private ProfileSeed() {
    }

    static List<Sample> samples() {
        return Holder.SAMPLES;
    }

    /** The examples, sorted for the templates: values and texts by detector, near misses, everything. */
    private static final class Pick {
        private final List<Catalogue.Example> examples;
        private final List<String> all = new ArrayList<>();
        private final List<String> near = new ArrayList<>();

        Pick(List<Catalogue.Example> examples) {
            this.examples = examples;
            for (Catalogue.Example e : examples) {
                all.add(e.text());
                if (!e.positive()) {
                    near.add(e.text());
                }
            }
        }

        private List<Catalogue.Example> of(String detectorId) {
            List<Catalogue.Example> l = new ArrayList<>();
            for (Catalogue.Example e : examples) {
                if (e.positive() && e.detectorId().equals(detectorId)) {
                    l.add(e);
                }
            }
            if (l.isEmpty()) {
                throw new IllegalStateException("no example of " + detectorId);
            }
            return l;
        }

        /** The i-th (cyclically) expected match of the detector's positive examples. */
        String value(String detectorId, int i) {
            List<Catalogue.Example> l = of(detectorId);
            return l.get(Math.floorMod(i, l.size())).value();
        }

        /** The i-th (cyclically) positive example text of the detector. */
        String text(String detectorId, int i) {
            List<Catalogue.Example> l = of(detectorId);
            return l.get(Math.floorMod(i, l.size())).text();
        }

        /** The i-th example text of the whole catalogue, positives and near misses. */
        String any(int i) {
            return all.get(Math.floorMod(i, all.size()));
        }

        /** The i-th near miss of the whole catalogue. */
        String near(int i) {
            return near.get(Math.floorMod(i, near.size()));
        }

        int size() {
            return all.size();
        }
    }

    /** Words for the templates' free text; no identifiers. */
    private static final String[] NL_WORDS = {"de", "het", "een", "cliënt", "afspraak", "bestelling", "verzonden",
        "gemeente", "reünie", "café", "overleg", "dossier", "aanvraag", "besproken", "volgende", "week", "team",
        "rapport", "financiën", "controle", "geleverd", "was", "is", "met", "voor", "na", "bij", "zoals", "graag", "€",
        "–", "‘akkoord’", "coöperatie"};
    private static final String[] EN_WORDS = {"the", "a", "customer", "meeting", "order", "shipped", "council",
        "review", "report", "was", "is", "with", "for", "after", "team", "request", "follow-up", "agreed", "budget",
        "next", "week", "delivered", "project", "notes", "about", "résumé", "naïve", "“approved”", "—", "£"};

    private static String words(String[] words, int seed, int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                sb.append(' ');
            }
            sb.append(words[Math.floorMod(seed * 7 + k * 3 + k * k, words.length)]);
        }
        return sb.toString();
    }

    static List<Sample> build(List<Catalogue.Example> examples) {
        Pick p = new Pick(examples);
        List<Sample> out = new ArrayList<>();
        out.add(utf8("seed/klanten.csv", csvSemicolon(p)));
        out.add(utf8("seed/orders.csv", csvComma(p)));
        out.add(utf8("seed/records.json", json(p)));
        out.add(utf8("seed/config.yaml", yaml(p)));
        out.add(utf8("seed/.env", env(p)));
        out.add(utf8("seed/application.properties", properties(p)));
        out.add(utf8("seed/server.log", log(p)));
        out.add(utf8("seed/Service.java", java(p)));
        out.add(utf8("seed/job.py", python(p)));
        out.add(utf8("seed/notitie.txt", dutchProse(p)));
        out.add(utf8("seed/notes.md", englishProse(p)));
        String brief = dutchLetter(p);
        out.add(utf8("seed/brief.txt", brief));
        out.add(utf8("seed/letter.txt", englishLetter(p)));
        out.add(new Sample("seed/brief-latin1.txt", brief.getBytes(StandardCharsets.ISO_8859_1)));
        out.add(utf8("seed/keys.pem", pem(p)));
        return List.copyOf(out);
    }

    private static Sample utf8(String path, String text) {
        return new Sample(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String csvCell(String s, char sep) {
        if (s.indexOf(sep) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static String csvSemicolon(Pick p) {
        StringBuilder sb = new StringBuilder("nr;naam;bsn;iban;telefoon;email;postcode;adres;geboortedatum;opmerking\n");
        for (int i = 0; i < 24; i++) {
            String[] row = {String.valueOf(i + 1), p.value("person-name", i), p.value("nl-bsn", i),
                p.value("iban", i), p.value("phone-number", i), p.value("email", i), p.value("nl-postcode", i),
                p.value("nl-address", i), p.value("date-of-birth", i),
                i % 5 == 4 ? "" : i % 2 == 0 ? words(NL_WORDS, i, 6) : p.any(i * 5)};
            for (int k = 0; k < row.length; k++) {
                if (k > 0) {
                    sb.append(';');
                }
                sb.append(csvCell(row[k], ';'));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String csvComma(Pick p) {
        StringBuilder sb = new StringBuilder("id,customer,card,ip,amount,status,comment\n");
        String[] status = {"paid", "open", "refunded", "shipped"};
        for (int i = 0; i < 24; i++) {
            String[] row = {String.valueOf(100 + i), p.value("person-name", i + 1),
                i % 3 == 2 ? p.near(i) : p.value("credit-card", i), p.value("ip-address", i),
                (i * 37 % 500) + "." + (i * 13 % 90 + 10), status[i % status.length],
                i % 4 == 3 ? "" : i % 2 == 0 ? words(EN_WORDS, i, 7) : p.any(i * 3 + 1)};
            for (int k = 0; k < row.length; k++) {
                if (k > 0) {
                    sb.append(',');
                }
                sb.append(k == 1 || k == 6 ? '"' + row[k].replace("\"", "\"\"") + '"' : csvCell(row[k], ','));
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    private static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String json(Pick p) {
        StringBuilder sb = new StringBuilder("{\n  \"version\": 2,\n  \"generated\": \"2024-01-15 10:30:00\",\n  \"records\": [\n");
        for (int i = 0; i < 16; i++) {
            sb.append("    {\"id\": ").append(i + 1)
                    .append(", \"name\": ").append(jsonString(p.value("person-name", i)))
                    .append(", \"email\": ").append(jsonString(p.value("email", i)))
                    .append(", \"phone\": ").append(jsonString(p.value("phone-number", i)))
                    .append(", \"iban\": ").append(jsonString(p.value("iban", i)))
                    .append(", \"address\": {\"street\": ").append(jsonString(p.value("nl-address", i)))
                    .append(", \"postcode\": ").append(jsonString(p.value("nl-postcode", i)))
                    .append(", \"city\": \"Utrecht\"}")
                    .append(", \"dateOfBirth\": ").append(jsonString(p.value("date-of-birth", i)))
                    .append(", \"active\": ").append(i % 3 != 0)
                    .append(", \"score\": ").append(i % 10).append('.').append(i * 7 % 10)
                    .append(", \"manager\": null")
                    .append(", \"tags\": [\"klant\", \"").append(i % 2 == 0 ? "nl" : "en").append("\"]")
                    .append(", \"note\": ").append(jsonString(i % 3 == 0 ? words(EN_WORDS, i, 5) : p.any(i * 7 + 2)))
                    .append(i < 15 ? "},\n" : "}\n");
        }
        sb.append("  ],\n  \"settings\": {\"client_secret\": ").append(jsonString(p.value("generic-secret", 2)))
                .append(", \"api_key\": ").append(jsonString(p.value("generic-secret", 1)))
                .append(", \"retries\": 3, \"timeout\": 30.5, \"hosts\": [")
                .append(jsonString(p.value("ip-address", 0))).append(", ")
                .append(jsonString(p.value("ip-address", 3))).append("]}\n}\n");
        return sb.toString();
    }

    private static String yaml(Pick p) {
        StringBuilder sb = new StringBuilder("# service configuration\nserver:\n  port: 8080\n  host: ")
                .append(p.value("ip-address", 2)).append("\n\ndatabase:\n  url: ")
                .append(p.value("connection-string", 0)).append("\n  user: app\n  password: ")
                .append(p.value("generic-secret", 5)).append("\n  pool: 10\n\naws:\n  region: eu-west-1\n  ")
                .append(p.text("aws-access-key", 2)).append("\n").append(p.text("aws-secret-key", 2))
                .append("\n\ncontacts:\n");
        for (int i = 0; i < 8; i++) {
            sb.append("  - name: ").append(p.value("person-name", i)).append("\n    email: ")
                    .append(p.value("email", i)).append("\n    phone: \"").append(p.value("phone-number", i))
                    .append("\"\n    note: ").append(words(NL_WORDS, i, 5)).append('\n');
        }
        sb.append("\nflags:\n  enabled: true\n  max_tokens: 4096\n  # ").append(p.near(3)).append('\n');
        for (int i = 0; i < 6; i++) {
            sb.append("# ").append(p.any(i * 11 + 4)).append('\n');
        }
        return sb.toString();
    }

    private static String env(Pick p) {
        StringBuilder sb = new StringBuilder("# local settings\nAPP_ENV=production\nDEBUG=false\nPORT=8080\n");
        String[] ids = {"generic-secret", "github-token", "stripe-key", "connection-string", "aws-access-key",
            "aws-secret-key", "google-api-key", "slack-token", "gitlab-token"};
        for (int i = 0; i < 18; i++) {
            String id = ids[i % ids.length];
            String t = p.text(id, i / ids.length);
            sb.append(t).append('\n');
        }
        for (int i = 0; i < 8; i++) {
            sb.append(p.near(i * 5 + 1).replace('\n', ' ')).append('\n');
        }
        // the last line without a line break, as many files end
        return sb.append("API_TOKEN=").append(p.value("generic-secret", 0)).toString();
    }

    private static String properties(Pick p) {
        StringBuilder sb = new StringBuilder("# application properties\nspring.application.name=orders\n")
                .append("server.port=8080\nspring.datasource.url=").append(p.value("connection-string", 0))
                .append("\nspring.datasource.username=app\n");
        for (int i = 0; i < 6; i++) {
            sb.append(p.text("generic-secret", i * 2 + 3)).append('\n');
        }
        sb.append("mail.from=").append(p.value("email", 2)).append("\nmail.support=")
                .append(p.value("email", 0)).append("\nlogging.level.root=INFO\nfeature.limit=25\n");
        for (int i = 0; i < 6; i++) {
            sb.append("# ").append(p.near(i * 7 + 2).replace('\n', ' ')).append('\n');
        }
        return sb.toString();
    }

    private static String log(Pick p) {
        StringBuilder sb = new StringBuilder();
        String[] levels = {"INFO", "DEBUG", "WARN", "INFO", "ERROR"};
        for (int i = 0; i < 60; i++) {
            sb.append("2024-01-15 10:").append(i < 10 ? "0" : "").append(i).append(':')
                    .append(i * 7 % 60 < 10 ? "0" : "").append(i * 7 % 60).append('.').append(100 + i * 13 % 900)
                    .append(' ').append(levels[i % levels.length]).append(" [worker-").append(i % 4 + 1).append("] ");
            switch (i % 6) {
                case 0 -> sb.append("request from ").append(p.value("ip-address", i)).append(" GET /api/v1/orders/")
                        .append(i + 1).append(" took ").append(i * 3 + 4).append(" ms status=200");
                case 1 -> sb.append("user ").append(p.value("email", i)).append(" logged in");
                case 2 -> sb.append("job finished: ").append(words(EN_WORDS, i, 6));
                case 3 -> sb.append("payload ").append(p.any(i * 13 + 5).replace('\n', ' '));
                case 4 -> sb.append("retry=").append(i % 3).append(" host=node-").append(i % 7)
                        .append(" msg=\"").append(p.near(i).replace('\n', ' ')).append('"');
                default -> sb.append("java.lang.IllegalStateException: ").append(words(EN_WORDS, i, 4))
                        .append("\n\tat io.example.Service.handle(Service.java:").append(40 + i).append(")");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String java(Pick p) {
        StringBuilder sb = new StringBuilder("package io.example;\n\nimport java.util.List;\nimport java.util.Map;\n\n")
                .append("/** Order service. */\npublic final class Service {\n\n")
                .append("    private static final String API_TOKEN = \"").append(p.value("generic-secret", 7)).append("\";\n")
                .append("    private static final String DB = \"").append(p.value("connection-string", 1)).append("\";\n")
                .append("    private final Map<String, Integer> counts = Map.of(\"open\", 1, \"paid\", 2);\n\n");
        for (int i = 0; i < 10; i++) {
            sb.append("    // ").append(p.any(i * 17 + 6).replace('\n', ' ')).append('\n')
                    .append("    @Override\n    public int handle").append((char) ('A' + i)).append("(List<String> items, int limit) {\n")
                    .append("        int n = 0;\n        for (String s : items) {\n")
                    .append("            if (s.length() > limit && !s.isBlank()) {\n                n += ").append(i + 1)
                    .append(";\n            }\n        }\n        String owner = \"").append(p.value("email", i))
                    .append("\";\n        return n;\n    }\n\n");
        }
        return sb.append("}\n").toString();
    }

    private static String python(Pick p) {
        StringBuilder sb = new StringBuilder("#!/usr/bin/env python\n\"\"\"Nightly export job.\"\"\"\nimport os\n\n")
                .append("TOKEN = os.environ['TOKEN']\n")
                .append(p.text("generic-secret", 7)).append('\n')
                .append("CONFIG = {\n    'host': '").append(p.value("ip-address", 1)).append("',\n    'retries': 3,\n")
                .append("    'owner': '").append(p.value("email", 3)).append("',\n}\n\n");
        for (int i = 0; i < 8; i++) {
            sb.append("def step_").append(i).append("(rows, limit=").append(10 + i).append("):\n")
                    .append("    # ").append(p.any(i * 19 + 8).replace('\n', ' ')).append('\n')
                    .append("    total = 0\n    for row in rows:\n        if row.get('amount', 0) > limit:\n")
                    .append("            total += row['amount']\n    return total\n\n");
        }
        return sb.append("if __name__ == '__main__':\n    step_0([])\n").toString();
    }

    private static String dutchProse(Pick p) {
        StringBuilder sb = new StringBuilder("Verslag van het overleg\n\n");
        for (int i = 0; i < 14; i++) {
            sb.append(Character.toUpperCase(words(NL_WORDS, i, 1).charAt(0))).append(words(NL_WORDS, i, 9).substring(1))
                    .append(". ").append(p.any(i * 9 + 3).replace('\n', ' ')).append(". ")
                    .append(words(NL_WORDS, i + 3, 7)).append(", ").append(p.near(i * 2 + 1).replace('\n', ' '))
                    .append(".\n");
            if (i % 4 == 3) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String englishProse(Pick p) {
        StringBuilder sb = new StringBuilder("# Project notes\n\n## Summary\n\n");
        for (int i = 0; i < 14; i++) {
            sb.append("- ").append(Character.toUpperCase(words(EN_WORDS, i, 1).charAt(0)))
                    .append(words(EN_WORDS, i, 8).substring(1)).append(": ")
                    .append(p.any(i * 23 + 10).replace('\n', ' ')).append("; ").append(words(EN_WORDS, i + 5, 6))
                    .append(".\n");
            if (i % 5 == 4) {
                sb.append("\n## Follow-up\n\n");
            }
        }
        return sb.toString();
    }

    private static String dutchLetter(Pick p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            sb.append(p.value("person-name", i)).append('\n').append(p.value("nl-address", i)).append('\n')
                    .append(p.value("nl-postcode", i)).append(" Amsterdam\n\nBetreft: uw aanvraag\n\n")
                    .append("Geachte heer, mevrouw,\n\nNaar aanleiding van ons gesprek bevestigen wij de afspraak. ")
                    .append(p.text("nl-bsn", i)).append(". Wij storten het bedrag op ").append(p.text("iban", i + 1))
                    .append(". U kunt ons bereiken via ").append(p.text("phone-number", i)).append(" of ")
                    .append(p.text("email", i)).append(".\n").append(p.text("date-of-birth", i)).append(". ")
                    .append(p.text("special-health", i)).append(" en ").append(p.text("minor", i)).append(".\n\n")
                    .append(words(NL_WORDS, i, 12)).append(".\n\nMet vriendelijke groet,\n\n")
                    .append(p.value("person-name", i + 1)).append("\nAfdeling Klantcontact\n\n\f");
        }
        return sb.toString();
    }

    private static String englishLetter(Pick p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            sb.append(p.text("person-name", 2)).append("\n\nThank you for your letter about ")
                    .append(words(EN_WORDS, i, 5)).append(". ").append(p.text("credit-card", i)).append(", ")
                    .append(p.text("passport-number", i)).append(", ").append(p.text("date-of-birth", i + 1))
                    .append(". ").append(p.text("special-religion", i + 1)).append("; ")
                    .append(p.text("phone-number", i + 4)).append(".\n\n").append(words(EN_WORDS, i + 2, 14))
                    .append(".\n\nKind regards,\n\n").append(p.value("person-name", 3)).append("\n\n");
        }
        return sb.toString();
    }

    private static String pem(Pick p) {
        StringBuilder sb = new StringBuilder("# deployment keys\n");
        sb.append(p.text("private-key", 0)).append("\n\n");
        for (int i = 0; i < 3; i++) {
            sb.append(p.near(i).replace('\n', ' ')).append('\n');
        }
        sb.append(p.text("private-key", 2)).append('\n').append(p.text("jwt", 0)); // no line break at the end
        return sb.toString();
    }
}
