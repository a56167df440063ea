package io.dataguardian.bench.corpus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Made-up values for {@link Holdout4Corpus}: every positive is valid by its checksum or shape, every
 * checksum negative fails it. All values are invented (random), none belongs to a real person.
 */
final class Holdout4Values {

    /** A planted value: its type (for a negative, the type it could be mistaken for), kind and text. */
    record V(EntityType type, String kind, String value) {
    }

    final Random r;

    Holdout4Values(Random r) {
        this.r = r;
    }

    // ------------------------------------------------------------------ small helpers

    int n(int lo, int hiExcl) {
        return lo + r.nextInt(hiExcl - lo);
    }

    <T> T pick(List<T> l) {
        return l.get(r.nextInt(l.size()));
    }

    String pick(String... s) {
        return s[r.nextInt(s.length)];
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
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String DIG = "0123456789";
    static final String ALNUM = UPPER + LOWER + DIG;
    static final String HEX = "0123456789abcdef";
    static final String B64 = ALNUM + "+/";
    static final String B64URL = ALNUM + "-_";

    /** A random string rerolled until it holds no digit run a checksum scan could take for a BSN or card. */
    String clean(Supplier<String> s) {
        for (int i = 0; i < 200; i++) {
            String v = s.get();
            if (!hasChecksumRun(v)) {
                return v;
            }
        }
        throw new IllegalStateException("could not draw a clean value");
    }

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d+");

    static boolean hasChecksumRun(String v) {
        Matcher m = DIGIT_RUN.matcher(v);
        while (m.find()) {
            String d = m.group();
            if (d.length() == 9 && elfProef(d)) {
                return true;
            }
            if (d.length() >= 13 && d.length() <= 19 && luhn(d)) {
                return true;
            }
        }
        return false;
    }

    /** A number of {@code len} digits that is no BSN (9 digits) and no Luhn number (13-19), no leading zero. */
    String id(int len) {
        return clean(() -> (char) ('1' + r.nextInt(9)) + digits(len - 1));
    }

    String hex(int len) {
        return clean(() -> chars(HEX, len));
    }

    String uuid() {
        return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-" + pick("8", "9", "a", "b") + hex(3) + "-" + hex(12);
    }

    // ------------------------------------------------------------------ people

    static final List<String> NL_FIRST = List.of("Jan", "Sanne", "Pieter", "Fleur", "Daan", "Lotte", "Bram", "Anouk", "Thijs", "Eva",
            "Ruben", "Iris", "Koen", "Femke", "Joost", "Marieke", "Sven", "Noor", "Wouter", "Lieke", "Hendrik", "Anke", "Gert-Jan",
            "Yara", "Mohamed", "Fatima", "Stijn", "Esther", "Bas", "Ilse");
    static final List<String> NL_LAST = List.of("de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
            "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
            "Smits", "van Dijk", "Kok", "Jacobs", "Vermeulen", "El Amrani", "Yilmaz", "Schouten", "van der Linden", "Postma", "Kuipers");
    static final List<String> EN_FIRST = List.of("Oliver", "Emma", "James", "Sophie", "Harry", "Grace", "Jack", "Chloe", "Liam",
            "Olivia", "Noah", "Amelia", "Ethan", "Mia", "Lucas", "Isla", "Daniel", "Ava", "Samuel", "Ella");
    static final List<String> EN_LAST = List.of("Smith", "Johnson", "Williams", "Brown", "Taylor", "Davies", "Wilson", "Evans",
            "Thomas", "Roberts", "Walker", "Wright", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Clarke");
    static final List<String> CITIES = List.of("Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen", "Tilburg",
            "Almere", "Breda", "Nijmegen", "Arnhem", "Haarlem", "Enschede", "Zwolle", "Leiden", "Maastricht", "Delft", "Apeldoorn",
            "Leeuwarden", "Amersfoort");
    static final List<String> STREETS = List.of("Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenweg", "Schoolstraat",
            "Beukenlaan", "Julianastraat", "Wilhelminaplein", "Lange Voorhout", "Prinsengracht", "Oudegracht", "Marktstraat",
            "Parallelweg", "Eikenlaan", "Nieuwstraat", "Havenkade");
    static final List<String> MAIL_DOMAINS = List.of("gmail.com", "outlook.com", "hotmail.nl", "ziggo.nl", "kpnmail.nl", "xs4all.nl",
            "planet.nl", "icloud.com", "proton.me", "yahoo.co.uk", "live.nl", "hetnet.nl");
    static final List<String> ORG_DOMAINS = List.of("bakkerij-smit.nl", "vandijk-installatie.nl", "gemeente-zuidwold.nl",
            "zorggroep-noord.nl", "acme-logistics.com", "brightwave.io", "northwind-traders.co.uk", "tulpbank.nl", "fietsfabriek.nl",
            "mediq-zorg.nl", "helixdata.eu", "student.hanze.nl");

    record Person(String first, String last, boolean dutch) {
        String full() {
            return first + " " + last;
        }
    }

    Person person() {
        boolean nl = chance(0.7);
        return nl ? new Person(pick(NL_FIRST), pick(NL_LAST), true) : new Person(pick(EN_FIRST), pick(EN_LAST), false);
    }

    static String slug(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace("é", "e");
        StringBuilder sb = new StringBuilder();
        for (char c : t.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ BSN

    static boolean elfProef(String nine) {
        if (nine.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (nine.charAt(i) - '0') * (9 - i);
        }
        sum -= nine.charAt(8) - '0';
        return sum % 11 == 0;
    }

    String bsnDigits() {
        while (true) {
            String d8 = (char) ('1' + r.nextInt(7)) + digits(7);
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (d8.charAt(i) - '0') * (9 - i);
            }
            int last = sum % 11;
            if (last < 10) {
                String v = d8 + last;
                if (elfProef(v)) {
                    return v;
                }
            }
        }
    }

    V bsn() {
        String d = bsnDigits();
        int f = r.nextInt(10);
        if (f < 6) {
            return new V(EntityType.BSN, "bsn-plain", d);
        } else if (f < 8) {
            return new V(EntityType.BSN, "bsn-dotted", d.substring(0, 4) + "." + d.substring(4, 6) + "." + d.substring(6));
        } else if (f < 9) {
            return new V(EntityType.BSN, "bsn-spaced", d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6));
        }
        return new V(EntityType.BSN, "bsn-dashed", d.substring(0, 3) + "-" + d.substring(3, 6) + "-" + d.substring(6));
    }

    String bsnPlain() {
        return bsnDigits();
    }

    /** A 9-digit number failing the 11-proof (order, invoice, ticket numbers). */
    V nineDigitNonBsn(String kind) {
        while (true) {
            String d = (char) ('1' + r.nextInt(9)) + digits(8);
            if (!elfProef(d)) {
                return new V(EntityType.BSN, kind, d);
            }
        }
    }

    // ------------------------------------------------------------------ IBAN

    static final String[] NL_BANKS = {"ABNA", "RABO", "INGB", "TRIO", "SNSB", "ASNB", "KNAB", "BUNQ", "RBRB", "FVLB"};
    static final Map<String, Integer> IBAN_LENGTH = new HashMap<>();

    static {
        for (String s : "NL18 DE22 BE16 FR27 AT20 LU20 IE22 GB22 CH21 DK18 FI18 ES24 IT27 PT25 PL28 NO15 SE24".split(" ")) {
            IBAN_LENGTH.put(s.substring(0, 2), Integer.parseInt(s.substring(2)));
        }
    }

    static int mod97(String s) {
        int m = 0;
        for (char c : s.toCharArray()) {
            String part = Character.isDigit(c) ? String.valueOf(c) : String.valueOf(Character.toUpperCase(c) - 'A' + 10);
            for (char d : part.toCharArray()) {
                m = (m * 10 + (d - '0')) % 97;
            }
        }
        return m;
    }

    static boolean ibanValid(String written) {
        String s = written.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (s.length() < 4 || !s.matches("[A-Z]{2}\\d{2}[A-Z0-9]+")) {
            return false;
        }
        Integer len = IBAN_LENGTH.get(s.substring(0, 2));
        return len != null && len == s.length() && mod97(s.substring(4) + s.substring(0, 4)) == 1;
    }

    private String bban(String cc) {
        return switch (cc) {
            case "NL" -> NL_BANKS[r.nextInt(NL_BANKS.length)] + digits(10);
            case "DE" -> "" + n(1, 9) + digits(7) + digits(10);
            case "BE" -> {
                String ten = digits(10);
                long mod = Long.parseLong(ten) % 97;
                if (mod == 0) {
                    mod = 97;
                }
                yield ten + String.format(Locale.ROOT, "%02d", mod);
            }
            case "FR" -> {
                String bank = digits(5);
                String branch = digits(5);
                String acct = digits(11);
                java.math.BigInteger x = new java.math.BigInteger(bank + branch + acct + "00");
                int key = 97 - x.mod(java.math.BigInteger.valueOf(97)).intValue();
                yield bank + branch + acct + String.format(Locale.ROOT, "%02d", key);
            }
            case "AT" -> digits(16);
            case "LU" -> digits(3) + chars(UPPER + DIG, 13);
            case "IE" -> pick("AIBK", "BOFI", "IPBS") + digits(14);
            case "GB" -> pick("NWBK", "BARC", "LOYD", "HBUK", "MIDL") + digits(14);
            case "CH" -> digits(5) + digits(12);
            case "DK" -> digits(14);
            default -> throw new IllegalArgumentException(cc);
        };
    }

    String ibanCompact(String cc) {
        String b = bban(cc);
        int check = 98 - mod97(b + cc + "00");
        return cc + String.format(Locale.ROOT, "%02d", check) + b;
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

    String ibanCountry() {
        return chance(0.6) ? "NL" : pick("DE", "BE", "FR", "AT", "LU", "IE", "GB", "CH", "DK");
    }

    V iban() {
        String cc = ibanCountry();
        String c = ibanCompact(cc);
        String kind = cc.equals("NL") ? "iban-nl" : "iban-sepa";
        if (chance(0.35)) {
            return new V(EntityType.IBAN, kind + "-grouped", group4(c));
        }
        return new V(EntityType.IBAN, kind, c);
    }

    V ibanCompactV() {
        String cc = ibanCountry();
        return new V(EntityType.IBAN, cc.equals("NL") ? "iban-nl" : "iban-sepa", ibanCompact(cc));
    }

    V ibanBadCheck() {
        String c = ibanCompact(ibanCountry());
        int check = Integer.parseInt(c.substring(2, 4));
        int other = check;
        while (other == check) {
            other = n(2, 99);
        }
        String bad = c.substring(0, 2) + String.format(Locale.ROOT, "%02d", other) + c.substring(4);
        return new V(EntityType.IBAN, "iban-mod97-fail", chance(0.3) ? group4(bad) : bad);
    }

    // ------------------------------------------------------------------ payment cards

    static boolean luhn(String d) {
        int sum = 0;
        boolean dbl = false;
        for (int i = d.length() - 1; i >= 0; i--) {
            int x = d.charAt(i) - '0';
            if (dbl) {
                x *= 2;
                if (x > 9) {
                    x -= 9;
                }
            }
            sum += x;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    static int luhnCheckDigit(String body) {
        for (int c = 0; c < 10; c++) {
            if (luhn(body + c)) {
                return c;
            }
        }
        throw new IllegalStateException();
    }

    record CardShape(String brand, String prefix, int length) {
    }

    CardShape cardShape() {
        int f = r.nextInt(20);
        if (f < 6) {
            return new CardShape("visa", "4", 16);
        } else if (f < 9) {
            return new CardShape("mastercard", String.valueOf(n(51, 56)), 16);
        } else if (f < 11) {
            return new CardShape("mastercard-2series", String.valueOf(n(2221, 2721)), 16);
        } else if (f < 13) {
            return new CardShape("amex", pick("34", "37"), 15);
        } else if (f < 15) {
            return new CardShape("discover", pick("6011", "65", String.valueOf(n(644, 650))), 16);
        } else if (f < 17) {
            return new CardShape("maestro", pick("6759", "5018", "5020", "5038", "6304"), chance(0.7) ? 16 : 19);
        } else if (f < 19) {
            return new CardShape("jcb", String.valueOf(n(3528, 3590)), 16);
        }
        return new CardShape("diners", pick("36", "300", "301", "305"), 14);
    }

    String cardDigits(CardShape s) {
        String body = s.prefix() + digits(s.length() - 1 - s.prefix().length());
        return body + luhnCheckDigit(body);
    }

    static String groupCard(String d, String sep) {
        if (d.length() == 15) {
            return d.substring(0, 4) + sep + d.substring(4, 10) + sep + d.substring(10);
        }
        if (d.length() == 14) {
            return d.substring(0, 4) + sep + d.substring(4, 10) + sep + d.substring(10);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < d.length(); i += 4) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(d, i, Math.min(d.length(), i + 4));
        }
        return sb.toString();
    }

    V card() {
        CardShape s = cardShape();
        String d = cardDigits(s);
        int f = r.nextInt(10);
        if (f < 5) {
            return new V(EntityType.CREDIT_CARD, "card-" + s.brand(), d);
        } else if (f < 8) {
            return new V(EntityType.CREDIT_CARD, "card-" + s.brand() + "-spaced", groupCard(d, " "));
        }
        return new V(EntityType.CREDIT_CARD, "card-" + s.brand() + "-dashed", groupCard(d, "-"));
    }

    String cardCompact() {
        return cardDigits(cardShape());
    }

    V cardLuhnFail() {
        CardShape s = cardShape();
        String d = cardDigits(s);
        int last = d.charAt(d.length() - 1) - '0';
        String bad = d.substring(0, d.length() - 1) + ((last + n(1, 10)) % 10);
        return new V(EntityType.CREDIT_CARD, "card-luhn-fail", chance(0.4) ? groupCard(bad, " ") : bad);
    }

    V cardMasked() {
        String d = cardDigits(cardShape());
        String last4 = d.substring(d.length() - 4);
        return switch (r.nextInt(4)) {
            case 0 -> new V(EntityType.CREDIT_CARD, "card-masked", "**** **** **** " + last4);
            case 1 -> new V(EntityType.CREDIT_CARD, "card-masked", d.substring(0, 6) + "******" + last4);
            case 2 -> new V(EntityType.CREDIT_CARD, "card-masked", "XXXX-XXXX-XXXX-" + last4);
            default -> new V(EntityType.CREDIT_CARD, "card-masked", d.substring(0, 4) + " " + d.substring(4, 6) + "XX XXXX " + last4);
        };
    }

    // ------------------------------------------------------------------ phones

    static final String[] NL_AREA2 = {"10", "13", "15", "20", "23", "24", "26", "30", "33", "35", "36", "38", "40", "43", "45",
        "46", "50", "53", "55", "58", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79"};
    static final String[] NL_AREA3 = {"111", "113", "162", "172", "180", "223", "229", "251", "294", "313", "314", "318", "341",
        "348", "411", "412", "475", "493", "495", "511", "513", "521", "523", "544", "546", "570", "591", "592", "594"};

    String subscriber(int len) {
        return n(2, 10) + digits(len - 1);
    }

    V phone() {
        int f = r.nextInt(20);
        if (f < 7) {
            String s = n(1, 6) + digits(7);
            return switch (r.nextInt(6)) {
                case 0 -> new V(EntityType.PHONE_NUMBER, "phone-nl-mobile", "06-" + s);
                case 1 -> new V(EntityType.PHONE_NUMBER, "phone-nl-mobile", "06 " + s.substring(0, 2) + " " + s.substring(2, 4) + " " + s.substring(4, 6) + " " + s.substring(6));
                case 2 -> new V(EntityType.PHONE_NUMBER, "phone-nl-mobile-e164", "+316" + s);
                case 3 -> new V(EntityType.PHONE_NUMBER, "phone-nl-mobile-intl", "+31 6 " + s.substring(0, 4) + " " + s.substring(4));
                case 4 -> new V(EntityType.PHONE_NUMBER, "phone-nl-mobile-intl", "+31 (0)6 " + s);
                default -> new V(EntityType.PHONE_NUMBER, "phone-nl-mobile", "06" + s);
            };
        } else if (f < 12) {
            if (chance(0.5)) {
                String a = NL_AREA2[r.nextInt(NL_AREA2.length)];
                String s = subscriber(7);
                return switch (r.nextInt(4)) {
                    case 0 -> new V(EntityType.PHONE_NUMBER, "phone-nl-landline", "0" + a + "-" + s);
                    case 1 -> new V(EntityType.PHONE_NUMBER, "phone-nl-landline", "0" + a + " " + s.substring(0, 3) + " " + s.substring(3));
                    case 2 -> new V(EntityType.PHONE_NUMBER, "phone-nl-landline-intl", "+31 " + a + " " + s.substring(0, 3) + " " + s.substring(3));
                    default -> new V(EntityType.PHONE_NUMBER, "phone-nl-landline-intl", "0031" + a + s);
                };
            }
            String a = NL_AREA3[r.nextInt(NL_AREA3.length)];
            String s = subscriber(6);
            return chance(0.6) ? new V(EntityType.PHONE_NUMBER, "phone-nl-landline", "0" + a + "-" + s)
                    : new V(EntityType.PHONE_NUMBER, "phone-nl-landline-intl", "+31 " + a + " " + s.substring(0, 2) + " " + s.substring(2, 4) + " " + s.substring(4));
        } else if (f < 14) {
            return switch (r.nextInt(3)) {
                case 0 -> new V(EntityType.PHONE_NUMBER, "phone-nl-088", "088-" + subscriber(7));
                case 1 -> new V(EntityType.PHONE_NUMBER, "phone-nl-0800", "0800-" + digits(4));
                default -> new V(EntityType.PHONE_NUMBER, "phone-nl-0900", "0900-" + subscriber(7));
            };
        }
        return switch (r.nextInt(6)) {
            case 0 -> new V(EntityType.PHONE_NUMBER, "phone-uk", "+44 20 7" + digits(3) + " " + digits(4));
            case 1 -> new V(EntityType.PHONE_NUMBER, "phone-uk-mobile", "+44 7" + pick("4", "5", "7", "8", "9") + n(10, 100) + " " + digits(6));
            case 2 -> new V(EntityType.PHONE_NUMBER, "phone-de", "+49 30 " + subscriber(8));
            case 3 -> new V(EntityType.PHONE_NUMBER, "phone-be", "+32 2 " + subscriber(3) + " " + digits(2) + " " + digits(2));
            case 4 -> new V(EntityType.PHONE_NUMBER, "phone-fr", "+33 " + n(1, 7) + " " + digits(2) + " " + digits(2) + " " + digits(2) + " " + digits(2));
            default -> new V(EntityType.PHONE_NUMBER, "phone-us", "+1 " + pick("212", "415", "312", "617", "206") + "-" + n(201, 999) + "-" + digits(4));
        };
    }

    V phoneInvalid() {
        return switch (r.nextInt(4)) {
            case 0 -> new V(EntityType.PHONE_NUMBER, "phone-too-short", "06-" + digits(6));
            case 1 -> new V(EntityType.PHONE_NUMBER, "phone-too-long", "+31 6 " + digits(10));
            case 2 -> new V(EntityType.PHONE_NUMBER, "phone-bad-area", "0" + pick("01", "02", "03", "04") + "-" + digits(7));
            default -> new V(EntityType.PHONE_NUMBER, "phone-too-short", "020-" + digits(4));
        };
    }

    // ------------------------------------------------------------------ e-mail

    String emailFor(Person p) {
        String f = slug(p.first());
        String l = slug(p.last());
        String local = switch (r.nextInt(6)) {
            case 0 -> f + "." + l;
            case 1 -> f.charAt(0) + "." + l;
            case 2 -> f + l + n(1, 99);
            case 3 -> f + "+" + pick("shop", "news", "work", "bank");
            case 4 -> l + "_" + f;
            default -> f;
        };
        return local + "@" + (chance(0.5) ? pick(MAIL_DOMAINS) : pick(ORG_DOMAINS));
    }

    V email(Person p) {
        return new V(EntityType.EMAIL, "email", emailFor(p));
    }

    V email() {
        return email(person());
    }

    V emailRole() {
        return new V(EntityType.EMAIL, "email-role", pick("info", "support", "noreply", "privacy", "facturen", "helpdesk", "ops-alerts")
                + "@" + pick(ORG_DOMAINS));
    }

    // ------------------------------------------------------------------ IP

    String ipv4() {
        return switch (r.nextInt(4)) {
            case 0 -> "10." + n(0, 256) + "." + n(0, 256) + "." + n(1, 255);
            case 1 -> "192.168." + n(0, 256) + "." + n(1, 255);
            case 2 -> "172." + n(16, 32) + "." + n(0, 256) + "." + n(1, 255);
            default -> pick("31", "62", "77", "81", "84", "85", "87", "89", "94", "145", "178", "185", "212", "213", "217") + "."
                    + n(0, 256) + "." + n(0, 256) + "." + n(1, 255);
        };
    }

    V ip() {
        if (chance(0.75)) {
            return new V(EntityType.IP_ADDRESS, "ipv4", ipv4());
        }
        return new V(EntityType.IP_ADDRESS, "ipv6", ipv6());
    }

    String ipv6() {
        String[] g = new String[8];
        String prefix = pick("2001:db8", "2a02:a45f", "2001:1c00", "2a10:3781", "fe80:0", "2a01:7c8");
        String[] p = prefix.split(":");
        g[0] = p[0];
        g[1] = p[1];
        boolean compress = chance(0.7);
        int zeroFrom = compress ? n(2, 5) : 9;
        int zeroLen = compress ? n(2, 4) : 0;
        for (int i = 2; i < 8; i++) {
            g[i] = i >= zeroFrom && i < zeroFrom + zeroLen ? "0" : Integer.toHexString(n(1, 65536));
        }
        if (prefix.startsWith("fe80")) {
            g[2] = "0";
            g[3] = "0";
            if (!compress) {
                compress = true;
            }
            zeroFrom = 1;
            zeroLen = 3;
        }
        StringBuilder sb = new StringBuilder();
        if (compress) {
            for (int i = 0; i < zeroFrom; i++) {
                sb.append(g[i]).append(i < zeroFrom - 1 ? ":" : "");
            }
            sb.append("::");
            for (int i = zeroFrom + zeroLen; i < 8; i++) {
                sb.append(g[i]).append(i < 7 ? ":" : "");
            }
        } else {
            for (int i = 0; i < 8; i++) {
                sb.append(g[i]).append(i < 7 ? ":" : "");
            }
        }
        return sb.toString();
    }

    V ip4() {
        return new V(EntityType.IP_ADDRESS, "ipv4", ipv4());
    }

    V version4() {
        return new V(EntityType.IP_ADDRESS, "version-4part", n(1, 12) + "." + n(0, 20) + "." + n(0, 10) + "." + n(100, 9999));
    }

    V oid() {
        return new V(EntityType.IP_ADDRESS, "oid", pick("2.5.4.3", "2.5.4.10", "2.5.29.17", "1.2.840.113549.1.1.11", "1.3.6.1.4.1.311.60.2.1.3", "1.3.6.1.2.1.1.3.0"));
    }

    V sizeUnit() {
        return new V(EntityType.POSTCODE, "size-unit", pick("1024", "2048", "4096", "8192", "1536", "3072") + " " + pick("MB", "KB", "GB"));
    }

    V versionLikeIp() {
        return switch (r.nextInt(3)) {
            case 0 -> new V(EntityType.IP_ADDRESS, "version-4part", n(1, 12) + "." + n(0, 20) + "." + n(0, 10) + "." + n(100, 9999));
            case 1 -> new V(EntityType.IP_ADDRESS, "oid", pick("2.5.4.3", "2.5.4.10", "2.5.29.17", "1.2.840.113549.1.1.11", "1.3.6.1.4.1.311.60.2.1.3", "1.3.6.1.2.1.1.3.0"));
            default -> new V(EntityType.IP_ADDRESS, "ipv4-out-of-range", n(256, 400) + "." + n(0, 256) + "." + n(0, 256) + "." + n(0, 256));
        };
    }

    // ------------------------------------------------------------------ postcode

    static final String PC_LETTERS = "ABCDEGHJKLMNPRSTVWXZ";

    String postcodeCompact() {
        while (true) {
            String l = chars(PC_LETTERS, 2);
            if (!l.equals("SA") && !l.equals("SD") && !l.equals("SS")) {
                return n(1, 10) + digits(3) + l;
            }
        }
    }

    V postcode() {
        String c = postcodeCompact();
        if (chance(0.7)) {
            return new V(EntityType.POSTCODE, "postcode-spaced", c.substring(0, 4) + " " + c.substring(4));
        }
        return new V(EntityType.POSTCODE, "postcode-compact", c);
    }

    V postcodeLike() {
        return switch (r.nextInt(3)) {
            case 0 -> new V(EntityType.POSTCODE, "size-unit", pick("1024", "2048", "4096", "8192", "1536", "3072") + " " + pick("MB", "KB", "GB"));
            case 1 -> new V(EntityType.POSTCODE, "postcode-leading-zero", "0" + digits(3) + " " + chars(PC_LETTERS, 2));
            default -> new V(EntityType.POSTCODE, "amount-currency", n(1000, 9999) + " " + pick("EUR", "USD", "GBP"));
        };
    }

    // ------------------------------------------------------------------ passport / ID card

    static final String DOC_LETTERS = "ABCDEFGHIJKLMNPQRSTUVWXYZ";

    String docNumber() {
        while (true) {
            String mid = chars(DOC_LETTERS + DIG + DIG, 6);
            String v = chars(DOC_LETTERS, 2) + mid + r.nextInt(10);
            if (mid.chars().anyMatch(Character::isDigit)) {
                return v;
            }
        }
    }

    V passport() {
        return new V(EntityType.PASSPORT_NUMBER, "nl-passport", docNumber());
    }

    V idCard() {
        return new V(EntityType.ID_CARD_NUMBER, "nl-idcard", docNumber());
    }

    V docNumberInvalid() {
        String d = docNumber();
        return switch (r.nextInt(3)) {
            case 0 -> new V(EntityType.PASSPORT_NUMBER, "docnr-with-letter-O", d.substring(0, 3) + "O" + d.substring(4));
            case 1 -> new V(EntityType.PASSPORT_NUMBER, "docnr-too-short", d.substring(0, 7));
            default -> new V(EntityType.PASSPORT_NUMBER, "docnr-last-not-digit", d.substring(0, 8) + chars(DOC_LETTERS, 1));
        };
    }

    // ------------------------------------------------------------------ dates

    static final String[] MAAND = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"};
    static final String[] MONTH = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};

    String date(int y, int m, int d, int style) {
        return switch (style) {
            case 0 -> String.format(Locale.ROOT, "%02d-%02d-%04d", d, m, y);
            case 1 -> String.format(Locale.ROOT, "%04d-%02d-%02d", y, m, d);
            case 2 -> String.format(Locale.ROOT, "%02d/%02d/%04d", d, m, y);
            case 3 -> String.format(Locale.ROOT, "%d.%d.%04d", d, m, y);
            case 4 -> d + " " + MAAND[m - 1] + " " + y;
            case 5 -> MONTH[m - 1] + " " + d + ", " + y;
            default -> d + " " + MONTH[m - 1] + " " + y;
        };
    }

    V dob(int style) {
        return new V(EntityType.DATE_OF_BIRTH, "dob-style" + style, date(n(1940, 2007), n(1, 13), n(1, 29), style));
    }

    V dob() {
        return dob(r.nextInt(7));
    }

    String isoDob() {
        return date(n(1940, 2007), n(1, 13), n(1, 29), 1);
    }

    V otherDate(String kind, int style) {
        return new V(EntityType.DATE_OF_BIRTH, kind, date(n(2019, 2027), n(1, 13), n(1, 29), style));
    }

    String recentIso() {
        return date(n(2024, 2027), n(1, 13), n(1, 29), 1);
    }

    String timestamp() {
        return String.format(Locale.ROOT, "%s %02d:%02d:%02d", recentIso(), n(0, 24), n(0, 60), n(0, 60));
    }

    String isoTs() {
        return String.format(Locale.ROOT, "%sT%02d:%02d:%02d.%03dZ", recentIso(), n(0, 24), n(0, 60), n(0, 60), n(0, 1000));
    }

    // ------------------------------------------------------------------ AWS

    static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    V awsKeyId() {
        String pre = chance(0.75) ? "AKIA" : "ASIA";
        return new V(EntityType.AWS_ACCESS_KEY, pre.equals("AKIA") ? "aws-akia" : "aws-asia", pre + chars(B32, 16));
    }

    V awsSecret() {
        return new V(EntityType.AWS_SECRET_KEY, "aws-secret", clean(() -> chars(ALNUM + "+/", 40)));
    }

    V awsKeyIdBad() {
        return new V(EntityType.AWS_ACCESS_KEY, "aws-id-wrong-length", "AKIA" + chars(B32, n(10, 14)));
    }

    // ------------------------------------------------------------------ private keys

    String b64Lines(String start, int lines, int lastLen, String nl) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            String line = i == 0 ? start + clean(() -> chars(B64, 64 - start.length())) : clean(() -> chars(B64, 64));
            sb.append(line).append(nl);
        }
        sb.append(clean(() -> chars(B64, lastLen))).append(pick("==", "=", "")).append(nl);
        return sb.toString();
    }

    /** A PEM private key whose lines are joined by {@code nl} (a real newline, "\\n" for JSON, or newline + indent). */
    V privateKey(String nl) {
        String[] kinds = {"RSA PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "PRIVATE KEY"};
        String[] starts = {"MIIEow", "MHcCAQEE", "b3BlbnNzaC1rZXktdjEAAAAA", "MIIEvgIBADANBg"};
        int k = r.nextInt(4);
        String label = kinds[k];
        String body = b64Lines(starts[k], k == 1 ? 2 : n(4, 9), n(8, 60), nl);
        String v = "-----BEGIN " + label + "-----" + nl + body + "-----END " + label + "-----";
        return new V(EntityType.PRIVATE_KEY, "pem-" + slug(label.replace(" PRIVATE KEY", "").replace("PRIVATE KEY", "pkcs8")), v);
    }

    V publicPem(String nl) {
        String label = pick("PUBLIC KEY", "CERTIFICATE");
        String body = b64Lines(label.equals("CERTIFICATE") ? "MIID" : "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", n(3, 7), n(8, 60), nl);
        return new V(EntityType.PRIVATE_KEY, label.equals("CERTIFICATE") ? "pem-certificate" : "pem-public-key",
                "-----BEGIN " + label + "-----" + nl + body + "-----END " + label + "-----");
    }

    V sshPublicKey() {
        return new V(EntityType.PRIVATE_KEY, "ssh-public-key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + clean(() -> chars(B64, 43)));
    }

    // ------------------------------------------------------------------ GitHub

    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

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

    V githubToken() {
        if (chance(0.2)) {
            String v = "github_pat_" + clean(() -> chars(ALNUM, 22)) + "_" + clean(() -> chars(ALNUM, 59));
            return new V(EntityType.GITHUB_TOKEN, "github-fine-grained-pat", v);
        }
        String pre = pick("ghp_", "ghp_", "ghp_", "gho_", "ghs_", "ghu_", "ghr_");
        String rnd = clean(() -> chars(ALNUM, 30));
        CRC32 crc = new CRC32();
        crc.update(rnd.getBytes(StandardCharsets.US_ASCII));
        String v = pre + rnd + base62(crc.getValue(), 6);
        if (hasChecksumRun(v)) {
            return githubToken();
        }
        return new V(EntityType.GITHUB_TOKEN, "github-" + pre.substring(0, 3), v);
    }

    V githubTokenBad() {
        return switch (r.nextInt(3)) {
            case 0 -> new V(EntityType.GITHUB_TOKEN, "github-too-short", "ghp_" + clean(() -> chars(ALNUM, n(10, 20))));
            case 1 -> new V(EntityType.GITHUB_TOKEN, "github-placeholder", "ghp_" + "x".repeat(36));
            default -> new V(EntityType.GITHUB_TOKEN, "github-wrong-prefix", "ghx_" + clean(() -> chars(ALNUM, 36)));
        };
    }

    // ------------------------------------------------------------------ JWT

    static String b64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    V jwt() {
        String header = pick("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + hex(8) + "\"}",
                "{\"typ\":\"JWT\",\"alg\":\"ES256\"}");
        long iat = 1_735_000_000L + r.nextInt(60_000_000);
        String payload = "{\"sub\":\"" + pick("user", "svc", "acct") + "-" + hex(6) + "\",\"iat\":" + iat + ",\"exp\":" + (iat + 3600)
                + (chance(0.5) ? ",\"scope\":\"" + pick("read write", "orders:read", "admin") + "\"" : "")
                + (chance(0.4) ? ",\"iss\":\"https://auth." + pick(ORG_DOMAINS) + "\"" : "") + "}";
        String sig = clean(() -> chars(B64URL, header.contains("RS256") ? 86 : 43));
        String v = b64url(header) + "." + b64url(payload) + "." + sig;
        if (hasChecksumRun(v)) {
            return jwt();
        }
        return new V(EntityType.JWT, header.contains("HS256") ? "jwt-hs256" : "jwt-asym", v);
    }

    V jwtLike() {
        return new V(EntityType.JWT, "three-part-not-jwt", clean(() -> chars(ALNUM, n(10, 20))) + "." + clean(() -> chars(ALNUM, n(10, 30)))
                + "." + clean(() -> chars(ALNUM, n(10, 30))));
    }

    // ------------------------------------------------------------------ generic secrets

    static double entropy(String s) {
        Map<Character, Integer> f = new HashMap<>();
        for (char c : s.toCharArray()) {
            f.merge(c, 1, Integer::sum);
        }
        double e = 0;
        for (int v : f.values()) {
            double p = (double) v / s.length();
            e -= p * Math.log(p) / Math.log(2);
        }
        return e;
    }

    static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)changeme|change_me|xxx+|\\$\\{[^}]*}|<[^>]*>|\\*{3,}|your[_-].*|\\{\\{.*}}|%[A-Z_]+%|replace[_-]?me|todo|example|dummy|\\$[A-Z_]+|secret|password");

    static boolean isPlaceholder(String v) {
        return PLACEHOLDER.matcher(v).matches() || PLACEHOLDER.matcher(v).lookingAt() && v.startsWith("${");
    }

    static boolean genericSecretValid(String v) {
        return v.length() >= 8 && entropy(v) >= 3.5 && !isPlaceholder(v);
    }

    V secret() {
        int f = r.nextInt(5);
        String kind;
        Supplier<String> s;
        switch (f) {
            case 0 -> {
                kind = "secret-password";
                s = () -> chars(UPPER + LOWER, 1) + chars(ALNUM + "!%*_-.+~", n(11, 20));
            }
            case 1 -> {
                kind = "secret-hex";
                s = () -> chars(HEX, pick(List.of(32, 40, 48, 64)));
            }
            case 2 -> {
                kind = "secret-prefixed";
                s = () -> pick("sk_live_", "xoxb-", "SG.", "key-", "rk_prod_") + chars(ALNUM, n(20, 36));
            }
            case 3 -> {
                kind = "secret-base64";
                s = () -> chars(ALNUM, 1) + chars(B64, n(23, 43)) + "=";
            }
            default -> {
                kind = "secret-passphrase";
                s = () -> pick("Tulp", "Fiets", "Gracht", "Orange", "Harbor", "Molen") + n(10, 99) + pick("!", "#", "-", "_")
                        + pick("Zonlicht", "Regenboog", "Kaas", "Walrus", "Kade") + chars(ALNUM, n(3, 6));
            }
        }
        while (true) {
            String v = clean(s);
            if (genericSecretValid(v) && !v.startsWith("AKIA") && !v.startsWith("gh")) {
                return new V(EntityType.GENERIC_SECRET, kind, v);
            }
        }
    }

    /** A password a person might type: letters, digits, one symbol. */
    V secretPassword() {
        while (true) {
            V v = secret();
            if (v.kind().equals("secret-password") || v.kind().equals("secret-passphrase")) {
                return v;
            }
        }
    }

    V secretPlaceholder() {
        String v = pick("changeme", "xxx", "xxxxxxxx", "${DB_PASSWORD}", "<password>", "****", "********", "your-api-key-here",
                "{{ vault_db_password }}", "%API_TOKEN%", "REPLACE_ME", "TODO", "${SECRET_KEY}", "<your-token>", "dummy");
        return new V(EntityType.GENERIC_SECRET, "secret-placeholder", v);
    }

    V secretLowEntropy() {
        String v = pick("password123", "admin123", "welkom01", "aaaaaaaaaa", "12341234", "qwertyqwerty", "test1234", "abcabcabc",
                "zomer2024", "Welkom123");
        if (entropy(v) >= 3.5) {
            throw new IllegalStateException(v);
        }
        return new V(EntityType.GENERIC_SECRET, "secret-low-entropy", v);
    }

    V secretNegative() {
        return chance(0.6) ? secretPlaceholder() : secretLowEntropy();
    }
}
