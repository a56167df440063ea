package io.dataguardian.engine.db;

import io.dataguardian.engine.detect.Catalogue;
import io.dataguardian.engine.detect.DetectionSettings;
import io.dataguardian.engine.detect.TextScanner;
import io.dataguardian.engine.finding.FileError;
import io.dataguardian.engine.finding.Finding;
import io.dataguardian.engine.finding.FindingSink;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeds the same small Dutch customer database into any of the supported databases. */
final class SeedData {

    static final String HOSTILE = "x\"`; drop table y";
    static final int CUSTOMERS = 60;

    private SeedData() {
    }

    static TextScanner scanner() {
        return Catalogue.standard().newScanner(
                DetectionSettings.withKey("test-fingerprint-key-0123456789".getBytes(StandardCharsets.UTF_8)));
    }

    /** Creates customers, orders, products, y and the hostile table with the quote of that database. */
    static void seed(Connection c, String quote, String prefix) throws SQLException {
        String q = quote.trim();
        Random r = new Random(42);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + prefix + "customers (id INT PRIMARY KEY, naam VARCHAR(100), email VARCHAR(200),"
                    + " bsn VARCHAR(20), iban VARCHAR(40), telefoon VARCHAR(30), geboortedatum DATE, notitie VARCHAR(200))");
            s.execute("CREATE TABLE " + prefix + "orders (id INT PRIMARY KEY, customer_id INT, payment VARCHAR(40),"
                    + " amount DECIMAL(10,2))");
            s.execute("CREATE TABLE " + prefix + "products (id INT PRIMARY KEY, title VARCHAR(100), price DECIMAL(10,2),"
                    + " sku VARCHAR(20))");
            s.execute("CREATE TABLE " + prefix + "y (id INT PRIMARY KEY)");
            s.execute("CREATE TABLE " + prefix + TableRef.quote(HOSTILE, q) + " (id INT PRIMARY KEY, "
                    + TableRef.quote("contact\" e-mail", q) + " VARCHAR(200))");
        }
        String[] first = {"Jan", "Piet", "Marieke", "Sanne", "Kees", "Fatima", "Mohammed", "Eva"};
        String[] last = {"de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder"};
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + prefix + "customers VALUES (?,?,?,?,?,?,?,?)")) {
            for (int i = 1; i <= CUSTOMERS; i++) {
                String f = first[r.nextInt(first.length)];
                String l = last[r.nextInt(last.length)];
                ps.setInt(1, i);
                ps.setString(2, f + " " + l);
                ps.setString(3, f.toLowerCase() + "." + i + "@voorbeeld.nl");
                ps.setString(4, bsn(r));
                ps.setString(5, iban(r));
                ps.setString(6, "06-" + (10000000 + r.nextInt(89999999)));
                ps.setDate(7, Date.valueOf("19" + (50 + r.nextInt(49)) + "-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(9)));
                ps.setString(8, "klant sinds " + (2000 + r.nextInt(24)));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + prefix + "orders VALUES (?,?,?,?)")) {
            for (int i = 1; i <= 40; i++) {
                ps.setInt(1, i);
                ps.setInt(2, 1 + r.nextInt(CUSTOMERS));
                ps.setString(3, card(r));
                ps.setBigDecimal(4, new java.math.BigDecimal("19.95"));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + prefix + "products VALUES (?,?,?,?)")) {
            for (int i = 1; i <= 30; i++) {
                ps.setInt(1, i);
                ps.setString(2, "Product " + i);
                ps.setBigDecimal(3, new java.math.BigDecimal("9.99"));
                ps.setString(4, "SKU-" + (1000 + i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + prefix + "y VALUES (1)");
            s.execute("INSERT INTO " + prefix + TableRef.quote(HOSTILE, q) + " VALUES (1, 'hacker@voorbeeld.nl')");
            s.execute("INSERT INTO " + prefix + TableRef.quote(HOSTILE, q) + " VALUES (2, 'ander@voorbeeld.nl')");
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    /** A random 9-digit number passing the BSN 11-proof. */
    static String bsn(Random r) {
        while (true) {
            int[] d = new int[9];
            d[0] = 1 + r.nextInt(9);
            int sum = 9 * d[0];
            for (int i = 1; i < 8; i++) {
                d[i] = r.nextInt(10);
                sum += (9 - i) * d[i];
            }
            int check = sum % 11;
            if (check <= 9) {
                d[8] = check;
                StringBuilder sb = new StringBuilder();
                for (int x : d) {
                    sb.append(x);
                }
                return sb.toString();
            }
        }
    }

    /** A Dutch IBAN with valid mod-97 check digits. */
    static String iban(Random r) {
        String bank = List.of("ABNA", "INGB", "RABO", "TRIO").get(r.nextInt(4));
        String account = String.format("%010d", (long) r.nextInt(1_000_000_000));
        String numeric = digits(bank + account + "NL00");
        int check = 98 - new BigInteger(numeric).mod(BigInteger.valueOf(97)).intValue();
        return "NL" + String.format("%02d", check) + bank + account;
    }

    private static String digits(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            sb.append(Character.isLetter(ch) ? Integer.toString(ch - 'A' + 10) : String.valueOf(ch));
        }
        return sb.toString();
    }

    /** A Luhn-valid 16-digit Visa-like card number. */
    static String card(Random r) {
        StringBuilder sb = new StringBuilder("4");
        for (int i = 0; i < 14; i++) {
            sb.append(r.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            int d = sb.charAt(14 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        sb.append((10 - sum % 10) % 10);
        return sb.toString();
    }

    /** Collects findings and errors. */
    static final class Recorder implements FindingSink {
        final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
        final List<FileError> errors = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void finding(Finding finding) {
            findings.add(finding);
        }

        @Override
        public void error(FileError error) {
            errors.add(error);
        }

        Finding column(String path, String column, String entityType) {
            return findings.stream()
                    .filter(f -> f.location().path().equals(path) && f.location().section().equals("column " + column)
                            && f.entityType().equals(entityType))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + entityType + " finding for " + path + " " + column
                            + "; have " + findings.stream().map(f -> f.location().display() + "=" + f.entityType()
                            + "/" + f.attributes().get("method")).toList()));
        }

        List<Finding> at(String path) {
            return findings.stream().filter(f -> f.location().path().equals(path)).toList();
        }
    }
}
