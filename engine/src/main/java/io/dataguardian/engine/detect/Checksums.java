package io.dataguardian.engine.detect;

/** Check digits and checksums of the numbers the catalogue validates. Pure functions on digits. */
final class Checksums {

    private Checksums() {
    }

    /** The Dutch 11-proof (BSN, RSIN): weights 9..2 and -1 over 9 digits, sum divisible by 11. */
    static boolean elevenProof(CharSequence digits) {
        if (digits.length() != 9) {
            return false;
        }
        int sum = 0;
        boolean allSame = true;
        for (int i = 0; i < 9; i++) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (digits.charAt(i) != digits.charAt(0)) {
                allSame = false;
            }
            sum += (i == 8 ? -1 : 9 - i) * d;
        }
        return !allSame && sum % 11 == 0;
    }

    /** The old Dutch VAT check: the 11-proof over the first 8 digits with weights 9..2, check digit last. */
    static boolean vatElevenProof(CharSequence digits) {
        if (digits.length() != 9) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (digits.charAt(i) - '0');
        }
        int check = sum % 11;
        return check != 10 && check == digits.charAt(8) - '0';
    }

    /** Luhn (mod 10) over a digit string. */
    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
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

    /** ISO 7064 mod 97-10 over an alphanumeric string already rearranged (letters A=10 .. Z=35). */
    static int mod97(CharSequence s) {
        return mod97(s, 0, s.length(), 0);
    }

    /** {@link #mod97(CharSequence)} of s[from, to) continued from the remainder {@code rem}; -1 on any other char. */
    private static int mod97(CharSequence s, int from, int to, int rem) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                rem = (rem * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                rem = (rem * 100 + (c - 'A' + 10)) % 97;
            } else {
                return -1;
            }
        }
        return rem;
    }

    /**
     * ISO 13616: country length and mod-97 == 1 over a compact upper-case IBAN. The check reads the chars where they
     * are (the first four after the rest), so that the scan's every IBAN-shaped token allocates nothing.
     */
    static boolean iban(CharSequence compact) {
        int n = compact.length();
        if (n < 4 || ibanLength(compact.charAt(0), compact.charAt(1)) != n) {
            return false;
        }
        if (compact.charAt(0) == 'N' && compact.charAt(1) == 'L') {
            for (int i = 4; i < 8; i++) {
                if (!Character.isUpperCase(compact.charAt(i))) {
                    return false;
                }
            }
            for (int i = 8; i < 18; i++) {
                if (!Character.isDigit(compact.charAt(i))) {
                    return false;
                }
            }
        }
        int rem = mod97(compact, 4, n, 0);
        return rem >= 0 && mod97(compact, 0, 4, rem) == 1;
    }

    /**
     * The fixed length of the IBANs of the country with the code {@code a b} (capitals), or 0 when no IBAN country
     * has that code. A table lookup: the scan asks for every capital pair followed by two digits.
     */
    static int ibanLength(char a, char b) {
        return a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z' ? IBAN_LENGTHS[(a - 'A') * 26 + b - 'A'] : 0;
    }

    /** The new (2020) Dutch VAT number of sole traders: mod 97 == 1 over "NL" + digits + "B" + digits. */
    static boolean vatMod97(String compact) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            sb.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return mod97(sb) == 1;
    }

    /**
     * Shannon entropy in bits per character. The terms are summed in char order (the chars are sorted, runs
     * counted), so the result does not depend on a map's iteration order; callers compare it with
     * thresholds through {@link #atLeast}, which absorbs the last-bit rounding of any summation order.
     */
    static double entropy(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        char[] sorted = new char[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = s.charAt(i);
        }
        java.util.Arrays.sort(sorted);
        double h = 0;
        int run = 1;
        // the last run is summed after the loop, not in an extra pass of it (i == n): C2 checks a loop's
        // array indexes once before it (loop predication), and sorted[i] for i up to n failed that check on
        // every scan, 4 traps and a recompile of this method
        for (int i = 1; i < n; i++) {
            if (sorted[i] == sorted[i - 1]) {
                run++;
            } else {
                h -= term(run, n);
                run = 1;
            }
        }
        return h - term(run, n);
    }

    /** One run's term of the entropy sum (as a positive number). */
    private static double term(int run, int n) {
        double p = (double) run / n;
        return p * (Math.log(p) / Math.log(2));
    }

    /**
     * {@code bits >= threshold}, for an entropy: a value whose exact entropy is the threshold (16 chars, 8 of
     * them once and 4 twice, carry exactly 3.5 bits) passes although its floating-point sum may come out a few
     * ulps below it.
     */
    static boolean atLeast(double bits, double threshold) {
        return bits >= threshold - 1e-9;
    }

    /** SEPA and other IBAN countries with their fixed lengths (SWIFT IBAN registry), by country code A-Z x A-Z. */
    private static final int[] IBAN_LENGTHS = new int[26 * 26];

    static {
        String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 "
                + "EE20 EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 "
                + "JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 "
                + "PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 VA22 "
                + "VG24 XK20";
        for (String e : table.split(" ")) {
            IBAN_LENGTHS[(e.charAt(0) - 'A') * 26 + e.charAt(1) - 'A'] = Integer.parseInt(e.substring(2));
        }
    }
}
