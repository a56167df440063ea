package io.dataguardian.bench.corpus;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Value factory of the hold-out corpus ({@link HoldoutCorpus}), written independently of the
 * in-sample generator: every value is computed here from its published rules (11-proof, ISO 7064
 * mod-97, Luhn, numbering plans via libphonenumber, GitHub's CRC32 token checksum ...).
 */
final class HoldoutValues {

    /** A value to plant: positive or hard negative, with the type and sub-kind it is labelled with. */
    record V(EntityType type, String kind, String value, boolean positive) {
    }

    static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    final Random r;

    HoldoutValues(Random r) {
        this.r = r;
    }

    // ------------------------------------------------------------------ helpers

    int n(int lo, int hiIncl) {
        return lo + r.nextInt(hiIncl - lo + 1);
    }

    @SafeVarargs
    final <T> T pick(T... a) {
        return a[r.nextInt(a.length)];
    }

    boolean chance(double p) {
        return r.nextDouble() < p;
    }

    String digits(int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    String chars(String alphabet, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final String HEX = "0123456789abcdef";

    static V pos(EntityType t, String kind, String v) {
        return new V(t, kind, v, true);
    }

    static V neg(EntityType t, String kind, String v) {
        return new V(t, kind, v, false);
    }

    // ------------------------------------------------------------------ people (unlabelled text)

    static final String[] FIRST = {"Jan", "Pieter", "Sanne", "Fleur", "Daan", "Lotte", "Bram", "Anouk", "Thijs", "Femke",
        "Ruben", "Noor", "Sem", "Julia", "Lucas", "Emma", "Joris", "Iris", "Maarten", "Esther", "Wouter", "Marloes",
        "Chloë", "Zoë", "Noël", "Anaïs", "Mohamed", "Fatima", "Kees", "Ingrid", "Henk", "Gerda", "Priya", "Youssef"};
    static final String[] LAST = {"de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
        "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Dekker", "van Leeuwen", "Brouwer",
        "de Wit", "Dijkstra", "Kok", "van der Linden", "Schouten", "El Amrani", "Yılmaz", "Öztürk", "Verbeek", "Kuipers"};
    static final String[] CITY = {"Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg",
        "Almere", "Breda", "Nijmegen", "Apeldoorn", "Haarlem", "Arnhem", "Enschede", "Zwolle", "Leeuwarden", "Maastricht",
        "Delft", "Leiden", "Alkmaar", "Hoorn", "Assen", "Den Bosch", "Venlo"};
    static final String[] STREET = {"Keizersgracht", "Dorpsstraat", "Kerkstraat", "Stationsweg", "Molenweg", "Hoofdstraat",
        "Julianalaan", "Beatrixstraat", "Parallelweg", "Schoolstraat", "Lindelaan", "Van Goghlaan", "Prinsengracht",
        "Oranjestraat", "Esdoornlaan", "Brinklaan", "Wilhelminaplein", "Zuiderdiep"};
    static final String[] COMPANY_DOMAIN = {"zorggroep-noord.nl", "bakkerij-visser.nl", "installatie-mulder.nl",
        "gemeente-voorbeeld.nl", "dekker-advocaten.nl", "thuiszorg-oost.nl", "techbedrijf.nl", "logistiek-brabant.nl",
        "example.com", "example.nl", "acme-holding.eu", "schoutenbv.nl"};
    static final String[] FREEMAIL = {"gmail.com", "hotmail.com", "outlook.com", "ziggo.nl", "kpnmail.nl", "xs4all.nl",
        "planet.nl", "live.nl", "icloud.com", "protonmail.com"};

    String first() {
        return pick(FIRST);
    }

    String last() {
        return pick(LAST);
    }

    String fullName() {
        return first() + " " + last();
    }

    String street() {
        return pick(STREET) + " " + n(1, 250) + (chance(0.15) ? pick("a", "b", "-II", " bis") : "");
    }

    // ------------------------------------------------------------------ BSN

    static boolean elfProef(String d) {
        // the arithmetic is the first generator's (Values); only the templates and conventions are independent
        return d.length() == 9 && d.chars().allMatch(Character::isDigit) && !d.equals("000000000")
                && Values.elevenProof(d);
    }

    String bsnDigits() {
        while (true) {
            String head = (chance(0.04) ? "0" : String.valueOf(n(1, 9))) + digits(7);
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * (head.charAt(i) - '0');
            }
            int last = sum % 11;
            if (last < 10) {
                String d = head + last;
                if (elfProef(d)) {
                    return d;
                }
            }
        }
    }

    /** Nine digits, not starting with 0, that fail the 11-proof. */
    String nineFail() {
        while (true) {
            String d = n(1, 9) + digits(8);
            if (!elfProef(d)) {
                return d;
            }
        }
    }

    static String fmt333(String d, String sep) {
        return d.substring(0, 3) + sep + d.substring(3, 6) + sep + d.substring(6);
    }

    V bsn() {
        String d = bsnDigits();
        int s = r.nextInt(10);
        if (s < 5) {
            return pos(EntityType.BSN, "plain", d);
        } else if (s < 8) {
            return pos(EntityType.BSN, "dotted", fmt333(d, "."));
        } else if (s < 9) {
            return pos(EntityType.BSN, "spaced", fmt333(d, " "));
        }
        return pos(EntityType.BSN, "dashed", fmt333(d, "-"));
    }

    // ------------------------------------------------------------------ IBAN

    static final String[] NL_BANKS = {"ABNA", "INGB", "RABO", "TRIO", "SNSB", "ASNB", "KNAB", "BUNQ", "RBRB", "FVLB"};

    /** BBAN pattern per country: n digit, a upper letter, c upper alnum; B = bank letters (4). */
    static final Map<String, String> BBAN = new HashMap<>();

    static {
        BBAN.put("BE", "nnnnnnnnnnnn");
        BBAN.put("DE", "nnnnnnnnnnnnnnnnnn");
        BBAN.put("FR", "nnnnnnnnnncccccccccccnn");
        BBAN.put("ES", "nnnnnnnnnnnnnnnnnnnn");
        BBAN.put("IT", "annnnnnnnnncccccccccccc");
        BBAN.put("GB", "Bnnnnnnnnnnnnnn");
        BBAN.put("IE", "Bnnnnnnnnnnnnnn");
        BBAN.put("LU", "nnnccccccccccccc");
        BBAN.put("AT", "nnnnnnnnnnnnnnnn");
        BBAN.put("PT", "nnnnnnnnnnnnnnnnnnnnn");
        BBAN.put("FI", "nnnnnnnnnnnnnn");
        BBAN.put("CH", "nnnnncccccccccccc");
        BBAN.put("PL", "nnnnnnnnnnnnnnnnnnnnnnnn");
    }

    static final Map<String, String[]> BANK_LETTERS = Map.of(
            "GB", new String[] {"NWBK", "BARC", "HBUK", "LOYD", "MIDL", "MONZ"},
            "IE", new String[] {"AIBK", "BOFI", "IPBS"});

    static int mod97(String s) {
        return Values.mod97(s);
    }

    static boolean ibanValid(String iban) {
        String c = iban.replace(" ", "").toUpperCase(Locale.ROOT);
        if (c.length() < 15 || c.length() > 34) {
            return false;
        }
        return mod97(c.substring(4) + c.substring(0, 4)) == 1;
    }

    String ibanCompact(String cc) {
        String bban;
        if (cc.equals("NL")) {
            bban = pick(NL_BANKS) + digits(10);
        } else if (cc.equals("BE")) {
            String ten = digits(10);
            long m = Long.parseLong(ten) % 97;
            bban = ten + String.format("%02d", m == 0 ? 97 : m);
        } else {
            StringBuilder b = new StringBuilder();
            for (char p : BBAN.get(cc).toCharArray()) {
                switch (p) {
                    case 'n' -> b.append((char) ('0' + r.nextInt(10)));
                    case 'a' -> b.append(UPPER.charAt(r.nextInt(26)));
                    case 'c' -> b.append(chance(0.8) ? (char) ('0' + r.nextInt(10)) : UPPER.charAt(r.nextInt(26)));
                    case 'B' -> b.append(pick(BANK_LETTERS.get(cc)));
                    default -> throw new IllegalStateException();
                }
            }
            bban = b.toString();
        }
        int check = 98 - mod97(bban + cc + "00");
        return cc + String.format("%02d", check) + bban;
    }

    static String group4(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i += 4) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(s, i, Math.min(s.length(), i + 4));
        }
        return sb.toString();
    }

    V iban(boolean dutchMostly) {
        String cc = dutchMostly && chance(0.75) ? "NL"
                : pick("NL", "BE", "DE", "FR", "ES", "IT", "GB", "IE", "LU", "AT", "PT", "FI", "CH", "PL");
        String c = ibanCompact(cc);
        boolean grouped = chance(0.4);
        return pos(EntityType.IBAN, cc + (grouped ? "-grouped" : "-compact"), grouped ? group4(c) : c);
    }

    V ibanBroken() {
        String c = ibanCompact(chance(0.7) ? "NL" : pick("BE", "DE", "FR"));
        int check = Integer.parseInt(c.substring(2, 4));
        int wrong = check + n(1, 9);
        if (wrong > 98) {
            wrong = check - n(1, 9);
        }
        String b = c.substring(0, 2) + String.format("%02d", wrong) + c.substring(4);
        if (ibanValid(b)) {
            throw new IllegalStateException("broken iban still valid");
        }
        return neg(EntityType.IBAN, "iban-bad-check", chance(0.3) ? group4(b) : b);
    }

    // ------------------------------------------------------------------ payment cards

    static boolean luhn(String digitsOnly) {
        return Values.luhn(digitsOnly);
    }

    String luhnComplete(String prefix, int len) {
        String body = prefix + digits(len - 1 - prefix.length());
        for (int c = 0; c < 10; c++) {
            if (luhn(body + c)) {
                return body + c;
            }
        }
        throw new IllegalStateException();
    }

    static String groupCard(String d, String sep) {
        return Values.groupCard(d, sep);
    }

    V card() {
        String brand;
        String d;
        switch (r.nextInt(10)) {
            case 0, 1, 2 -> {
                brand = "visa";
                d = luhnComplete("4", 16);
            }
            case 3, 4 -> {
                brand = "mc";
                d = chance(0.6) ? luhnComplete(String.valueOf(n(51, 55)), 16) : luhnComplete(String.valueOf(n(2221, 2720)), 16);
            }
            case 5 -> {
                brand = "amex";
                d = luhnComplete(pick("34", "37"), 15);
            }
            case 6 -> {
                brand = "discover";
                d = luhnComplete(pick("6011", "65", String.valueOf(n(644, 649))), 16);
            }
            case 7 -> {
                brand = "maestro";
                d = luhnComplete(pick("6759", "5018", "5020", "5038", "6304"), chance(0.5) ? 16 : 19);
            }
            case 8 -> {
                brand = "jcb";
                d = luhnComplete(String.valueOf(n(3528, 3589)), 16);
            }
            default -> {
                brand = "diners";
                d = luhnComplete(pick("36", "38", "30" + n(0, 5)), 14);
            }
        }
        int s = r.nextInt(3);
        String v = s == 0 ? d : groupCard(d, s == 1 ? " " : "-");
        return pos(EntityType.CREDIT_CARD, brand + (s == 0 ? "-compact" : s == 1 ? "-spaced" : "-dashed"), v);
    }

    V cardLuhnFail() {
        String d = luhnComplete(pick("4", "5" + n(1, 5), "6011"), 16);
        int last = d.charAt(15) - '0';
        d = d.substring(0, 15) + (last + n(1, 9)) % 10;
        if (luhn(d)) {
            throw new IllegalStateException();
        }
        return neg(EntityType.CREDIT_CARD, "luhn-fail", chance(0.5) ? d : groupCard(d, " "));
    }

    // ------------------------------------------------------------------ phone numbers

    static final String[] AREA2 = {"20", "10", "70", "30", "40", "50", "13", "15", "23", "24", "26", "35", "38", "43",
        "45", "53", "58", "71", "72", "73", "76", "79"};
    static final String[] AREA3 = {"172", "180", "229", "251", "314", "413", "475", "513", "546", "597", "348", "226"};

    static boolean phoneValid(String s) {
        try {
            return PHONES.isValidNumber(PHONES.parse(s, "NL"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    V phone() {
        for (int attempt = 0; attempt < 200; attempt++) {
            V v = phoneCandidate();
            if (phoneValid(v.value())) {
                return v;
            }
        }
        throw new IllegalStateException("no valid phone");
    }

    private V phoneCandidate() {
        int k = r.nextInt(20);
        if (k < 7) {
            String sub = n(1, 5) + digits(7);
            String v = switch (r.nextInt(7)) {
                case 0 -> "06-" + sub;
                case 1 -> "06 " + sub.substring(0, 4) + " " + sub.substring(4);
                case 2 -> "06 " + sub.substring(0, 2) + " " + sub.substring(2, 4) + " " + sub.substring(4, 6) + " " + sub.substring(6);
                case 3 -> "+31 6 " + sub;
                case 4 -> "+316" + sub;
                case 5 -> "0031 6 " + sub;
                default -> "06" + sub;
            };
            return pos(EntityType.PHONE_NUMBER, "nl-mobile", v);
        } else if (k < 12) {
            String a = pick(AREA2);
            String sub = n(2, 9) + digits(6);
            String v = switch (r.nextInt(6)) {
                case 0 -> "0" + a + "-" + sub;
                case 1 -> "0" + a + " " + sub.substring(0, 3) + " " + sub.substring(3);
                case 2 -> "+31 " + a + " " + sub.substring(0, 3) + " " + sub.substring(3);
                case 3 -> "+31 (0)" + a + " " + sub.substring(0, 3) + " " + sub.substring(3);
                case 4 -> "0031 " + a + " " + sub;
                default -> "(0" + a + ") " + sub;
            };
            return pos(EntityType.PHONE_NUMBER, "nl-landline", v);
        } else if (k < 14) {
            String a = pick(AREA3);
            String sub = n(2, 9) + digits(5);
            String v = switch (r.nextInt(3)) {
                case 0 -> "0" + a + "-" + sub;
                case 1 -> "0" + a + " " + sub.substring(0, 2) + " " + sub.substring(2, 4) + " " + sub.substring(4);
                default -> "+31 " + a + " " + sub;
            };
            return pos(EntityType.PHONE_NUMBER, "nl-landline-4", v);
        } else if (k < 16) {
            String pre = pick("0800", "0900");
            String sub = chance(0.5) ? digits(4) : digits(7);
            String v = chance(0.7) ? pre + "-" + sub : pre + " " + sub;
            return pos(EntityType.PHONE_NUMBER, "nl-" + pre, v);
        } else if (k < 17) {
            String sub = n(1, 9) + digits(6);
            String v = chance(0.5) ? "088-" + sub : "088 " + sub.substring(0, 3) + " " + sub.substring(3);
            return pos(EntityType.PHONE_NUMBER, "nl-088", v);
        }
        String v = switch (r.nextInt(7)) {
            case 0 -> "+32 2 " + n(2, 9) + digits(2) + " " + digits(2) + " " + digits(2);
            case 1 -> "+32 4" + n(6, 9) + n(0, 9) + " " + digits(2) + " " + digits(2) + " " + digits(2);
            case 2 -> "+49 30 " + n(2, 9) + digits(7);
            case 3 -> "+49 " + pick("151", "160", "170", "171", "176") + " " + n(1, 9) + digits(7);
            case 4 -> "+44 20 " + n(7, 8) + digits(3) + " " + digits(4);
            case 5 -> "+44 7" + pick("700", "911", "400", "500") + " " + digits(6);
            default -> "+1 " + pick("212", "415", "646", "617", "312") + "-" + n(2, 9) + digits(2) + "-" + digits(4);
        };
        return pos(EntityType.PHONE_NUMBER, "foreign-" + v.substring(1, v.indexOf(' ')), v);
    }

    // ------------------------------------------------------------------ e-mail

    static String slug(String s) {
        String t = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return t.toLowerCase(Locale.ROOT).replace("ı", "i").replace(" ", "");
    }

    V email(String first, String last) {
        String f = slug(first);
        String l = slug(last);
        String local = switch (r.nextInt(6)) {
            case 0 -> f + "." + l;
            case 1 -> f.charAt(0) + "." + l;
            case 2 -> f + l + n(1, 99);
            case 3 -> f + "." + l + "+" + pick("facturen", "nieuwsbrief", "werk", "shop");
            case 4 -> f;
            default -> f.charAt(0) + l;
        };
        String domain = switch (r.nextInt(5)) {
            case 0, 1 -> pick(FREEMAIL);
            case 2 -> pick("mail.", "post.", "klant.", "hr.", "") + pick(COMPANY_DOMAIN);
            default -> pick(COMPANY_DOMAIN);
        };
        String kind = local.contains("+") ? "plus" : domain.startsWith("example.") ? "example-domain"
                : domain.chars().filter(c -> c == '.').count() > 1 ? "subdomain" : "plain";
        return pos(EntityType.EMAIL, kind, local + "@" + domain);
    }

    V email() {
        return email(first(), last());
    }

    V roleEmail(String domain) {
        return pos(EntityType.EMAIL, "role", pick("info", "support", "noreply", "facturen", "privacy", "hr", "servicedesk") + "@" + domain);
    }

    // ------------------------------------------------------------------ IP

    V ipv4() {
        int k = r.nextInt(10);
        String v;
        String kind;
        if (k < 6) {
            v = pick(31, 37, 45, 62, 77, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 94, 145, 185, 188, 193, 194, 195, 212, 213, 217)
                    + "." + n(0, 255) + "." + n(0, 255) + "." + n(1, 254);
            kind = "v4-public";
        } else if (k < 8) {
            v = "10." + n(0, 255) + "." + n(0, 255) + "." + n(1, 254);
            kind = "v4-private";
        } else if (k < 9) {
            v = "192.168." + n(0, 255) + "." + n(1, 254);
            kind = "v4-private";
        } else {
            v = "172." + n(16, 31) + "." + n(0, 255) + "." + n(1, 254);
            kind = "v4-private";
        }
        return pos(EntityType.IP_ADDRESS, kind, v);
    }

    String hex4() {
        return Integer.toHexString(r.nextInt(0x10000));
    }

    V ipv6() {
        int k = r.nextInt(10);
        if (k < 2) {
            StringBuilder sb = new StringBuilder(pick("2001:0db8", "2a02:0a46", "2001:0980", "2a00:1450"));
            for (int i = 0; i < 6; i++) {
                sb.append(':').append(String.format("%04x", r.nextInt(0x10000)));
            }
            return pos(EntityType.IP_ADDRESS, "v6-full", sb.toString());
        } else if (k < 7) {
            String pre = pick("2001:db8", "2a02:a46" + HEX.charAt(r.nextInt(16)), "2001:980:" + hex4(), "2a10:3781:" + hex4(), "2a01:7c8:" + hex4());
            StringBuilder sb = new StringBuilder(pre).append("::");
            int tail = n(1, 3);
            for (int i = 0; i < tail; i++) {
                sb.append(i > 0 ? ":" : "").append(hex4());
            }
            return pos(EntityType.IP_ADDRESS, "v6-compressed", sb.toString());
        } else if (k < 9) {
            return pos(EntityType.IP_ADDRESS, "v6-link-local", "fe80::" + hex4() + ":" + hex4() + ":" + hex4() + ":" + hex4());
        } else if (chance(0.5)) {
            return pos(EntityType.IP_ADDRESS, "v6-mid-compressed", "2001:db8:" + hex4() + "::" + hex4() + ":" + hex4());
        }
        return pos(EntityType.IP_ADDRESS, "v6-loopback", "::1");
    }

    V ip() {
        return chance(0.75) ? ipv4() : ipv6();
    }

    V version4() {
        return neg(EntityType.IP_ADDRESS, "version-4part", n(1, 12) + "." + n(0, 30) + "." + n(0, 99) + "." + n(0, 250));
    }

    // ------------------------------------------------------------------ postcode

    static final String PC_LETTERS = "ABCDEGHJKLMNPRSTVWXZ";

    V postcode() {
        String l;
        do {
            l = "" + PC_LETTERS.charAt(r.nextInt(PC_LETTERS.length())) + PC_LETTERS.charAt(r.nextInt(PC_LETTERS.length()));
        } while (l.equals("SA") || l.equals("SD") || l.equals("SS"));
        String d = n(1, 9) + digits(3);
        boolean spaced = chance(0.7);
        return pos(EntityType.POSTCODE, spaced ? "spaced" : "compact", d + (spaced ? " " : "") + l);
    }

    // ------------------------------------------------------------------ passport / ID card

    static final String DOC_LETTERS = "ABCDEFGHIJKLMNPQRSTUVWXYZ";
    static final String DOC_ALNUM = "ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789";

    String docNumber() {
        return chars(DOC_LETTERS, 2) + chars(DOC_ALNUM, 6) + r.nextInt(10);
    }

    V passport() {
        return pos(EntityType.PASSPORT_NUMBER, "nl-doc", docNumber());
    }

    V idCard() {
        return pos(EntityType.ID_CARD_NUMBER, "nl-doc", docNumber());
    }

    // ------------------------------------------------------------------ dates

    static final String[] MAAND = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
        "oktober", "november", "december"};
    static final String[] MONTH = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"};

    /** A date as day, month, year in one of the shapes; kind names the shape. */
    String[] date(int y, int m, int d, boolean english) {
        int s = r.nextInt(english ? 5 : 6);
        if (english) {
            return switch (s) {
                case 0 -> new String[] {String.format("%02d/%02d/%d", d, m, y), "dd/mm/yyyy"};
                case 1 -> new String[] {String.format("%d-%02d-%02d", y, m, d), "iso"};
                case 2 -> new String[] {d + " " + MONTH[m - 1] + " " + y, "d-month-yyyy"};
                case 3 -> new String[] {MONTH[m - 1] + " " + d + ", " + y, "month-d-yyyy"};
                default -> new String[] {String.format("%02d/%02d/%d", m, d, y), "mm/dd/yyyy"};
            };
        }
        return switch (s) {
            case 0, 1 -> new String[] {String.format("%02d-%02d-%d", d, m, y), "dd-mm-yyyy"};
            case 2 -> new String[] {d + " " + MAAND[m - 1] + " " + y, "d-maand-yyyy"};
            case 3 -> new String[] {String.format("%d-%02d-%02d", y, m, d), "iso"};
            case 4 -> new String[] {String.format("%d-%d-%d", d, m, y), "d-m-yyyy"};
            default -> new String[] {String.format("%02d.%02d.%d", d, m, y), "dd.mm.yyyy"};
        };
    }

    V dob(boolean english) {
        String[] v = date(n(1938, 2006), n(1, 12), n(1, 28), english);
        return pos(EntityType.DATE_OF_BIRTH, v[1], v[0]);
    }

    V dobIso() {
        return pos(EntityType.DATE_OF_BIRTH, "iso", String.format("%d-%02d-%02d", n(1940, 2005), n(1, 12), n(1, 28)));
    }

    V dobDmy() {
        return pos(EntityType.DATE_OF_BIRTH, "dd-mm-yyyy", String.format("%02d-%02d-%d", n(1, 28), n(1, 12), n(1940, 2005)));
    }

    V otherDate(boolean english, String kind) {
        String[] v = date(n(2019, 2026), n(1, 12), n(1, 28), english);
        return neg(EntityType.DATE_OF_BIRTH, kind, v[0]);
    }

    String timestampIso() {
        return String.format("2025-%02d-%02dT%02d:%02d:%02d.%03dZ", n(1, 12), n(1, 28), n(0, 23), n(0, 59), n(0, 59), n(0, 999));
    }

    // ------------------------------------------------------------------ cloud / tokens

    static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    V awsKeyId() {
        boolean temp = chance(0.2);
        return pos(EntityType.AWS_ACCESS_KEY, temp ? "asia" : "akia", (temp ? "ASIA" : "AKIA") + chars(B32, 16));
    }

    V awsSecret() {
        String s;
        do {
            s = chars(B64, 40);
        } while (entropy(s) < 4.0);
        return pos(EntityType.AWS_SECRET_KEY, "secret-40", s);
    }

    static String base62(long v, int width) {
        StringBuilder sb = new StringBuilder();
        while (v > 0) {
            sb.append(BASE62.charAt((int) (v % 62)));
            v /= 62;
        }
        while (sb.length() < width) {
            sb.append('0');
        }
        return sb.reverse().toString();
    }

    static String ghChecksum(String random30) {
        CRC32 crc = new CRC32();
        crc.update(random30.getBytes(StandardCharsets.US_ASCII));
        return base62(crc.getValue(), 6);
    }

    static boolean ghChecksumOk(String token) {
        int u = token.indexOf('_');
        String body = token.substring(u + 1);
        return body.length() == 36 && ghChecksum(body.substring(0, 30)).equals(body.substring(30));
    }

    V githubToken() {
        int k = r.nextInt(10);
        if (k < 2) {
            return pos(EntityType.GITHUB_TOKEN, "github_pat", "github_pat_" + chars(ALNUM, 22) + "_" + chars(ALNUM, 59));
        }
        String p = pick("ghp_", "ghp_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_");
        if (k < 8) {
            String body = chars(ALNUM, 30);
            return pos(EntityType.GITHUB_TOKEN, p.substring(0, 3) + "-crc", p + body + ghChecksum(body));
        }
        return pos(EntityType.GITHUB_TOKEN, p.substring(0, 3) + "-random36", p + chars(ALNUM, 36));
    }

    static String b64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    V jwt() {
        String alg = pick("HS256", "HS256", "RS256", "ES256", "HS512");
        String header = switch (r.nextInt(3)) {
            case 0 -> "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}";
            case 1 -> "{\"typ\":\"JWT\",\"alg\":\"" + alg + "\"}";
            default -> "{\"alg\":\"" + alg + "\",\"kid\":\"" + chars(ALNUM, 12) + "\",\"typ\":\"JWT\"}";
        };
        long iat = 1_735_000_000L + r.nextInt(30_000_000);
        String payload = "{\"sub\":\"" + n(10000, 999999) + "\",\"name\":\"" + slug(first()) + "\",\"roles\":[\"" + pick("user", "admin", "medewerker")
                + "\"],\"iss\":\"https://auth." + pick(COMPANY_DOMAIN) + "\",\"iat\":" + iat + ",\"exp\":" + (iat + 3600) + "}";
        int sigBytes = switch (alg) {
            case "RS256" -> 256;
            case "ES256" -> 64;
            case "HS512" -> 64;
            default -> 32;
        };
        byte[] sig = new byte[sigBytes];
        r.nextBytes(sig);
        return pos(EntityType.JWT, alg, b64url(header) + "." + b64url(payload) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(sig));
    }

    /** A whole PEM block; lines joined with \n (the document converts line ends). */
    V privateKey(String nlInside) {
        String label = pick("RSA PRIVATE KEY", "RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY");
        byte[] body = new byte[switch (label) {
            case "EC PRIVATE KEY" -> 121;
            case "OPENSSH PRIVATE KEY" -> 390;
            case "PRIVATE KEY" -> 1218;
            default -> 1192;
        }];
        r.nextBytes(body);
        if (label.equals("OPENSSH PRIVATE KEY")) {
            byte[] magic = "openssh-key-v1\0\0\0\0".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(magic, 0, body, 0, magic.length);
        } else if (label.startsWith("EC")) {
            byte[] head = {0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20};
            System.arraycopy(head, 0, body, 0, head.length);
        } else {
            // SEQUENCE of ~1.2 KB, version 0: the "MIIE..." every RSA/PKCS#8 key starts with
            byte[] head = {0x30, (byte) 0x82, 0x04, (byte) (body.length - 4 - 256 * 4), 0x02, 0x01, 0x00};
            System.arraycopy(head, 0, body, 0, head.length);
        }
        String b64 = Base64.getEncoder().encodeToString(body);
        int width = label.equals("OPENSSH PRIVATE KEY") ? 70 : 64;
        StringBuilder sb = new StringBuilder("-----BEGIN ").append(label).append("-----");
        for (int i = 0; i < b64.length(); i += width) {
            sb.append(nlInside).append(b64, i, Math.min(b64.length(), i + width));
        }
        sb.append(nlInside).append("-----END ").append(label).append("-----");
        return pos(EntityType.PRIVATE_KEY, label.replace(' ', '-').toLowerCase(Locale.ROOT) + (nlInside.equals("\n") ? "" : "-escaped"), sb.toString());
    }

    V publicBlock() {
        String label = pick("PUBLIC KEY", "CERTIFICATE");
        byte[] body = new byte[label.equals("PUBLIC KEY") ? 294 : 880];
        r.nextBytes(body);
        String b64 = Base64.getEncoder().encodeToString(body);
        StringBuilder sb = new StringBuilder("-----BEGIN ").append(label).append("-----");
        for (int i = 0; i < b64.length(); i += 64) {
            sb.append('\n').append(b64, i, Math.min(b64.length(), i + 64));
        }
        sb.append("\n-----END ").append(label).append("-----");
        return neg(EntityType.PRIVATE_KEY, label.equals("PUBLIC KEY") ? "public-key" : "certificate", sb.toString());
    }

    // ------------------------------------------------------------------ generic secrets

    static double entropy(String s) {
        Map<Character, Integer> f = new HashMap<>();
        for (char c : s.toCharArray()) {
            f.merge(c, 1, Integer::sum);
        }
        double h = 0;
        for (int c : f.values()) {
            double p = (double) c / s.length();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    /** A high-entropy value (length 12..40, entropy >= 3.5); symbols only where quoting allows them. */
    String secretValue(boolean symbols) {
        String alphabet = symbols ? ALNUM + "!#%&*-_=+.@" : ALNUM + (chance(0.5) ? "-_" : "");
        while (true) {
            String s = chars(alphabet, n(12, 40));
            if (entropy(s) >= 3.5 && s.chars().anyMatch(Character::isDigit) && s.chars().anyMatch(Character::isLetter)) {
                return s;
            }
        }
    }

    V secret(boolean symbols) {
        return pos(EntityType.GENERIC_SECRET, "assignment", secretValue(symbols));
    }

    V secretHex() {
        String s;
        do {
            s = chars(HEX, pick(32, 40, 64));
        } while (entropy(s) < 3.5);
        return pos(EntityType.GENERIC_SECRET, "hex-key", s);
    }

    V placeholder() {
        String v = pick("changeme", "${DB_PASSWORD}", "<password>", "****", "xxx", "${SECRET_KEY}", "CHANGE_ME", "your-api-key-here",
                "<vul-hier-in>", "********", "xxxxxxxx", "%(DB_PASS)s", "{{ vault_db_password }}", "TODO", "${env:API_TOKEN}");
        return neg(EntityType.GENERIC_SECRET, "placeholder", v);
    }

    V lowEntropy() {
        return neg(EntityType.GENERIC_SECRET, "low-entropy", pick("welkom01", "Welkom123", "password", "admin123", "geheim",
                "test1234", "Zomer2024", "qwerty12", "aaaaaaaa", "letmein", "Voorjaar25", "12345678"));
    }

    V uuid() {
        return neg(EntityType.GENERIC_SECRET, "uuid", java.util.UUID.nameUUIDFromBytes(digits(12).getBytes(StandardCharsets.US_ASCII)).toString());
    }

    V gitSha() {
        return neg(EntityType.GENERIC_SECRET, "git-sha", chars(HEX, 40));
    }

    V sha256() {
        return neg(EntityType.GENERIC_SECRET, "sha256", chars(HEX, 64));
    }

    // ------------------------------------------------------------------ numeric look-alikes

    V orderNine(String kind) {
        return neg(EntityType.BSN, kind, nineFail());
    }

    V kvk() {
        return neg(EntityType.BSN, "kvk-8", n(1, 9) + digits(7));
    }
}
