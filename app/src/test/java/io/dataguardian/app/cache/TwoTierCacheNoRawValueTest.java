package io.dataguardian.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.dataguardian.app.finding.FindingPage;
import io.dataguardian.app.finding.StoredFinding;
import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache holds what the scanner produced, and what it produced never carries a raw matched value:
 * a page of real findings (a BSN, an IBAN, an e-mail address, a card number found by the engine) goes
 * through the cache as the findings pages do, and neither the Redis entry nor the value another node
 * reads back contains any raw value; the masked forms are there.
 */
class TwoTierCacheNoRawValueTest {

    private static final String NS = CacheNamespaces.LARGE_DATASETS; // where findings pages are cached
    private static final String BSN = "111222333";
    private static final String IBAN = "NL91ABNA0417164300";
    private static final String EMAIL = "jan.jansen@example.nl";
    private static final String CARD = "4111111111111111";

    private CacheNodes nodes;

    @BeforeEach
    void setUp() {
        nodes = new CacheNodes(System.getProperty("dataguardian.test.redis-url", "redis://127.0.0.1:6379"));
    }

    @AfterEach
    void tearDown() {
        nodes.close();
    }

    @Test
    void aCachedPageOfFindingsHoldsNoRawValueInEitherTier() throws IOException {
        List<Finding> found = scan("klant: bsn " + BSN + ", rekening " + IBAN + ", mail " + EMAIL
                + ", creditcard " + CARD + "\n");
        assertThat(found).extracting(Finding::entityType).hasSizeGreaterThanOrEqualTo(4);
        List<StoredFinding> rows = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            rows.add(new StoredFinding(i + 1, 7, 42, found.get(i)));
        }
        FindingPage page = new FindingPage(rows, null);

        TwoTierCache a = nodes.node();
        TwoTierCache b = nodes.node();
        a.put(NS, "7", "findings:42:first", page);

        byte[] inRedis = nodes.rawGet(nodes.prefix + ":" + NS + ":7:findings:42:first");
        assertThat(inRedis).isNotNull();
        String stored = new String(inRedis, StandardCharsets.UTF_8);
        assertThat(stored).doesNotContain(BSN, IBAN, EMAIL, CARD, "ABNA0417164300", "jan.jansen");
        for (Finding f : found) {
            assertThat(stored).contains(f.maskedValue());
        }

        FindingPage onB = b.get(NS, "7", "findings:42:first", FindingPage.class, () -> null);
        assertThat(onB).isEqualTo(page);
        assertThat(onB.toString()).doesNotContain(BSN, IBAN, EMAIL, CARD);
    }

    private static List<Finding> scan(String text) throws IOException {
        List<Finding> out = new ArrayList<>();
        Catalogue.standard().newScanner(DetectionSettings.withKey("cache-test-key-0123456789".getBytes(StandardCharsets.UTF_8)))
                .scan(new StringReader(text), "klanten.txt", null, new FindingSink() {
                    @Override
                    public void finding(Finding finding) {
                        out.add(finding);
                    }

                    @Override
                    public void error(FileError error) {
                    }
                });
        return out;
    }
}
