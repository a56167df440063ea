package io.dataguardian.app.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.springframework.util.FileSystemUtils;

/** Sessions in the database: the embedded default (H2 file database, Spring Session JDBC). */
class SessionSecurityEmbeddedTest extends AbstractSessionSecurityTest {

    private Path dataDir;

    @Override
    protected Map<String, String> settings() {
        try {
            dataDir = Files.createTempDirectory("dataguardian-sessions");
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return Map.of("dataguardian.data-dir", dataDir.toString(),
                "dataguardian.auth.address-max-failures", "100000");
    }

    @Override
    protected String expectedStore() {
        return "jdbc";
    }

    @AfterAll
    void deleteData() throws IOException {
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }
}
