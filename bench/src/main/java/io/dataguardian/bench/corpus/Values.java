package io.dataguardian.bench.corpus;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Valid planted values (checksums computed, not copied) and their near misses. Every method draws
 * only from the {@link Random} it is given, so a seed fixes the output.
 */
final class Values {

    /** A value to plant, with its type and the generator's sub-kind. */
    record Planted(EntityType type, String kind, String value) {
    }

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String ALNUM = UPPER + LOWER + DIGITS;
    private static final String BASE62 = DIGITS + UPPER + LOWER;
    private static final String BASE64 = UPPER + LOWER + DIGITS + "+/";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final Random r;

    Values(Random r) {
        this.r = r;
    }

    // ---------------------------------------------------------------- helpers

    int n(int bound) {
        return r.nextInt(bound);
    }

    int between(int lo, int hiInclusive) {
        return lo + r.nextInt(hiInclusive - lo + 1);
    }

    boolean chance(double p) {
        return r.nextDouble() < p;
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[r.nextInt(options.length)];
    }

    String chars(String alphabet, int count) {
        char[] out = new char[count];
        for (int i = 0; i < count; i++) {
            out[i] = alphabet.charAt(r.nextInt(alphabet.length()));
        }
        return new String(out);
    }

    String digits(int count) {
        return chars(DIGITS, count);
    }

    String hex(int count) {
        return chars("0123456789abcdef", count);
    }

    // ---------------------------------------------------------------- BSN (11-proof)

