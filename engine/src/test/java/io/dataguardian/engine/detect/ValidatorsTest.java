package io.dataguardian.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Published test vectors for the checksums the catalogue relies on. */
class ValidatorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"111222333", "123456782", "999999990", "010000008"})
    void validBsnPassesTheElevenProof(String bsn) {
        assertThat(Checksums.elevenProof(bsn)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "111222334", "000000000", "111111111", "12345678", "1234567820"})
    void invalidBsnFailsTheElevenProof(String bsn) {
        assertThat(Checksums.elevenProof(bsn)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NL91ABNA0417164300", "DE89370400440532013000", "GB82WEST12345698765432",
        "BE68539007547034", "FR1420041010050500013M02606", "CH9300762011623852957", "NO9386011117947",
        "ES9121000418450200051332", "IT60X0542811101000000123456", "AT611904300234573201"})
    void validIbansPassMod97AndLength(String iban) {
        assertThat(Checksums.iban(iban)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NL91ABNA0417164301", "NL91ABNA041716430", "DE89370400440532013001", "NL91AB1A0417164300",
        "XX91ABNA0417164300"})
    void invalidIbansFail(String iban) {
        assertThat(Checksums.iban(iban)).isFalse();
    }

    @Test
    void ibanCheckReadsAnyCharSequenceAndRejectsShortOrOddInput() {
        assertThat(Checksums.iban(new StringBuilder("NL91ABNA0417164300"))).isTrue();
        for (String s : new String[] {"", "N", "NL", "NL9", "NL91", "nl91abna0417164300", "NL91ABNA04171643\u00e900",
            "1291ABNA0417164300"}) {
            assertThat(Checksums.iban(s)).as(s).isFalse();
        }
    }

    @Test
    void ibanLengthsComeFromTheRegistryTable() {
        assertThat(Checksums.ibanLength('N', 'L')).isEqualTo(18);
        assertThat(Checksums.ibanLength('N', 'O')).isEqualTo(15);
        assertThat(Checksums.ibanLength('L', 'C')).isEqualTo(32);
        assertThat(Checksums.ibanLength('X', 'X')).isZero();
        assertThat(Checksums.ibanLength('n', 'l')).isZero();
        assertThat(Checksums.ibanLength('1', '2')).isZero();
        assertThat(Checksums.ibanLength((char) ('1' - 32), 'L')).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "5555555555554444", "378282246310005", "2223003122003222",
        "6011111111111117", "3530111333300000", "30569309025904", "4012888888881881", "371449635398431",
        "5105105105105100", "6759649826438453"})
    void publishedCardNumbersPassLuhnAndIssuer(String pan) {
        assertThat(Checksums.luhn(pan)).isTrue();
        assertThat(CandidateFinder.issuer(pan)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "5555555555554445", "378282246310006"})
    void luhnRejectsAChangedDigit(String pan) {
        assertThat(Checksums.luhn(pan)).isFalse();
    }

    @Test
    void issuerRangesRejectUnknownPrefixesAndLengths() {
        assertThat(CandidateFinder.issuer("1234567812345670")).isFalse();
        assertThat(CandidateFinder.issuer("5655555555554444")).isFalse(); // 56 is not a Mastercard range of length 16
        assertThat(CandidateFinder.issuer("41111111111111")).isFalse(); // Visa has 13, 16 or 19 digits
    }

    @Test
    void ipv6Shapes() {
        assertThat(CandidateFinder.validIpv6("2001:db8::8a2e:370:7334")).isTrue();
        assertThat(CandidateFinder.validIpv6("::1")).isTrue();
        assertThat(CandidateFinder.validIpv6("::ffff:192.0.2.128")).isTrue();
        assertThat(CandidateFinder.validIpv6("2001:0db8:85a3:0000:0000:8a2e:0370:7334")).isTrue();
        assertThat(CandidateFinder.validIpv6("10:30:00")).isFalse();
        assertThat(CandidateFinder.validIpv6("00:1A:2B:3C:4D:5E")).isFalse();
        assertThat(CandidateFinder.validIpv6("abc::def")).isFalse();
        assertThat(CandidateFinder.validIpv6("1::2::3")).isFalse();
    }

    @Test
    void phoneValidityComesFromLibphonenumber() {
        assertThat(CandidateFinder.validPhone("0612345678")).isTrue();
        assertThat(CandidateFinder.validPhone("+442079460958")).isTrue();
        assertThat(CandidateFinder.validPhone("0012345678")).isFalse();
    }

    /** The fast path for Dutch national numbers answers exactly as PhoneNumberUtil.parse(.., "NL") + isValidNumber. */
    @Test
    void nationalPhoneFastPathAgreesWithParse() {
        java.util.Random r = new java.util.Random(7);
        String[] leads = {"06", "0800", "0900", "088", "010", "020", "0111", "09", "08", "07", "05", "01"};
        int valid = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(leads[r.nextInt(leads.length)]);
            int len = 8 + r.nextInt(4);
            while (sb.length() < len) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
            String number = sb.toString();
            boolean expected = CandidateFinder.validPhoneParsed(number);
            valid += expected ? 1 : 0;
            assertThat(CandidateFinder.validPhone(number)).as("%s-digit number starting %s", len,
                    number.substring(0, 3)).isEqualTo(expected);
        }
        assertThat(valid).isGreaterThan(2_000); // both answers occur
    }

    /**
     * The fast path for international numbers answers exactly as PhoneNumberUtil.parse(.., "NL") +
     * isValidNumber on what the finder hands it: "+" and 8-15 digits (a "00" prefix becomes "+"). Numbers
     * are built from every calling code's example numbers (changed digits, one digit more or less, a
     * trunk 0 or 1 after the code) and from random digits.
     */
    @Test
    void internationalPhoneFastPathAgreesWithParse() {
        com.google.i18n.phonenumbers.PhoneNumberUtil util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        java.util.Random r = new java.util.Random(42);
        java.util.List<String> seeds = new java.util.ArrayList<>();
        for (int cc : util.getSupportedCallingCodes()) {
            java.util.List<com.google.i18n.phonenumbers.Phonenumber.PhoneNumber> examples = new java.util.ArrayList<>();
            for (com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType type
                    : com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType.values()) {
                for (String region : util.getRegionCodesForCountryCode(cc)) {
                    if (region.equals("001")) {
                        continue;
                    }
                    com.google.i18n.phonenumbers.Phonenumber.PhoneNumber ex = util.getExampleNumberForType(region, type);
                    if (ex != null) {
                        examples.add(ex);
                    }
                }
            }
            com.google.i18n.phonenumbers.Phonenumber.PhoneNumber nonGeo = util.getExampleNumberForNonGeoEntity(cc);
            if (nonGeo != null) {
                examples.add(nonGeo);
            }
            for (com.google.i18n.phonenumbers.Phonenumber.PhoneNumber ex : examples) {
                seeds.add(cc + util.getNationalSignificantNumber(ex));
            }
            seeds.add(String.valueOf(cc));
        }
        int valid = 0;
        int checked = 0;
        for (int i = 0; i < 40_000; i++) {
            String seed = seeds.get(r.nextInt(seeds.size()));
            StringBuilder sb = new StringBuilder();
            switch (r.nextInt(6)) {
                case 0 -> sb.append(seed); // the example as it is
                case 1 -> { // the example with its last digits changed
                    sb.append(seed);
                    for (int k = Math.max(1, sb.length() - 1 - r.nextInt(5)); k < sb.length(); k++) {
                        sb.setCharAt(k, (char) ('0' + r.nextInt(10)));
                    }
                }
                case 2 -> sb.append(seed).append((char) ('0' + r.nextInt(10))); // one digit more
                case 3 -> sb.append(seed, 0, Math.max(1, seed.length() - 1)); // one digit less
                case 4 -> { // a trunk digit (0, 1, 8, 9) after a calling code of 1-3 digits
                    int cut = 1 + r.nextInt(3);
                    sb.append(seed, 0, Math.min(cut, seed.length())).append("0189".charAt(r.nextInt(4)))
                            .append(seed.substring(Math.min(cut, seed.length())));
                }
                default -> { // random digits, sometimes starting with 0
                    int len = 8 + r.nextInt(8);
                    sb.append((char) ('0' + (r.nextInt(8) == 0 ? 0 : 1 + r.nextInt(9))));
                    while (sb.length() < len) {
                        sb.append((char) ('0' + r.nextInt(10)));
                    }
                }
            }
            while (sb.length() < 8) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
            if (sb.length() > 15) {
                sb.setLength(15);
            }
            String number = "+" + sb;
            boolean expected = CandidateFinder.validPhoneParsed(number);
            valid += expected ? 1 : 0;
            checked++;
            assertThat(CandidateFinder.validPhone(number)).as(number).isEqualTo(expected);
        }
        assertThat(checked).isEqualTo(40_000);
        assertThat(valid).isGreaterThan(8_000); // both answers occur often
    }

    /** Entropy from counts, whatever the order of the chars; exact-threshold values pass the threshold. */
    @Test
    void entropyDependsOnCountsOnlyAndMeetsExactThresholds() {
        java.util.Random r = new java.util.Random(11);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + r.nextInt(60);
            for (int k = 0; k < len; k++) {
                sb.append((char) (r.nextBoolean() ? 33 + r.nextInt(94) : 0xC0 + r.nextInt(400)));
            }
            String v = sb.toString();
            java.util.List<Character> shuffled = new java.util.ArrayList<>();
            for (char c : v.toCharArray()) {
                shuffled.add(c);
            }
            java.util.Collections.shuffle(shuffled, r);
            StringBuilder w = new StringBuilder();
            shuffled.forEach(w::append);
            assertThat(Checksums.entropy(w)).as(v).isEqualTo(Checksums.entropy(v));
            java.util.Map<Character, Integer> counts = new java.util.HashMap<>();
            v.chars().forEach(c -> counts.merge((char) c, 1, Integer::sum));
            double expected = 0;
            for (int c : counts.values()) {
                double p = (double) c / len;
                expected -= p * Math.log(p) / Math.log(2);
            }
            assertThat(Checksums.entropy(v)).as(v).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
        }
        // 8 chars once and 4 twice: exactly 3.5 bits
        assertThat(Checksums.entropy("aabbccddEFGHIJKL")).isCloseTo(3.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Checksums.atLeast(Checksums.entropy("aabbccddEFGHIJKL"), 3.5)).isTrue();
        assertThat(Checksums.atLeast(Checksums.entropy("aaabccddEFGHIJKL"), 3.5)).isFalse();
    }

    @Test
    void entropyOfRandomAndRepetitiveValues() {
        assertThat(Checksums.entropy("aaaaaaaa")).isZero();
        assertThat(Checksums.entropy("3f9a7c2e8b1d4f6a0c5e9b2d7a4f1c8e")).isGreaterThan(3.5);
        assertThat(SecretValues.isSecret("changeme123", true)).isFalse();
        assertThat(SecretValues.isSecret("xK9#mP2$vL5qR8tZ", false)).isTrue();
    }

    /** Short placeholder words count as typed; inside a random secret, in mixed case, they are chance. */
    @Test
    void shortPlaceholderWordsMatchAsTypedOnly() {
        for (String placeholder : new String[] {"sk_live_xxx", "XXX-XXX-XXX", "your_api_key_here", "PutYourKeyHere",
            "YOUR_TOKEN_1", "None", "NULL", "todo-fill-in", "FakeToken99"}) {
            assertThat(SecretValues.isPlaceholder(placeholder)).as(placeholder).isTrue();
        }
        // random secrets of the accuracy corpus that were missed: "Xxx" and "XxX" by chance
        assertThat(SecretValues.isSecret("prod_ooPvHiXxx6NMPa8YpQXa1C3H", true)).isTrue();
        assertThat(SecretValues.isSecret("key-SIoGTbuYLooaXxXbWNGBUaqV", false)).isTrue();
    }
}
