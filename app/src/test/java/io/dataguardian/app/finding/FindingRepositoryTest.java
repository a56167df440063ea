package io.dataguardian.app.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dataguardian.app.db.OnEachDatabase;
import io.dataguardian.app.db.TestDatabase;
import io.dataguardian.app.scan.Scan;
import io.dataguardian.app.scan.ScanRepository;
import io.dataguardian.app.scan.ScanType;
import io.dataguardian.engine.Severity;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.Location;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

class FindingRepositoryTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Finding finding(int i) {
        Severity severity = Severity.values()[i % 4];
        String type = i % 2 == 0 ? "EMAIL" : "IBAN";
        String path = (i % 3 == 0 ? "docs/" : "src/") + "file" + i + ".txt";
        return new Finding("detector." + type.toLowerCase(), type, severity, 0.5 + (i % 5) / 10.0,
                List.of("GDPR Art. 6", "UAVG Art. 46"), new Location(path, i % 2 == 0 ? null : "page " + i, i + 1, 3,
                i + 1, 17, 1000L * i, 14),
                "j***@e***.nl", String.format("%064x", i), "mail \"j***\" at, line\n" + i, 1 + i % 3,
                Map.of("method", "regex", "share", "0." + i));
    }

    @OnEachDatabase
    void storedFindingsComeBackExactlyAsTheEngineMadeThem(TestDatabase db) {
        long org = db.organisation("roundtrip-" + System.nanoTime());
        Scan scan = new ScanRepository(db.dataSource(), Clock.systemUTC()).create(org, null, ScanType.FILES, "t");
        FindingRepository findings = new FindingRepository(db.dataSource(), JSON);
        Finding odd = new Finding("secret.x", "API_KEY", Severity.CRITICAL, 1.0, List.of(),
                new Location("a.zip!/dir/ü \"q\",x.csv", "sheet Customers!B4", 0, 0, 0, 0, 0, 0),
                "sk_****", "ab".repeat(32), "", 1, Map.of());
        List<Finding> batch = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            batch.add(finding(i));
        }
        batch.add(odd);
        assertThat(findings.insertAll(org, scan.id(), batch)).isEqualTo(batch.size());

        List<Finding> read = new ArrayList<>();
        Long cursor = null;
        do {
            FindingPage page = findings.page(org, scan.id(), FindingFilter.ALL, cursor, 500);
            page.items().forEach(f -> read.add(f.finding()));
            cursor = page.next();
        } while (cursor != null);
        assertThat(read).containsExactlyElementsOf(batch);
    }

    @OnEachDatabase
    void filtersAndCountsSeeOnlyTheirScan(TestDatabase db) {
        long org = db.organisation("filters-" + System.nanoTime());
        ScanRepository scans = new ScanRepository(db.dataSource(), Clock.systemUTC());
        Scan scan = scans.create(org, null, ScanType.FILES, "t");
        Scan other = scans.create(org, null, ScanType.FILES, "t2");
        FindingRepository findings = new FindingRepository(db.dataSource(), JSON);
        List<Finding> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            batch.add(finding(i));
        }
        findings.insertAll(org, scan.id(), batch);
        findings.insertAll(org, other.id(), batch.subList(0, 5));

        var critical = findings.page(org, scan.id(), new FindingFilter(Set.of(Severity.CRITICAL), null, null), null, 100);
        assertThat(critical.items()).hasSize(10).allMatch(f -> f.finding().severity() == Severity.CRITICAL);
        var emailInDocs = findings.page(org, scan.id(), new FindingFilter(Set.of(), "EMAIL", "docs/"), null, 100);
        assertThat(emailInDocs.items()).hasSize(7)
                .allMatch(f -> f.finding().entityType().equals("EMAIL") && f.finding().location().path().startsWith("docs/"));
        assertThat(findings.page(org, scan.id(), new FindingFilter(Set.of(), null, "doc_"), null, 100).items())
                .as("LIKE wildcards in a prefix are literal").isEmpty();

        List<FindingCount> counts = findings.countBySeverityAndType(org, scan.id());
        assertThat(counts.stream().mapToLong(FindingCount::findings).sum()).isEqualTo(40);
        // CRITICAL is every 4th finding (all EMAIL); occurrences 1 + i % 3 over i = 0, 4, ..., 36 sum to 19
        assertThat(counts).contains(new FindingCount(Severity.CRITICAL, "EMAIL", 10, 19));
    }

    @OnEachDatabase
    void anotherOrganisationCannotReachAFinding(TestDatabase db) {
        long mine = db.organisation("mine-" + System.nanoTime());
        long theirs = db.organisation("theirs-" + System.nanoTime());
        Scan scan = new ScanRepository(db.dataSource(), Clock.systemUTC()).create(mine, null, ScanType.FILES, "t");
        FindingRepository findings = new FindingRepository(db.dataSource(), JSON);
        findings.insertAll(mine, scan.id(), List.of(finding(1), finding(2)));
        long id = findings.page(mine, scan.id(), FindingFilter.ALL, null, 10).items().get(0).id();

        assertThat(findings.findById(theirs, id)).isEmpty();
        assertThat(findings.page(theirs, scan.id(), FindingFilter.ALL, null, 10).items()).isEmpty();
        assertThat(findings.countBySeverityAndType(theirs, scan.id())).isEmpty();
        assertThatThrownBy(() -> findings.insertAll(theirs, scan.id(), List.of(finding(3))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(findings.findById(mine, id)).isPresent();
        assertThat(findings.page(mine, scan.id(), FindingFilter.ALL, null, 10).items()).hasSize(2);
    }

    @OnEachDatabase
    void theDatabaseRefusesAFindingUnderAnotherOrganisationsScanAndDeletesFindingsWithTheirScan(TestDatabase db) {
        long mine = db.organisation("fk-mine-" + System.nanoTime());
        long theirs = db.organisation("fk-theirs-" + System.nanoTime());
        ScanRepository scans = new ScanRepository(db.dataSource(), Clock.systemUTC());
        Scan scan = scans.create(mine, null, ScanType.FILES, "t");
        Scan other = scans.create(mine, null, ScanType.FILES, "t2");
        FindingRepository findings = new FindingRepository(db.dataSource(), JSON);
        findings.insertAll(mine, scan.id(), List.of(finding(1), finding(2)));
        findings.insertAll(mine, other.id(), List.of(finding(3)));
        String insert = "insert into findings (organisation_id, scan_id, detector_id, entity_type, severity, confidence,"
                + " articles, path, start_line, start_column, end_line, end_column, char_offset, char_length,"
                + " masked_value, fingerprint, snippet, occurrences, attributes)"
                + " values (:org, :scan, 'd', 'EMAIL', 'LOW', 1, '[]', 'p', 0, 0, 0, 0, 0, 0, 'm', 'f', 's', 1, '{}')";

        // past the repository's own check: the schema itself keeps a finding inside its scan's organisation
        assertThatThrownBy(() -> db.jdbc().sql(insert).param("org", theirs).param("scan", scan.id()).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThatThrownBy(() -> db.jdbc().sql(insert).param("org", mine).param("scan", Long.MAX_VALUE).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThatThrownBy(() -> db.jdbc().sql("update findings set organisation_id = :theirs where scan_id = :scan")
                .param("theirs", theirs).param("scan", scan.id()).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(db.jdbc().sql("select count(*) from findings where organisation_id = :org")
                .param("org", theirs).query(Long.class).single()).isZero();

        db.jdbc().sql("delete from scans where organisation_id = :org and id = :id")
                .param("org", mine).param("id", scan.id()).update();
        assertThat(db.jdbc().sql("select count(*) from findings where scan_id = :scan")
                .param("scan", scan.id()).query(Long.class).single()).isZero();
        assertThat(findings.page(mine, other.id(), FindingFilter.ALL, null, 10).items()).hasSize(1);
    }

    @OnEachDatabase
    void aNulCharacterInASnippetDoesNotFailTheStore(TestDatabase db) {
        long org = db.organisation("nul-" + System.nanoTime());
        Scan scan = new ScanRepository(db.dataSource(), Clock.systemUTC()).create(org, null, ScanType.FILES, "t");
        FindingRepository findings = new FindingRepository(db.dataSource(), JSON);
        Finding f = finding(7);
        Finding withNul = new Finding(f.detectorId(), f.entityType(), f.severity(), f.confidence(), f.articles(),
                f.location(), f.maskedValue(), f.fingerprint(), "bin\0ary", f.occurrences(), f.attributes());

        assertThat(findings.insertAll(org, scan.id(), List.of(withNul))).isEqualTo(1);
        String stored = findings.page(org, scan.id(), FindingFilter.ALL, null, 10).items().get(0).finding().snippet();
        assertThat(stored).startsWith("bin").endsWith("ary").hasSize(7);
    }
}
