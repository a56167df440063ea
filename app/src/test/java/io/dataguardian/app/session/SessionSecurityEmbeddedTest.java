package io.dataguardian.app.session;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;

/** Sessions in the database: the embedded default (H2 file database, Spring Session JDBC). */
class SessionSecurityEmbeddedTest extends AbstractSessionSecurityTest {

    /** Deleted by JUnit after every @AfterAll, so after the application is closed (a subclass's own @AfterAll runs first). */
    @TempDir
    static Path dataDir;

    @Override
    protected Map<String, String> settings() {
        return Map.of("dataguardian.data-dir", dataDir.toString(),
                "dataguardian.auth.address-max-failures", "100000");
    }

    @Override
    protected String expectedStore() {
        return "jdbc";
    }
}
