package io.dataguardian.app.job;

import io.dataguardian.app.db.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-installation secret every node shares. The fingerprint key (HMAC of matched values, so the same
 * value is recognised across scans and nodes) and the key that encrypts database-scan passwords derive from
 * it. Taken from {@code dataguardian.scan.secret} when set; otherwise generated once by whichever node starts
 * first and kept in {@code installation_secret} — then anyone who can read the database can derive the keys,
 * which is why production should set the property (docs/deployment.md).
 */
@Component
public class InstallationSecret {

    private static final Logger log = LoggerFactory.getLogger(InstallationSecret.class);

    private final byte[] secret;

    public InstallationSecret(ScanJobProperties properties, DataSource dataSource) {
        String configured = properties.secret();
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 16) {
                throw new IllegalStateException("dataguardian.scan.secret must have at least 16 characters");
            }
            this.secret = configured.getBytes(StandardCharsets.UTF_8);
        } else {
            this.secret = Base64.getDecoder().decode(stored(JdbcClient.create(dataSource)));
        }
    }

    private static String stored(JdbcClient jdbc) {
        var existing = jdbc.sql("select secret from installation_secret where id = 1").query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        try {
            jdbc.sql("insert into installation_secret (id, secret, created_at) values (1, :s, :now)")
                    .param("s", Base64.getEncoder().encodeToString(random))
                    .param("now", Timestamps.toDb(Timestamps.now(Clock.systemUTC()))).update();
            log.warn("dataguardian.scan.secret is not set: generated an installation secret and stored it in the"
                    + " database (set the property in production, see docs/deployment.md)");
        } catch (DataIntegrityViolationException raced) {
            // another node stored one first: use that
        }
        return jdbc.sql("select secret from installation_secret where id = 1").query(String.class).single();
    }

    /** The key of finding fingerprints (HMAC-SHA256 of normalised values). */
    public byte[] fingerprintKey() {
        return derive("dataguardian fingerprint key v1");
    }

    /** The AES key that encrypts database-scan passwords while their job waits or runs. */
    byte[] credentialKey() {
        return derive("dataguardian scan credential key v1");
    }

    private byte[] derive(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