    static boolean elevenProof(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (nineDigits.charAt(i) - '0') * (9 - i);
        }
        sum -= nineDigits.charAt(8) - '0';
        return sum % 11 == 0;
    }

    String bsnDigits() {
        while (true) {
            String first8 = between(1, 9) + digits(7);
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (first8.charAt(i) - '0') * (9 - i);
            }
            int check = sum % 11;
            if (check == 10) {
                continue;
            }
            String bsn = first8 + check;
            if (bsn.chars().distinct().count() > 1) {
                return bsn;
            }
        }
    }

    /** A 9-digit number that fails the 11-proof (order ids, invoice numbers). */
    String nineDigitsNotBsn() {
        while (true) {
            String s = between(1, 9) + digits(8);
            if (!elevenProof(s)) {
                return s;
            }
        }
    }

    Planted bsn() {
        String d = bsnDigits();
        return switch (n(4)) {
            case 0 -> new Planted(EntityType.BSN, "dotted", d.substring(0, 3) + "." + d.substring(3, 6) + "." + d.substring(6));
            case 1 -> new Planted(EntityType.BSN, "spaced", d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6));
            default -> new Planted(EntityType.BSN, "plain", d);
        };
    }

    // ---------------------------------------------------------------- IBAN (ISO 13616 mod-97)

    private static final String[] NL_BANKS = {"ABNA", "INGB", "RABO", "SNSB", "ASNB", "TRIO", "KNAB", "BUNQ", "RBRB", "FVLB"};

    private String bban(String country) {
        return switch (country) {
            case "NL" -> pick(NL_BANKS) + digits(10);
            case "DE" -> digits(18);
            case "BE" -> digits(12);
            case "FR" -> digits(10) + chars(UPPER + DIGITS, 11) + digits(2);
            case "ES" -> digits(20);
            case "IT" -> chars(UPPER, 1) + digits(10) + chars(UPPER + DIGITS, 12);
            case "GB" -> pick("NWBK", "BARC", "LOYD", "HBUK", "MIDL") + digits(14);
            case "IE" -> pick("AIBK", "BOFI") + digits(14);
            case "AT" -> digits(16);
            case "LU" -> digits(3) + chars(UPPER + DIGITS, 13);
            case "FI" -> digits(14);
            case "CH" -> digits(17);
            case "PL" -> digits(24);
            case "PT" -> digits(21);
            default -> throw new IllegalArgumentException(country);
        };
    }

    static int mod97(String rearranged) {
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            if (Character.isLetter(c)) {
                numeric.append(c - 'A' + 10);
            } else {
                numeric.append(c);
            }
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
    }

    static boolean ibanValid(String compact) {
        return mod97(compact.substring(4) + compact.substring(0, 4)) == 1;
    }

    String ibanCompact(String country) {
        String bban = bban(country);
        int check = 98 - mod97(bban + country + "00");
        return country + (check < 10 ? "0" + check : String.valueOf(check)) + bban;
    }

    static String groupByFour(String compact) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < compact.length(); i += 4) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(compact, i, Math.min(compact.length(), i + 4));
        }
        return sb.toString();
    }

    Planted iban() {
        String country = chance(0.6) ? "NL" : pick("DE", "BE", "FR", "ES", "IT", "GB", "IE", "AT", "LU", "FI", "CH", "PL", "PT");
        String compact = ibanCompact(country);
        boolean grouped = chance(0.45);
        return new Planted(EntityType.IBAN, country + (grouped ? "-grouped" : "-compact"), grouped ? groupByFour(compact) : compact);
    }

    /** The right shape, the wrong check digits. */
    String ibanBadChecksum(boolean grouped) {
        String good = ibanCompact(chance(0.7) ? "NL" : pick("DE", "BE", "FR"));
        String bad;
        do {
            int check = between(2, 98);
            bad = good.substring(0, 2) + (check < 10 ? "0" + check : String.valueOf(check)) + good.substring(4);
        } while (ibanValid(bad));
        return grouped ? groupByFour(bad) : bad;
    }

    // ---------------------------------------------------------------- payment cards (Luhn)

    static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
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

    private String withLuhn(String prefix, int length) {
        String body = prefix + digits(length - 1 - prefix.length());
        for (int c = 0; c < 10; c++) {
            if (luhn(body + c)) {
                return body + c;
            }
        }
        throw new IllegalStateException();
    }

    Planted card() {
        String brand = pick("visa", "visa", "mastercard", "mastercard-2series", "amex", "discover", "jcb", "maestro", "diners");
        String number = switch (brand) {
            case "visa" -> withLuhn("4", 16);
            case "mastercard" -> withLuhn(String.valueOf(between(51, 55)), 16);
            case "mastercard-2series" -> withLuhn(String.valueOf(between(2221, 2720)), 16);
            case "amex" -> withLuhn(pick("34", "37"), 15);
            case "discover" -> withLuhn(pick("6011", "65", String.valueOf(between(644, 649))), 16);
            case "jcb" -> withLuhn(String.valueOf(between(3528, 3589)), 16);
            case "maestro" -> withLuhn(pick("6759", "5018", "5020", "5038", "6304"), pick(16, 16, 19));
            case "diners" -> withLuhn(pick("36", "38", "30" + between(0, 5)), 14);
            default -> throw new IllegalStateException(brand);
        };
        String sep = pick("", "", " ", "-");
        return new Planted(EntityType.CREDIT_CARD, brand + (sep.isEmpty() ? "" : sep.equals(" ") ? "-spaced" : "-dashed"),
                sep.isEmpty() ? number : groupCard(number, sep));
    }

    static String groupCard(String n, String sep) {
        int[] groups = switch (n.length()) {
            case 15 -> new int[] {4, 6, 5};
            case 14 -> new int[] {4, 6, 4};
            case 19 -> new int[] {4, 4, 4, 4, 3};
            default -> new int[] {4, 4, 4, 4};
        };
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (int g : groups) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(n, i, i + g);
            i += g;
        }
        return sb.toString();
    }

    /** A 16-digit card-like number that fails Luhn. */
    String cardLuhnFail(boolean grouped) {
        String s;
        do {
            s = pick("4", "5" + between(1, 5), "6011") ;
            s = s + digits(16 - s.length());
        } while (luhn(s));
        return grouped ? groupCard(s, " ") : s;
    }

    // ---------------------------------------------------------------- phone numbers

    private static final String[] NL_AREA_3 = {"020", "010", "030", "040", "050", "070", "071", "072", "073", "076", "079"};
    private static final String[] NL_AREA_4 = {"0111", "0113", "0161", "0172", "0224", "0251", "0313", "0318", "0416", "0475", "0513", "0591"};

    private boolean validPhone(String number, String region) {
        try {
            Phonenumber.PhoneNumber p = PHONES.parse(number, region);
            return PHONES.isValidNumber(p);
        } catch (Exception e) {
            return false;
        }
    }

    Planted phone() {
        for (int attempt = 0; ; attempt++) {
            String kind;
            String v;
            switch (n(12)) {
                case 0, 1 -> {
                    String sub = between(1, 9) + digits(7);
                    kind = "nl-mobile";
                    v = pick("06-" + sub, "06 " + sub, "06" + sub, "06-" + sub.substring(0, 4) + " " + sub.substring(4), "06 " + sub.substring(0, 2) + " " + sub.substring(2, 4) + " " + sub.substring(4, 6) + " " + sub.substring(6));
                }
                case 2, 3 -> {
                    String sub = between(1, 9) + digits(7);
                    kind = "nl-mobile-intl";
                    v = pick("+31 6 " + sub, "+31 (0)6 " + sub, "+316" + sub, "0031 6 " + sub, "+31 6 " + sub.substring(0, 4) + " " + sub.substring(4));
                }
                case 4, 5 -> {
                    String area = pick(NL_AREA_3);
                    String sub = between(2, 9) + digits(6);
                    kind = "nl-landline";
                    v = pick(area + "-" + sub, area + " " + sub, area + " " + sub.substring(0, 3) + " " + sub.substring(3), "+31 " + area.substring(1) + " " + sub);
                }
                case 6 -> {
                    String area = pick(NL_AREA_4);
                    String sub = between(2, 9) + digits(5);
                    kind = "nl-landline";
                    v = pick(area + "-" + sub, area + " " + sub);
                }
                case 7 -> {
                    kind = "nl-service";
                    v = pick("0800-" + between(1, 9) + digits(3), "0900-" + between(1, 9) + digits(3),
                            "0800 " + between(1, 9) + digits(6), "0900-" + between(1, 9) + digits(6),
                            "088-" + between(1, 9) + digits(6), "088 " + between(1, 9) + digits(2) + " " + digits(2) + " " + digits(2));
                }
                case 8 -> {
                    kind = "gb";
                    v = pick("+44 20 " + between(7, 8) + digits(3) + " " + digits(4), "+44 7" + between(4, 9) + digits(2) + " " + digits(6),
                            "+44 161 " + between(2, 9) + digits(2) + " " + digits(4));
                }
                case 9 -> {
                    kind = "de";
                    v = pick("+49 30 " + between(2, 9) + digits(7), "+49 151 " + between(1, 9) + digits(7),
                            "+49 89 " + between(2, 9) + digits(6), "+49 221 " + between(2, 9) + digits(6));
                }
                case 10 -> {
                    kind = "us";
                    String npa = pick("212", "415", "617", "312", "206", "305", "713", "404");
                    String nxx = between(2, 9) + digits(2);
                    String line = digits(4);
                    v = pick("+1 " + npa + "-" + nxx + "-" + line, "+1 (" + npa + ") " + nxx + "-" + line, "+1 " + npa + " " + nxx + " " + line);
                }
                default -> {
                    kind = pick("be", "fr");
                    v = kind.equals("be") ? "+32 " + pick("2 ", "470 ", "3 ") + between(2, 9) + digits(5) : "+33 " + pick("1", "6") + " " + between(1, 9) + digits(1) + " " + digits(2) + " " + digits(2) + " " + digits(2);
                }
            }
            if (validPhone(v, "NL")) {
                return new Planted(EntityType.PHONE_NUMBER, kind, v);
            }
            if (attempt > 1000) {
                throw new IllegalStateException("cannot make a valid phone number: " + kind);
            }
        }
    }

    // ---------------------------------------------------------------- e-mail, IP, postcode

    private static final String[] DOMAINS = {"gmail.com", "hotmail.nl", "outlook.com", "ziggo.nl", "kpnmail.nl", "xs4all.nl",
        "planet.nl", "example-zorg.nl", "gemeente-utrecht.nl", "acme-logistics.eu", "yahoo.co.uk", "web.de", "uva.nl", "tudelft.nl"};

    Planted email(String first, String last) {
        String f = ascii(first).toLowerCase();
        String l = ascii(last).toLowerCase().replace(" ", "");
        String local = switch (n(5)) {
            case 0 -> f + "." + l;
            case 1 -> f.charAt(0) + "." + l;
            case 2 -> f + l + between(1, 99);
            case 3 -> f + "_" + l;
            default -> f + "+" + pick("news", "shop", "work") ;
        };
        return new Planted(EntityType.EMAIL, "address", local + "@" + pick(DOMAINS));
    }

    static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z ]", "");
    }

    Planted ipv4() {
        String v = switch (n(4)) {
            case 0 -> "192.168." + between(0, 20) + "." + between(2, 254);
            case 1 -> "10." + between(0, 255) + "." + between(0, 255) + "." + between(2, 254);
            case 2 -> "172." + between(16, 31) + "." + between(0, 255) + "." + between(2, 254);
            default -> pick("84", "77", "145", "31", "213", "62", "94", "185") + "." + between(0, 255) + "." + between(0, 255) + "." + between(1, 254);
        };
        return new Planted(EntityType.IP_ADDRESS, "ipv4", v);
    }

    Planted ipv6() {
        String a = Integer.toHexString(between(1, 0xffff));
        String b = Integer.toHexString(between(1, 0xffff));
        String c = Integer.toHexString(between(1, 0xffff));
        String v = switch (n(5)) {
            case 0 -> "2001:db8::" + a;
            case 1 -> "fe80::" + a + ":" + b + ":" + c + ":" + Integer.toHexString(between(1, 0xffff));
            case 2 -> "2a02:" + a + ":" + b + "::" + c;
            case 3 -> "2001:0db8:" + String.format("%04x:%04x:%04x:%04x:%04x:%04x", between(0, 0xffff), between(0, 0xffff), between(0, 0xffff), between(0, 0xffff), between(0, 0xffff), between(0, 0xffff));
            default -> "2a01:" + a + ":" + b + ":" + c + "::" + Integer.toHexString(between(1, 0xff));
        };
        return new Planted(EntityType.IP_ADDRESS, "ipv6", v);
    }

    private static final String PC_LETTERS = "ABCDEGHJKLMNPRSTVWXZ";

    Planted postcode() {
        String letters;
        do {
            letters = chars(PC_LETTERS, 2);
        } while (letters.equals("SA") || letters.equals("SD") || letters.equals("SS"));
        String num = between(1, 9) + digits(3);
        boolean compact = chance(0.2);
        return new Planted(EntityType.POSTCODE, compact ? "compact" : "spaced", compact ? num + letters : num + " " + letters);
    }

    // ---------------------------------------------------------------- documents, dates of birth

    private static final String DOC_LETTERS = "ABCDEFGHIJKLMNPQRSTUVWXYZ";

    /** Dutch passport / identity-card document number: 2 letters, 6 letters or digits, 1 digit; no letter O. */
    String documentNumber() {
        return chars(DOC_LETTERS, 2) + chars(DOC_LETTERS + DIGITS + DIGITS, 6) + digits(1);
    }

    private static final String[] MONTHS_NL = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"};
    private static final String[] MONTHS_NL_SHORT = {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};

    /** A date in one of the formats people write, for the given language. */
    String date(int year, boolean dutch) {
        int m = between(1, 12);
        int d = between(1, 28);
        String dd = String.format("%02d", d);
        String mm = String.format("%02d", m);
        return switch (n(8)) {
            case 0 -> dd + "-" + mm + "-" + year;
            case 1 -> dd + "/" + mm + "/" + year;
            case 2 -> year + "-" + mm + "-" + dd;
            case 3 -> dd + "." + mm + "." + year;
            case 4 -> d + " " + (dutch ? MONTHS_NL[m - 1] : MONTHS_EN[m - 1]) + " " + year;
            case 5 -> dutch ? d + "-" + m + "-" + year : MONTHS_EN[m - 1] + " " + d + ", " + year;
            case 6 -> dutch ? d + " " + MONTHS_NL_SHORT[m - 1] + " " + year : d + " " + MONTHS_EN[m - 1].substring(0, 3) + " " + year;
            default -> dd + "-" + mm + "-" + year;
        };
    }

    String birthDate(boolean dutch) {
        return date(between(1938, 2012), dutch);
    }

    String isoDate(int year) {
        return year + "-" + String.format("%02d-%02d", between(1, 12), between(1, 28));
    }

    // ---------------------------------------------------------------- secrets

    String awsAccessKey() {
        return "AKIA" + chars(UPPER + "234567", 16);
    }

    String awsSecretKey() {
        return chars(BASE64, 40);
    }

    String githubToken() {
        if (chance(0.25)) {
            return "github_pat_" + chars(ALNUM, 22) + "_" + chars(ALNUM, 59);
        }
        String random = chars(ALNUM, 30);
        CRC32 crc = new CRC32();
        crc.update(random.getBytes(StandardCharsets.US_ASCII));
        return pick("ghp_", "ghp_", "ghp_", "gho_", "ghs_", "ghu_") + random + base62(crc.getValue(), 6);
    }

    static String base62(long value, int width) {
        StringBuilder sb = new StringBuilder();
        while (value > 0) {
            sb.append(BASE62.charAt((int) (value % 62)));
            value /= 62;
        }
        while (sb.length() < width) {
            sb.append('0');
        }
        return sb.reverse().toString();
    }

    private static String b64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    String jwt(String subject) {
        String header = pick("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + hex(8) + "\"}", "{\"typ\":\"JWT\",\"alg\":\"ES256\"}");
        long iat = 1_600_000_000L + n(150_000_000);
        String payload = "{\"sub\":\"" + subject + "\",\"iat\":" + iat + ",\"exp\":" + (iat + 3600) + ",\"scope\":\"" + pick("read", "read write", "admin") + "\"}";
        byte[] sig = new byte[pick(32, 32, 64)];
        r.nextBytes(sig);
        return b64url(header) + "." + b64url(payload) + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    }

    /** Three base64url parts starting with eyJ whose header decodes but is not JSON. */
    String jwtBadHeader() {
        String header = pick("{\"alg\":\"HS256\",\"typ\":\"JWT\"", "{\"alg\" HS256 typ JWT}", "{\"alg\":HS256,typ:JWT}");
        byte[] sig = new byte[32];
        r.nextBytes(sig);
        return b64url(header) + "." + b64url("{\"sub\":\"" + between(1000, 9999) + "\"}") + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    }

    static double entropy(String s) {
        int[] counts = new int[128];
        for (char c : s.toCharArray()) {
            counts[c & 127]++;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / s.length();
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }

    /** A secret value with Shannon entropy >= 3.7 bits per char and length >= 12. */
    String secretValue() {
        while (true) {
            String v = switch (n(4)) {
                case 0 -> chars(ALNUM, between(16, 32));
                case 1 -> hex(32);
                case 2 -> chars(ALNUM + "!#%&*-_=", between(14, 24));
                default -> pick("sk_live_", "key-", "prod_", "") + chars(ALNUM, 24);
            };
            if (entropy(v) >= 3.7) {
                return v;
            }
        }
    }

    /**
     * A typed, guessable password (a word and digits: Welkom123, Zomer2024, admin!2020): 8+ characters, two
     * character classes, Shannon entropy >= 2.5 and < 3.5 bits per char: no generic secret by the spec, a
     * WEAK_PASSWORD finding (not scored by the evaluator).
     */
    String weakPassword() {
        while (true) {
            String v = pick("Welkom", "welkom", "Zomer", "Winter", "Lente", "Herfst", "admin", "Voetbal", "Hallo", "Fietsen",
                    "Amsterdam", "Beheer", "Kantoor", "Sunshine", "Monkey") + pick("", "", "!", "#")
                    + (chance(0.5) ? String.valueOf(between(2015, 2026)) : String.valueOf(between(1, 999)));
            double h = entropy(v);
            if (v.length() >= 8 && h >= 2.5 && h < 3.5) {
                return v;
            }
        }
    }

    String placeholder() {
        return pick("changeme", "${DB_PASSWORD}", "<password>", "xxx", "****", "${API_KEY}", "your-api-key-here", "CHANGE_ME", "xxxxxxxx", "********", "{{ secret }}", "%(password)s");
    }

    String pem(boolean privateKey) {
        String label = privateKey ? pick("RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY")
                : pick("PUBLIC KEY", "CERTIFICATE", "RSA PUBLIC KEY");
        StringBuilder sb = new StringBuilder("-----BEGIN ").append(label).append("-----\n");
        int lines = privateKey ? between(6, 25) : between(4, 12);
        String lead = label.startsWith("OPENSSH") ? "b3BlbnNzaC1rZXktdjEAAAAA" : label.contains("CERT") ? "MIID" : "MII";
        for (int i = 0; i < lines; i++) {
            String body = chars(BASE64, 64);
            sb.append(i == 0 ? lead + body.substring(lead.length()) : body).append('\n');
        }
        sb.append(chars(BASE64, between(8, 60))).append("=\n");
        sb.append("-----END ").append(label).append("-----");
        return sb.toString();
    }

    // ---------------------------------------------------------------- other hard negatives

    String uuid() {
        return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-" + pick("8", "9", "a", "b") + hex(3) + "-" + hex(12);
    }

    String version() {
        return pick("v" + between(1, 3) + "." + between(0, 20) + "." + between(0, 9),
                between(1, 9) + "." + between(0, 9) + "." + between(0, 20) + "." + between(0, 300),
                between(1, 5) + "." + between(0, 30) + "." + between(0, 9));
    }

    String timestamp() {
        return isoDate(between(2019, 2025)) + "T" + String.format("%02d:%02d:%02d", between(0, 23), between(0, 59), between(0, 59))
                + pick("Z", ".123Z", "+01:00", "+02:00");
    }

    String epochMillis() {
        return String.valueOf(1_600_000_000_000L + (long) (r.nextDouble() * 150_000_000_000L));
    }
}
