package io.dataguardian.bench.corpus;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Values and checksums for {@link Holdout3Corpus}, written blind to the detectors and to the other
 * generators. Every positive is made up (valid checksum, fake person); every hard negative is built to
 * fail the check that would make it a positive.
 */
final class Holdout3Values {

    private Holdout3Values() {
    }

    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String HEX = "0123456789abcdef";
    static final PhoneNumberUtil PHONE = PhoneNumberUtil.getInstance();

    static String pick(Random r, String... xs) {
        return xs[r.nextInt(xs.length)];
    }

    static String chars(Random r, String alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    static String digits(Random r, int n) {
        return chars(r, "0123456789", n);
    }

    static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");

    /** Random hex with no run of 9+ digits (so no accidental BSN / card in hashes). */
    static String hex(Random r, int n) {
        while (true) {
            String h = chars(r, HEX, n);
            if (!Pattern.compile("\\d{8}").matcher(h).find()) {
                return h;
            }
        }
    }

    // ------------------------------------------------------------------ names, places

    static final String[] FIRST_NL = {"Jan", "Sanne", "Pieter", "Femke", "Daan", "Lotte", "Bram", "Anouk", "Joost", "Marieke",
        "Sem", "Eva", "Thijs", "Noor", "Ruud", "Ilse", "Willem", "Fenna", "Koen", "Lieke"};
    static final String[] LAST_NL = {"de Vries", "Bakker", "Jansen", "van Dijk", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Kok"};
    static final String[] FIRST_EN = {"Oliver", "Emma", "Harry", "Grace", "Jack", "Chloe", "Liam", "Megan", "Noah", "Isla"};
    static final String[] LAST_EN = {"Smith", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Hughes"};
    static final String[] CITIES = {"Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen", "Tilburg", "Zwolle",
        "Haarlem", "Arnhem", "Leiden", "Maastricht"};
    static final String[] STREETS = {"Kerkstraat", "Dorpsweg", "Stationsplein", "Molenlaan", "Prinsengracht", "Lindelaan",
        "Beukenhof", "Schoolstraat", "Parkweg", "Julianastraat"};
    static final String[] DOMAINS = {"gmail.com", "hotmail.nl", "outlook.com", "ziggo.nl", "kpnmail.nl", "xs4all.nl",
        "yahoo.co.uk", "protonmail.com", "bedrijf-voorbeeld.nl", "zorggroep-noord.nl", "acme-logistics.eu"};

    static String nlName(Random r) {
        return pick(r, FIRST_NL) + " " + pick(r, LAST_NL);
    }

    static String enName(Random r) {
        return pick(r, FIRST_EN) + " " + pick(r, LAST_EN);
    }

    static String email(Random r, String name) {
        String[] p = name.toLowerCase(Locale.ROOT).replace("van ", "van").replace("de ", "de").split(" ");
        String local = switch (r.nextInt(5)) {
            case 0 -> p[0] + "." + p[p.length - 1];
            case 1 -> p[0].charAt(0) + "." + p[p.length - 1];
            case 2 -> p[0] + p[p.length - 1] + r.nextInt(100);
            case 3 -> p[0] + "_" + p[p.length - 1].charAt(0);
            default -> p[p.length - 1] + "+" + pick(r, "news", "shop", "werk");
        };
        return local + "@" + pick(r, DOMAINS);
    }

    static String email(Random r) {
        return email(r, r.nextBoolean() ? nlName(r) : enName(r));
    }

    static String street(Random r) {
        return pick(r, STREETS) + " " + (1 + r.nextInt(180));
    }

    // ------------------------------------------------------------------ BSN

    static boolean elfProef(String nineDigits) {
        if (nineDigits.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nineDigits.charAt(i) - '0');
        }
        sum -= nineDigits.charAt(8) - '0';
        return sum % 11 == 0 && sum != 0;
    }

    static String bsnDigits(Random r) {
        while (true) {
            String d = (1 + r.nextInt(8)) + digits(r, 8);
            if (elfProef(d)) {
                return d;
            }
        }
    }

    /** A 9-digit number that fails the 11-proof. */
    static String not11(Random r) {
        while (true) {
            String d = (1 + r.nextInt(9)) + digits(r, 8);
            if (!elfProef(d)) {
                return d;
            }
        }
    }

    static String bsn(Random r) {
        String d = bsnDigits(r);
        return switch (r.nextInt(6)) {
            case 0 -> d.substring(0, 4) + "." + d.substring(4, 6) + "." + d.substring(6);
            case 1 -> d.substring(0, 4) + " " + d.substring(4, 6) + " " + d.substring(6);
            case 2 -> d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6);
            default -> d;
        };
    }

    // ------------------------------------------------------------------ IBAN

    static int mod97(String s) {
        StringBuilder n = new StringBuilder();
        for (char c : s.toCharArray()) {
            n.append(Character.isLetter(c) ? String.valueOf(Character.toUpperCase(c) - 'A' + 10) : String.valueOf(c));
        }
        return new BigInteger(n.toString()).mod(BigInteger.valueOf(97)).intValue();
    }

    static boolean ibanValid(String iban) {
        String s = iban.replace(" ", "").toUpperCase(Locale.ROOT);
        int len = switch (s.substring(0, 2)) {
            case "NL" -> 18;
            case "DE" -> 22;
            case "BE" -> 16;
            case "GB" -> 22;
            case "FR" -> 27;
            default -> -1;
        };
        return s.length() == len && mod97(s.substring(4) + s.substring(0, 4)) == 1;
    }

    static String ibanCompact(Random r) {
        String country = pick(r, "NL", "NL", "NL", "NL", "DE", "BE", "GB");
        String bban = switch (country) {
            case "NL" -> pick(r, "ABNA", "RABO", "INGB", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ") + digits(r, 10);
            case "DE" -> digits(r, 18);
            case "BE" -> {
                String ten = digits(r, 10);
                long m = Long.parseLong(ten) % 97;
                yield ten + String.format(Locale.ROOT, "%02d", m == 0 ? 97 : m);
            }
            default -> pick(r, "NWBK", "BARC", "MIDL") + digits(r, 14);
        };
        int check = 98 - mod97(bban + country + "00");
        return country + String.format(Locale.ROOT, "%02d", check) + bban;
    }

    static String group4(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i += 4) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(s, i, Math.min(s.length(), i + 4));
        }
        return b.toString();
    }

