package io.dataguardian.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The personal data the end-to-end tests upload, and must then never see unmasked in a page, an answer or a report:
 * one Dutch customer record with a valid BSN, IBAN and e-mail address.
 */
public final class PlantedData {

    public static final String BSN = "111222333";
    public static final String IBAN = "NL91ABNA0417164300";
    public static final String EMAIL = "jan.jansen@example.nl";

    private PlantedData() {
    }

    /** The customer record as a text file's content. */
    public static String planted() {
        return "Klant: Jan Jansen\nBSN: " + BSN + "\nIBAN: " + IBAN + "\nE-mail: " + EMAIL + "\n";
    }

    /** A zip archive of the given texts, by entry name. */
    public static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
