package io.dataguardian.bench.corpus;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Values for {@link Holdout2Corpus}, written independently of the other two generators: its own
 * checksums (11-proof, mod 97, Luhn, GitHub's CRC32 token checksum) and libphonenumber to keep every
 * planted phone number valid.
 */
final class Holdout2Values {

    static final PhoneNumberUtil PHONE = PhoneNumberUtil.getInstance();
    private static final String B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String UP = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    static final String[] FIRST = {"Sanne", "Daan", "Fleur", "Bram", "Noor", "Thijs", "Lotte", "Jesse", "Femke", "Ruben",
        "Anouk", "Wouter", "Ilse", "Joost", "Marieke", "Pieter", "Esther", "Koen", "Yara", "Mohammed", "Fatima", "Priya",
        "Oliver", "Emily", "James", "Charlotte"};
    static final String[] LAST = {"de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
        "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "El Amrani", "Yilmaz",
        "Brouwer", "Kuipers", "Thompson", "Walker"};
    static final String[] STREET = {"Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsplein", "Lindelaan", "Prinsengracht",
        "Wilhelminastraat", "Beukenlaan", "Oranjestraat", "Havenkade"};
    static final String[] CITY = {"Amsterdam", "Utrecht", "Rotterdam", "Zwolle", "Groningen", "Eindhoven", "Haarlem",
        "Leiden", "Nijmegen", "Tilburg", "Apeldoorn", "Delft"};
    static final String[] DOMAIN = {"ziggo-mail.nl", "kpnplanet.nl", "outlook.com", "gmail.com", "hetnet.nl",
        "mail.zorgpunt-noord.nl", "hr.bouwgroep-oost.nl", "student.hanze-example.nl", "klant.energiedirect-zuid.nl"};
    static final String[] MONTH_NL = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december"};
    static final String[] MONTH_EN = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    final Random r;

    Holdout2Values(Random r) {
        this.r = r;
    }

    <T> T pick(T[] a) {
        return a[r.nextInt(a.length)];
    }

    int between(int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    String chars(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    String hex(int n) {
        return chars("0123456789abcdef", n);
    }

    String uuid() {
        return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-" + "89ab".charAt(r.nextInt(4)) + hex(3) + "-" + hex(12);
    }

    // ---- BSN ----

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

    /** A raw 9-digit number passing the 11-proof, first digit 1-6 (issued ranges). */
    String bsnRaw() {
        while (true) {
            String s = (char) ('1' + r.nextInt(6)) + digits(8);
            if (elfProef(s)) {
                return s;
            }
        }
    }

    String bsnFailRaw() {
        while (true) {
            String s = (char) ('1' + r.nextInt(9)) + digits(8);
            if (!elfProef(s)) {
                return s;
            }
        }
    }

    /** plain, dotted 3.3.3, spaced 3 3 3, dashed 3-3-3. */
    static String bsnFormat(String raw, int style) {
        return switch (style) {
            case 1 -> raw.substring(0, 3) + "." + raw.substring(3, 6) + "." + raw.substring(6);
            case 2 -> raw.substring(0, 3) + " " + raw.substring(3, 6) + " " + raw.substring(6);
            case 3 -> raw.substring(0, 3) + "-" + raw.substring(3, 6) + "-" + raw.substring(6);
            default -> raw;
        };
    }

    String bsn() {
        return bsnFormat(bsnRaw(), r.nextInt(10) < 5 ? 0 : 1 + r.nextInt(3));
    }

    // ---- IBAN ----

    static boolean mod97(String iban) {
        String s = iban.replace(" ", "").toUpperCase(Locale.ROOT);
        String re = s.substring(4) + s.substring(0, 4);
        StringBuilder num = new StringBuilder();
        for (char c : re.toCharArray()) {
            num.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(num.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    static String withCheck(String cc, String bban) {
        String re = bban + cc + "00";
        StringBuilder num = new StringBuilder();
        for (char c : re.toCharArray()) {
            num.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(num.toString()).mod(BigInteger.valueOf(97)).intValue();
        return cc + String.format(Locale.ROOT, "%02d", check) + bban;
    }

    String ibanCompact() {
        int k = r.nextInt(10);
        if (k < 7) {
            String bank = pick(new String[] {"ABNA", "RABO", "INGB", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"});
            return withCheck("NL", bank + digits(10));
        } else if (k < 9) {
            return withCheck("DE", digits(18));
        } else {
            String ten = digits(10);
            long m = Long.parseLong(ten) % 97;
            if (m == 0) {
                m = 97;
            }
            return withCheck("BE", ten + String.format(Locale.ROOT, "%02d", m));
        }
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

    String iban() {
        String c = ibanCompact();
        int k = r.nextInt(10);
        if (k < 4) {
            return c;
        } else if (k < 8) {
            return group4(c);
        } else if (k < 9) {
            return c.toLowerCase(Locale.ROOT);
        }
        return group4(c).toLowerCase(Locale.ROOT);
    }

    String ibanBad() {
        String c = ibanCompact();
        char last = c.charAt(c.length() - 1);
        String bad = c.substring(0, c.length() - 1) + (char) ('0' + ((last - '0' + 1 + r.nextInt(8)) % 10));
        if (mod97(bad)) {
            return ibanBad();
        }
        return r.nextBoolean() ? bad : group4(bad);
    }

    // ---- cards ----

    static boolean luhn(String digits) {
        String d = digits.replaceAll("[^0-9]", "");
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

    private String luhnComplete(String prefix, int len) {
        String body = prefix + digits(len - 1 - prefix.length());
        for (int c = 0; c < 10; c++) {
            if (luhn(body + c)) {
                return body + c;
            }
        }
        throw new IllegalStateException();
    }

    /** [raw, formatted]. */
    String card() {
        int k = r.nextInt(10);
        String raw;
        if (k < 4) {
            raw = luhnComplete("4" + digits(5), 16);
        } else if (k < 7) {
            raw = luhnComplete(r.nextBoolean() ? "5" + between(1, 5) + digits(4) : String.valueOf(between(2221, 2720)) + digits(2), 16);
        } else {
            raw = luhnComplete(r.nextBoolean() ? "34" : "37", 15);
            int s = r.nextInt(3);
            return s == 0 ? raw : amex(raw, s == 1 ? " " : "-");
        }
        int s = r.nextInt(3);
        return s == 0 ? raw : group4sep(raw, s == 1 ? " " : "-");
    }

    static String amex(String raw, String sep) {
        return raw.substring(0, 4) + sep + raw.substring(4, 10) + sep + raw.substring(10);
    }

    static String group4sep(String s, String sep) {
        return group4(s).replace(" ", sep);
    }

    String cardBad() {
        while (true) {
            String raw = "4" + digits(15);
            if (!luhn(raw)) {
                return r.nextBoolean() ? raw : group4(raw);
            }
        }
    }

    // ---- phones ----

    static boolean phoneValid(String text, String region) {
        try {
            PhoneNumber n = PHONE.parse(text, region);
            return PHONE.isValidNumber(n);
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** A Dutch number written the way people write it; valid per libphonenumber. */
    String phoneNl() {
        for (int guard = 0; ; guard++) {
            if (guard > 10_000) {
                throw new IllegalStateException("no valid Dutch phone number generated");
            }
            boolean mobile = r.nextInt(10) < 6;
            String area;
            String sub;
            if (mobile) {
                area = "6";
                sub = between(1, 5) + digits(7);
            } else {
                area = pick(new String[] {"20", "10", "30", "70", "40", "50", "38", "71", "24", "13"});
                sub = between(2, 8) + digits(6);
            }
            if (!phoneValid("0" + area + sub, "NL")) {
                continue;
            }
            String s;
            if (mobile) {
                s = switch (r.nextInt(8)) {
                    case 0 -> "06-" + sub;
                    case 1 -> "06 " + sub.substring(0, 2) + " " + sub.substring(2, 4) + " " + sub.substring(4, 6) + " " + sub.substring(6);
                    case 2 -> "+31 6 " + sub;
                    case 3 -> "+31 (0)6 " + sub.substring(0, 4) + " " + sub.substring(4);
                    case 4 -> "06 - " + sub.substring(0, 3) + " " + sub.substring(3, 6) + " " + sub.substring(6);
                    case 5 -> "0031 6 " + sub;
                    case 6 -> "+316" + sub;
                    default -> "06" + sub;
                };
            } else {
                s = switch (r.nextInt(6)) {
                    case 0 -> "(0" + area + ") " + sub.substring(0, 3) + " " + sub.substring(3, 5) + " " + sub.substring(5);
                    case 1 -> "0" + area + "-" + sub;
                    case 2 -> "0031-" + area + "-" + sub;
                    case 3 -> "+31 " + area + " " + sub.substring(0, 3) + " " + sub.substring(3);
                    case 4 -> "+31 (0)" + area + " " + sub;
                    default -> "0" + area + " " + sub;
                };
            }
            if (phoneValid(s, "NL")) {
                return s;
            }
        }
    }

    /** +32/+49/+44/+33/+1 numbers, international format, valid per libphonenumber. */
    String phoneIntl() {
        String region = pick(new String[] {"BE", "DE", "GB", "FR", "US"});
        PhoneNumber ex = PHONE.getExampleNumberForType(region, r.nextBoolean() ? PhoneNumberUtil.PhoneNumberType.MOBILE : PhoneNumberUtil.PhoneNumberType.FIXED_LINE);
        String nat = String.valueOf(ex.getNationalNumber());
        for (int tries = 0; tries < 200; tries++) {
            int keep = Math.min(nat.length() - 4, 4);
            String cand = nat.substring(0, keep) + digits(nat.length() - keep);
            try {
                PhoneNumber n = PHONE.parse("+" + ex.getCountryCode() + cand, region);
                if (PHONE.isValidNumber(n) && !(region.equals("US") && cand.substring(3, 6).equals("555"))) {
                    String f = PHONE.format(n, r.nextInt(4) == 0 ? PhoneNumberUtil.PhoneNumberFormat.E164 : PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
                    return f;
                }
            } catch (NumberParseException e) {
                // try again
            }
        }
        return PHONE.format(ex, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
    }

    String phone() {
        return r.nextInt(10) < 7 ? phoneNl() : phoneIntl();
    }

    // ---- people ----

    record Person(String first, String last, String email, LocalDate dob, String street, String postcode, String city,
                  String phone) {
        String name() {
            return first + " " + last;
        }
    }

    String postcode() {
        while (true) {
            String l = chars(UP, 2);
            if (l.equals("SA") || l.equals("SD") || l.equals("SS")) {
                continue;
            }
            String d = between(1, 9) + digits(3);
            return r.nextInt(4) == 0 ? d + l : d + " " + l;
        }
    }

    String email(String first, String last) {
        String f = first.toLowerCase(Locale.ROOT);
        String l = last.toLowerCase(Locale.ROOT).replace(" ", "");
        String local = switch (r.nextInt(6)) {
            case 0 -> f + "." + l;
            case 1 -> f.charAt(0) + "." + l;
            case 2 -> f + "." + l + "+" + pick(new String[] {"nieuwsbrief", "bank", "work", "shop"});
            case 3 -> first + "." + last.replace(" ", "");
            case 4 -> f + "_" + l + between(1, 99);
            default -> f + l.substring(0, 1);
        };
        String d = pick(DOMAIN);
        return r.nextInt(8) == 0 ? (local + "@" + d).toUpperCase(Locale.ROOT) : local + "@" + d;
    }

    Person person() {
        String f = pick(FIRST);
        String l = pick(LAST);
        LocalDate dob = LocalDate.of(between(1942, 2004), between(1, 12), 1).plusDays(r.nextInt(28));
        return new Person(f, l, email(f, l), dob, pick(STREET) + " " + between(1, 220), postcode(), pick(CITY), phone());
    }

    String dobText(LocalDate d, boolean dutch) {
        int k = r.nextInt(dutch ? 7 : 5);
        if (dutch) {
            return switch (k) {
                case 0 -> d.getDayOfMonth() + "-" + d.getMonthValue() + "-" + d.getYear();
                case 1 -> String.format(Locale.ROOT, "%02d-%02d-%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
                case 2 -> d.getDayOfMonth() + " " + MONTH_NL[d.getMonthValue() - 1] + " " + d.getYear();
                case 3 -> d.toString();
                case 4 -> String.format(Locale.ROOT, "%02d.%02d.%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
                case 5 -> String.format(Locale.ROOT, "%02d-%02d-%02d", d.getDayOfMonth(), d.getMonthValue(), d.getYear() % 100);
                default -> String.format(Locale.ROOT, "%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
            };
        }
        return switch (k) {
            case 0 -> String.format(Locale.ROOT, "%02d/%02d/%d", d.getMonthValue(), d.getDayOfMonth(), d.getYear());
            case 1 -> MONTH_EN[d.getMonthValue() - 1] + " " + d.getDayOfMonth() + ", " + d.getYear();
            case 2 -> d.getDayOfMonth() + " " + MONTH_EN[d.getMonthValue() - 1] + " " + d.getYear();
            case 3 -> d.toString();
            default -> String.format(Locale.ROOT, "%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
        };
    }

    LocalDate recentDate() {
        return LocalDate.of(between(2019, 2026), between(1, 12), between(1, 28));
    }

    // ---- documents ----

    /** Dutch passport / ID-card document number: 2 letters, 6 letters or digits, 1 digit; no letter O. */
    String docNumber() {
        String letters = "ABCDEFGHIJKLMNPQRSTUVWXYZ";
        String mid = letters + "0123456789";
        return chars(letters, 2) + chars(mid, 6) + digits(1);
    }

    // ---- secrets ----

    String awsKeyId() {
        return (r.nextInt(4) == 0 ? "ASIA" : "AKIA") + chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
    }

    String awsSecret() {
        return chars(ALNUM + "/+", 40);
    }

    static String crcBase62(String s) {
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.US_ASCII));
        long v = crc.getValue();
        StringBuilder sb = new StringBuilder();
        while (v > 0) {
            sb.append(B62.charAt((int) (v % 62)));
            v /= 62;
        }
        while (sb.length() < 6) {
            sb.append('0');
        }
        return sb.reverse().toString();
    }

    /** ghp_/gho_/ghu_/ghs_/ghr_ + 30 random + 6-char CRC32 checksum, or a fine-grained github_pat_. */
    String githubToken() {
        if (r.nextInt(4) == 0) {
            return "github_pat_11" + chars(UP + "0123456789", 20) + "_" + chars(ALNUM, 59);
        }
        String body = chars(ALNUM, 30);
        return pick(new String[] {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}) + body + crcBase62(body);
    }

    String jwt() {
        Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
        String header = e.encodeToString(("{\"alg\":\"" + pick(new String[] {"HS256", "RS256", "ES256"}) + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        long iat = 1_700_000_000L + r.nextInt(60_000_000);
        String payload = e.encodeToString(("{\"sub\":\"" + between(1000, 99999) + "\",\"name\":\"" + pick(FIRST) + "\",\"iat\":" + iat
                + ",\"exp\":" + (iat + 3600) + "}").getBytes(StandardCharsets.UTF_8));
        byte[] sig = new byte[r.nextBoolean() ? 32 : 64];
        r.nextBytes(sig);
        return header + "." + payload + "." + e.encodeToString(sig);
    }

    /** A high-entropy password or API secret. */
    String secret() {
        return switch (r.nextInt(4)) {
            case 0 -> chars(ALNUM, between(16, 28));
            case 1 -> chars(ALNUM, 6) + pick(new String[] {"!", "#", "%", "@", "^"}) + chars(ALNUM, 6) + between(10, 99);
            case 2 -> "sk_live_" + chars(ALNUM, 24);
            default -> hex(32);
        };
    }

    String placeholder() {
        return pick(new String[] {"changeme", "${DB_PASS}", "{{ .Values.db.password }}", "<your-token>", "********", "xxx",
            "REDACTED", "<password>", "${SECRET_KEY}", "%(password)s", "TODO", "example", "$(cat /run/secrets/db)"});
    }

    String pem(String kind) {
        StringBuilder sb = new StringBuilder();
        sb.append("-----BEGIN ").append(kind).append("-----\n");
        int lines = between(6, 12);
        for (int i = 0; i < lines; i++) {
            sb.append(chars(ALNUM + "+/", 64)).append('\n');
        }
        sb.append(chars(ALNUM + "+/", between(8, 60))).append("==\n");
        sb.append("-----END ").append(kind).append("-----");
        return sb.toString();
    }

    String ipv4() {
        return switch (r.nextInt(4)) {
            case 0 -> "10." + between(0, 255) + "." + between(0, 255) + "." + between(1, 254);
            case 1 -> "192.168." + between(0, 255) + "." + between(1, 254);
            case 2 -> "172." + between(16, 31) + "." + between(0, 255) + "." + between(1, 254);
            default -> between(11, 223) + "." + between(0, 255) + "." + between(0, 255) + "." + between(1, 254);
        };
    }

    String ipv6() {
        return switch (r.nextInt(4)) {
            case 0 -> "2001:db8:" + Integer.toHexString(between(1, 0xffff)) + ":" + Integer.toHexString(between(0, 0xffff)) + "::" + Integer.toHexString(between(1, 0xffff));
            case 1 -> "::ffff:" + ipv4();
            case 2 -> "2a02:" + Integer.toHexString(between(0x1000, 0xffff)) + ":" + Integer.toHexString(between(0, 0xffff)) + ":" + Integer.toHexString(between(0, 0xffff))
                    + ":" + Integer.toHexString(between(0, 0xffff)) + ":" + Integer.toHexString(between(0, 0xffff)) + ":" + Integer.toHexString(between(0, 0xffff)) + ":" + Integer.toHexString(between(1, 0xffff));
            default -> "fe80::" + Integer.toHexString(between(1, 0xffff)) + ":" + Integer.toHexString(between(0, 0xffff)) + ":" + Integer.toHexString(between(0, 0xffff)) + ":" + Integer.toHexString(between(1, 0xffff));
        };
    }
}
