package io.dataguardian.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSha256Test {

    @Test
    void rfc4231TestCase2() {
        byte[] mac = new HmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII))
                .doFinal("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(mac))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void rfc4231TestCase6AKeyLongerThanTheBlock() {
        byte[] key = new byte[131];
        java.util.Arrays.fill(key, (byte) 0xaa);
        byte[] mac = new HmacSha256(key).doFinal(
                "Test Using Larger Than Block-Size Key - Hash Key First".getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(mac))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void theSameBytesAsTheJceMacForRandomKeysAndMessagesInPiecesAndInARow() throws Exception {
        Random r = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            byte[] key = new byte[1 + r.nextInt(100)];
            r.nextBytes(key);
            HmacSha256 ours = new HmacSha256(key);
            Mac jce = Mac.getInstance("HmacSHA256");
            jce.init(new SecretKeySpec(key, "HmacSHA256"));
            for (int message = 0; message < 3; message++) { // one instance, several messages: it starts over
                byte[] m = new byte[r.nextInt(300)];
                r.nextBytes(m);
                int cut = m.length == 0 ? 0 : r.nextInt(m.length);
                ours.update(m, 0, cut);
                ours.update(java.util.Arrays.copyOfRange(m, cut, m.length));
                byte[] out = new byte[40];
                ours.doFinal(out, 5);
                assertThat(java.util.Arrays.copyOfRange(out, 5, 37)).isEqualTo(jce.doFinal(m));
            }
        }
    }

    @Test
    void refusesAnEmptyKeyAsTheJceDoes() {
        assertThatThrownBy(() -> new HmacSha256(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