    static String iban(Random r) {
        String c = ibanCompact(r);
        return r.nextInt(3) == 0 ? group4(c) : c;
    }

    /** An IBAN-shaped string with a wrong check. */
    static String badIban(Random r) {
        String c = ibanCompact(r);
        while (true) {
            String bad = c.substring(0, 2) + String.format(Locale.ROOT, "%02d", 2 + r.nextInt(97)) + c.substring(4);
            if (!ibanValid(bad)) {
                return r.nextBoolean() ? group4(bad) : bad;
            }
        }
    }

    // ------------------------------------------------------------------ cards

    static boolean luhn(String digitsOnly) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digitsOnly.length() - 1; i >= 0; i--) {
            int d = digitsOnly.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    static String luhnComplete(String partial) {
        for (int c = 0; c < 10; c++) {
            if (luhn(partial + c)) {
                return partial + c;
            }
        }
        throw new IllegalStateException();
    }

    static String cardDigits(Random r) {
        return switch (r.nextInt(6)) {
            case 0, 1 -> luhnComplete("4" + digits(r, 14));
            case 2 -> luhnComplete("5" + (1 + r.nextInt(5)) + digits(r, 13));
            case 3 -> luhnComplete("22" + (3 + r.nextInt(4)) + digits(r, 12));
            case 4 -> luhnComplete("3" + pick(r, "4", "7") + digits(r, 12));
            default -> luhnComplete("6011" + digits(r, 11));
        };
    }

    static String formatCard(Random r, String d) {
        int f = r.nextInt(3);
        if (f == 0) {
            return d;
        }
        String sep = f == 1 ? " " : "-";
        if (d.length() == 15) {
            return d.substring(0, 4) + sep + d.substring(4, 10) + sep + d.substring(10);
        }
        return d.substring(0, 4) + sep + d.substring(4, 8) + sep + d.substring(8, 12) + sep + d.substring(12);
    }

    static String card(Random r) {
        return formatCard(r, cardDigits(r));
    }

    static String badCard(Random r) {
        while (true) {
            String d = pick(r, "4", "5", "1", "8") + digits(r, 15);
            if (!luhn(d)) {
                return r.nextInt(3) == 0 ? formatCard(r, d) : d;
            }
        }
    }

    // ------------------------------------------------------------------ phones

    static boolean phoneValid(String p) {
        try {
            Phonenumber.PhoneNumber n = PHONE.parse(p.replace("(0)", ""), "NL");
            return PHONE.isValidNumber(n);
        } catch (Exception e) {
            return false;
        }
    }

    static String phone(Random r) {
        while (true) {
            String p = phoneCandidate(r);
            if (phoneValid(p)) {
                return p;
            }
        }
    }

    private static String phoneCandidate(Random r) {
        String m = (1 + r.nextInt(5)) + digits(r, 7); // 06-[1-5]xxxxxxx
        String area = pick(r, "20", "10", "30", "70", "40", "50", "13", "26", "71", "35");
        String local = (2 + r.nextInt(7)) + digits(r, area.length() == 2 ? 6 : 6);
        return switch (r.nextInt(13)) {
            case 0 -> "06" + m;
            case 1 -> "06-" + m;
            case 2 -> "06 " + m.substring(0, 4) + " " + m.substring(4);
            case 3 -> "+31 6 " + m;
            case 4 -> "+316" + m;
            case 5 -> "0031 6 " + m.substring(0, 2) + " " + m.substring(2, 5) + " " + m.substring(5);
            case 6 -> "+31 (0)6 " + m.substring(0, 4) + " " + m.substring(4);
            case 7 -> "0" + area + "-" + local;
            case 8 -> "(0" + area + ") " + local.substring(0, 3) + " " + local.substring(3);
            case 9 -> "+31 " + area + " " + local.substring(0, 3) + " " + local.substring(3);
            case 10 -> "+44 20 7" + digits(r, 3) + " " + digits(r, 4);
            case 11 -> "+32 4" + (7 + r.nextInt(3)) + digits(r, 1) + " " + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2);
            default -> "+49 30 " + (2 + r.nextInt(7)) + digits(r, 7);
        };
    }

    // ------------------------------------------------------------------ IP

    static String ipv4(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            case 1 -> "192.168." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            case 2 -> "172." + (16 + r.nextInt(16)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
            default -> (pick(r, "81", "84", "145", "185", "213", "62", "77", "94", "31", "83")) + "." + r.nextInt(256) + "."
                    + r.nextInt(256) + "." + (1 + r.nextInt(254));
        };
    }

    static String ipv6(Random r) {
        return pick(r, "2001:db8", "2a02:a46", "2a01:7c8", "2001:67c") + ":" + Integer.toHexString(r.nextInt(65536)) + ":"
                + Integer.toHexString(r.nextInt(65536)) + "::" + Integer.toHexString(1 + r.nextInt(65535));
    }

    static String ip(Random r) {
        return r.nextInt(6) == 0 ? ipv6(r) : ipv4(r);
    }

    // ------------------------------------------------------------------ postcode, documents

    static String postcode(Random r) {
        while (true) {
            String l = chars(r, UPPER, 2);
            if (l.equals("SS") || l.equals("SD") || l.equals("SA")) {
                continue;
            }
            int n = 1000 + r.nextInt(9000);
            return n + (r.nextInt(4) == 0 ? "" : " ") + l;
        }
    }

    static final String DOC_LETTERS = "ABCDEFGHIJKLMNPQRSTUVWXYZ";
    static final String DOC_ALNUM = "ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789";
    static final Pattern DOC = Pattern.compile("[A-NP-Z]{2}[A-NP-Z0-9]{6}[0-9]");

    static String docNumber(Random r) {
        while (true) {
            String s = chars(r, DOC_LETTERS, 2) + chars(r, DOC_ALNUM, 6) + r.nextInt(10);
            int digits = (int) s.chars().filter(Character::isDigit).count();
            if (digits >= 3 && digits <= 6) {
                return s;
            }
        }
    }

    // ------------------------------------------------------------------ dates

    static final String[] MAAND = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
        "oktober", "november", "december"};
    static final String[] MONTH = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"};

    static String date(Random r, int yFrom, int yTo, int style) {
        int y = yFrom + r.nextInt(yTo - yFrom + 1);
        int m = 1 + r.nextInt(12);
        int d = 1 + r.nextInt(28);
        return switch (style) {
            case 0 -> String.format(Locale.ROOT, "%02d-%02d-%d", d, m, y);
            case 1 -> String.format(Locale.ROOT, "%d-%02d-%02d", y, m, d);
            case 2 -> d + " " + MAAND[m - 1] + " " + y;
            case 3 -> MONTH[m - 1] + " " + d + ", " + y;
            case 4 -> String.format(Locale.ROOT, "%02d/%02d/%d", d, m, y);
            case 5 -> d + " " + MONTH[m - 1] + " " + y;
            default -> String.format(Locale.ROOT, "%d-%d-%d", d, m, y);
        };
    }

    static String dob(Random r) {
        return date(r, 1938, 2006, r.nextInt(7));
    }

    static String recentDate(Random r) {
        return date(r, 2021, 2026, r.nextInt(7));
    }

    static String timestamp(Random r) {
        return String.format(Locale.ROOT, "2026-%02d-%02dT%02d:%02d:%02d.%03dZ", 1 + r.nextInt(11), 1 + r.nextInt(28),
                r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1000));
    }

    static String logTime(Random r) {
        return String.format(Locale.ROOT, "2026-%02d-%02d %02d:%02d:%02d,%03d", 1 + r.nextInt(11), 1 + r.nextInt(28),
                r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1000));
    }

    // ------------------------------------------------------------------ secrets

    static double entropy(String s) {
        int[] f = new int[65536];
        for (char c : s.toCharArray()) {
            f[c]++;
        }
        double h = 0;
        for (int c : f) {
            if (c > 0) {
                double p = (double) c / s.length();
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }

    static String secret(Random r) {
        while (true) {
            String s = switch (r.nextInt(4)) {
                case 0 -> chars(r, ALNUM, 16 + r.nextInt(17));
                case 1 -> chars(r, ALNUM + "!#%&*-_+=@", 14 + r.nextInt(10));
                case 2 -> hexSecret(r, 32);
                default -> chars(r, ALNUM, 6) + pick(r, "-", "_", "!", "$") + chars(r, ALNUM, 8) + pick(r, "#", "%", "9");
            };
            if (s.length() >= 8 && entropy(s) >= 3.6) {
                return s;
            }
        }
    }

    /** Random hex with Shannon entropy >= 3.6 (a token, not a hash). */
    static String hexSecret(Random r, int n) {
        while (true) {
            String h = hex(r, n);
            if (entropy(h) >= 3.6) {
                return h;
            }
        }
    }

    /** A human-ish strong password (mixed words and symbols), entropy checked. */
    static String password(Random r) {
        while (true) {
            String s = pick(r, "Tulp", "Fiets", "Kaas", "Storm", "Molen", "Haven") + pick(r, "!", "#", "$", "@", "&")
                    + chars(r, ALNUM, 5) + r.nextInt(100) + pick(r, "x", "Q", "z", "K");
            if (entropy(s) >= 3.6) {
                return s;
            }
        }
    }

    static final String[] PLACEHOLDERS = {"changeme", "xxx", "xxxxxxxx", "${DB_PASSWORD}", "<password>", "****", "********",
        "${API_KEY}", "<your-api-key>", "REPLACE_ME", "CHANGEME", "%(secret)s", "{{ .Values.password }}", "${env:TOKEN}",
        "your_token_here", "dummy", "TODO"};
    static final String[] WEAK = {"password", "welkom01", "Welkom123", "admin123", "qwerty12", "Zomer2025", "test1234",
        "aaaaaaaaaa", "12345678", "secret12", "geheim01", "wachtwoord"};

    static String awsKeyId(Random r) {
        return pick(r, "AKIA", "AKIA", "ASIA") + chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
    }

    static String awsSecret(Random r) {
        while (true) {
            String s = chars(r, ALNUM + "+/", 40);
            if (entropy(s) >= 4.5 && s.chars().anyMatch(Character::isDigit) && s.chars().anyMatch(Character::isLowerCase)) {
                return s;
            }
        }
    }

    static String githubToken(Random r) {
        if (r.nextInt(4) == 0) {
            return "github_pat_11" + chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 20) + "_" + chars(r, ALNUM, 59);
        }
        return pick(r, "ghp_", "ghp_", "gho_", "ghs_", "ghu_") + chars(r, ALNUM, 36);
    }

    static String b64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String jwt(Random r) {
        String header = pick(r, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"alg\":\"RS256\",\"kid\":\"" + hex(r, 8) + "\",\"typ\":\"JWT\"}",
                "{\"typ\":\"JWT\",\"alg\":\"ES256\"}");
        String payload = "{\"sub\":\"" + (10000 + r.nextInt(90000)) + "\",\"name\":\"" + nlName(r) + "\",\"iat\":"
                + (1760000000 + r.nextInt(9000000)) + (r.nextBoolean() ? ",\"role\":\"" + pick(r, "admin", "user", "medewerker") + "\"" : "")
                + "}";
        byte[] sig = new byte[header.contains("HS256") ? 32 : 64];
        r.nextBytes(sig);
        return b64url(header) + "." + b64url(payload) + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    }

    static boolean jwtValid(String t) {
        String[] p = t.split("\\.");
        if (p.length != 3) {
            return false;
        }
        try {
            String h = new String(Base64.getUrlDecoder().decode(p[0]), StandardCharsets.UTF_8);
            String b = new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8);
            return h.startsWith("{") && h.contains("\"alg\"") && b.startsWith("{") && b.endsWith("}");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String b64(Random r, int bytes) {
        byte[] b = new byte[bytes];
        r.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    static String pemBlock(Random r, String kind, String indent, String eolInside) {
        int bytes = switch (kind) {
            case "EC PRIVATE KEY" -> 121;
            case "OPENSSH PRIVATE KEY" -> 400;
            case "CERTIFICATE" -> 700;
            case "PUBLIC KEY" -> 294;
            default -> 1190;
        };
        String body = b64(r, bytes);
        StringBuilder b = new StringBuilder("-----BEGIN " + kind + "-----");
        for (int i = 0; i < body.length(); i += 64) {
            b.append(eolInside).append(indent).append(body, i, Math.min(body.length(), i + 64));
        }
        b.append(eolInside).append(indent).append("-----END ").append(kind).append("-----");
        return b.toString();
    }

    static String uuid(Random r) {
        String h = hex(r, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20) + "-"
                + h.substring(20);
    }

    static String isbn13(Random r) {
        String d = "978" + (r.nextBoolean() ? "90" : "0") + digits(r, 12);
        d = d.substring(0, 12);
        int s = 0;
        for (int i = 0; i < 12; i++) {
            s += (d.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return d + ((10 - s % 10) % 10);
    }

    static String ean13(Random r) {
        String d = "87" + digits(r, 10);
        int s = 0;
        for (int i = 0; i < 12; i++) {
            s += (d.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return d + ((10 - s % 10) % 10);
    }
}
