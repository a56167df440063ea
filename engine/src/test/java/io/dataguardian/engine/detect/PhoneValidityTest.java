package io.dataguardian.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** PhoneValidity answers as PhoneNumberUtil.isValidNumber, for every calling code. */
class PhoneValidityTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private static boolean libphonenumber(int cc, String nsn) {
        return UTIL.isValidNumber(new PhoneNumber().setCountryCode(cc).setNationalNumber(Long.parseLong(nsn)));
    }

    /** PhoneValidity.check once the calling code's automata are built (after BUILD_AFTER unknowns). */
    private static int check(int cc, String nsn) {
        int got = PhoneValidity.UNKNOWN;
        for (int k = 0; k <= PhoneValidity.BUILD_AFTER && got == PhoneValidity.UNKNOWN; k++) {
            got = PhoneValidity.check(cc, nsn, 0, nsn.length());
        }
        return got;
    }

    /** The example numbers of every region and type of cc, as national significant numbers. */
    private static List<String> examples(int cc) {
        List<String> seeds = new ArrayList<>();
        for (String region : UTIL.getRegionCodesForCountryCode(cc)) {
            if (region.equals("001")) {
                PhoneNumber ex = UTIL.getExampleNumberForNonGeoEntity(cc);
                if (ex != null) {
                    seeds.add(UTIL.getNationalSignificantNumber(ex));
                }
                continue;
            }
            for (PhoneNumberUtil.PhoneNumberType type : PhoneNumberUtil.PhoneNumberType.values()) {
                PhoneNumber ex = UTIL.getExampleNumberForType(region, type);
                if (ex != null) {
                    seeds.add(UTIL.getNationalSignificantNumber(ex));
                }
            }
        }
        seeds.removeIf(s -> s.isEmpty() || s.charAt(0) == '0');
        return seeds;
    }

    private static String digits(Random r, int len) {
        StringBuilder sb = new StringBuilder();
        sb.append((char) ('1' + r.nextInt(9)));
        while (sb.length() < len) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    /** Example numbers, changed in their last digits, a digit more or less, a prefix with random digits, random. */
    @Test
    void everyCallingCodeAgreesWithIsValidNumber() {
        Random r = new Random(2026);
        int checked = 0;
        int valid = 0;
        for (int cc : UTIL.getSupportedCallingCodes()) {
            List<String> seeds = examples(cc);
            int ccValid = 0;
            for (int i = 0; i < 1500; i++) {
                String nsn;
                String seed = seeds.isEmpty() ? digits(r, 8) : seeds.get(r.nextInt(seeds.size()));
                switch (r.nextInt(6)) {
                    case 0 -> nsn = seed;
                    case 1 -> {
                        char[] c = seed.toCharArray();
                        for (int k = Math.max(1, c.length - 1 - r.nextInt(6)); k < c.length; k++) {
                            c[k] = (char) ('0' + r.nextInt(10));
                        }
                        nsn = new String(c);
                    }
                    case 2 -> nsn = seed + (char) ('0' + r.nextInt(10));
                    case 3 -> nsn = seed.substring(0, Math.max(1, seed.length() - 1 - r.nextInt(2)));
                    case 4 -> nsn = seed.substring(0, 1 + r.nextInt(Math.min(4, seed.length())))
                            + digits(r, 1 + r.nextInt(12)).substring(1);
                    default -> nsn = digits(r, 1 + r.nextInt(16));
                }
                if (nsn.length() > 17) {
                    nsn = nsn.substring(0, 17);
                }
                boolean expected = libphonenumber(cc, nsn);
                int got = check(cc, nsn);
                assertThat(got).as("+%d %s", cc, nsn).isEqualTo(expected ? PhoneValidity.VALID : PhoneValidity.INVALID);
                ccValid += expected ? 1 : 0;
                checked++;
            }
            valid += ccValid;
        }
        assertThat(checked).isGreaterThan(200 * 1500);
        assertThat(valid).isGreaterThan(checked / 5); // both answers occur often
    }

    /** Every Dutch national significant number of 9 digits from 1, 2 ... with the first five digits enumerated. */
    @Test
    void dutchPrefixesAgreeWithIsValidNumber() {
        Random r = new Random(31);
        for (int prefix = 10000; prefix < 100000; prefix++) {
            for (int len : new int[] {6, 7, 8, 9, 10, 11}) {
                String nsn = (prefix + digits(r, 7).substring(1)).substring(0, Math.min(len, 11));
                boolean expected = libphonenumber(31, nsn);
                assertThat(check(31, nsn)).as(nsn)
                        .isEqualTo(expected ? PhoneValidity.VALID : PhoneValidity.INVALID);
            }
        }
    }

    @Test
    void readsTheRegexSubsetOfTheMetadata() {
        PhoneValidity.Nfa nfa = new PhoneValidity.Nfa();
        int[] f = nfa.parse("(?:[124-7]\\d|3(?:[02-9]|1[0-8]))\\d{2,3}|8?9");
        nfa.accept(f[1], 1);
        PhoneValidity.Dfa dfa = new PhoneValidity.Dfa(nfa, f[0]);
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("(?:[124-7]\\d|3(?:[02-9]|1[0-8]))\\d{2,3}|8?9");
        for (int n = 0; n < 1_000_000; n++) {
            String s = Integer.toString(n);
            int state = 0;
            for (int k = 0; k < s.length() && state >= 0; k++) {
                int t = dfa.next[state * 10 + s.charAt(k) - '0'];
                state = t == PhoneValidity.Dfa.UNBUILT ? dfa.build(state, s.charAt(k) - '0') : t;
            }
            boolean accepted = state >= 0 && dfa.accept[state] == 1;
            assertThat(accepted).as(s).isEqualTo(p.matcher(s).matches());
        }
    }
}
