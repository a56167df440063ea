package io.dataguardian.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * The installation's fingerprint secret: {@code DATAGUARDIAN_FINGERPRINT_KEY} (hex or base64, at
 * least 16 bytes), else {@code ${XDG_CONFIG_HOME:-~/.config}/dataguardian/fingerprint.key}, created
 * on first use with 32 random bytes and owner-only (0600) permissions.
 */
final class FingerprintKeys {

    static final String ENV = "DATAGUARDIAN_FINGERPRINT_KEY";

    private FingerprintKeys() {
    }

    static byte[] resolve(Map<String, String> env, Path home) throws IOException {
        String value = env.get(ENV);
        if (value != null && !value.isBlank()) {
            return decode(value.trim(), ENV);
        }
        return fromFile(keyFile(env, home));
    }

    static Path keyFile(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
        return config.resolve("dataguardian").resolve("fingerprint.key");
    }

    static byte[] decode(String text, String source) {
        byte[] key;
        if (text.matches("(?:[0-9a-fA-F]{2})+")) {
            key = HexFormat.of().parseHex(text);
        } else {
            try {
                key = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " is neither hex nor base64");
            }
        }
        if (key.length < 16) {
            throw new IllegalArgumentException(source + " must hold at least 16 bytes (32 hex digits)");
        }
        return key;
    }

    private static byte[] fromFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path tmp = posix
                ? Files.createTempFile(file.getParent(), ".fingerprint", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.getParent(), ".fingerprint", ".tmp");
        try {
            Files.writeString(tmp, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII);
            try {
                // no REPLACE_EXISTING: when two processes race, the first key wins and both use it
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file);
            } catch (FileAlreadyExistsException e) {
                // another process created it first
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
