package io.dataguardian.engine.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a column, field or JSON property name says about its content, in English and Dutch
 * ({@code email}, {@code bsn}, {@code geboortedatum}, {@code iban}, {@code telefoon}, ...). Used by the
 * CSV / JSON extractors to raise the confidence of value matches, and by the database scanner to
 * flag columns by name.
 *
 * <p>Names are normalised (lower case, camelCase / dashes / spaces to underscores). Distinctive
 * words ({@code email}, {@code bsn}, {@code iban}, {@code geboortedatum}) match anywhere in the name
 * ({@code klant_email}, {@code contactEmail}); generic words ({@code name}, {@code naam},
 * {@code address}, {@code tel}) only match the whole name or a person-ish compound
 * ({@code first_name}, {@code customer_name}), so {@code product_name} and {@code ip_version} stay quiet.
 */
public final class ColumnNameHints {

    /** Distinctive tokens: a name containing one of these tokens is that entity. Checked in order. */
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    /** Generic words that only count as the whole name. */
    private static final Map<String, String> WHOLE = new LinkedHashMap<>();
    /** Prefixes that make a generic "name" column about a person. */
    private static final Set<String> PERSON_PREFIXES = Set.of("first", "last", "full", "given", "family", "middle",
            "customer", "client", "user", "employee", "patient", "contact", "klant", "persoon", "person", "sur",
            "achter", "voor", "maiden", "display", "account_holder", "holder");

    static {
        token("EMAIL", "email", "e_mail", "emailadres", "emailaddress", "mailadres");
        token("BSN", "bsn", "burgerservicenummer", "sofinummer", "sofi_nummer", "sofinr", "citizen_service_number");
        token("IBAN", "iban", "rekeningnummer", "rekening_nummer", "bankrekening", "bankrekeningnummer",
                "bank_account", "account_number", "accountnumber");
        token("CREDIT_CARD", "creditcard", "credit_card", "card_number", "cardnumber", "cc_number", "kaartnummer",
                "pan");
        token("DATE_OF_BIRTH", "geboortedatum", "geboorte_datum", "date_of_birth", "dateofbirth", "birthdate",
                "birth_date", "birthday", "dob", "geb_datum");
        token("PHONE_NUMBER", "telefoon", "telefoonnummer", "telefoon_nummer", "phone", "phone_number", "phonenumber",
                "mobile", "mobiel", "mobielnummer", "gsm", "telephone", "cellphone", "fax");
        token("POSTCODE", "postcode", "zipcode", "zip_code", "postal_code", "postalcode");
        token("PASSPORT_NUMBER", "passport", "passport_number", "paspoort", "paspoortnummer");
        token("ID_CARD_NUMBER", "id_kaart", "identiteitskaart", "id_card", "documentnummer");
        token("DRIVING_LICENCE_NUMBER", "rijbewijs", "rijbewijsnummer", "driving_licence", "drivers_license",
                "driver_license");
        token("IP_ADDRESS", "ip_address", "ipaddress", "ip_adres", "remote_addr", "client_ip");
        token("ADDRESS", "adres", "address", "straat", "straatnaam", "street", "huisnummer", "house_number",
                "woonplaats", "residence");
        token("PERSON_NAME", "achternaam", "voornaam", "voornamen", "tussenvoegsel", "surname", "firstname",
                "lastname", "fullname", "given_name", "family_name", "voorletters", "initialen");
        token("HEALTH", "diagnose", "diagnosis", "medical", "medisch", "medicatie", "medication", "allergie",
                "allergy", "health");
        whole("PERSON_NAME", "name", "naam", "full_name", "first_name", "last_name");
        whole("ADDRESS", "city", "plaats", "stad", "addr");
        whole("POSTCODE", "zip", "pc");
        whole("PHONE_NUMBER", "tel", "telnr", "tel_nr", "mob");
        whole("EMAIL", "mail", "e-mail");
        whole("IP_ADDRESS", "ip");
    }

    /** TOKENS' keys in order and, for the multi-token ones, "_key_" (null for single tokens). */
    private static final String[] TOKEN_KEYS = TOKENS.keySet().toArray(new String[0]);
    private static final String[] TOKEN_WRAPPED = new String[TOKEN_KEYS.length];
    private static final List<String> COMPOUND_ENDS =
            List.of("email", "telefoon", "geboortedatum", "rekeningnummer", "postcode", "iban", "bsn");

    static {
        for (int t = 0; t < TOKEN_KEYS.length; t++) {
            TOKEN_WRAPPED[t] = TOKEN_KEYS[t].contains("_") ? "_" + TOKEN_KEYS[t] + "_" : null;
        }
    }

    private ColumnNameHints() {
    }

    private static void token(String type, String... names) {
        for (String n : names) {
            TOKENS.put(n, type);
        }
    }

    private static void whole(String type, String... names) {
        for (String n : names) {
            WHOLE.put(n, type);
        }
    }

    /** The entity type a column name suggests, if any. */
    public static Optional<String> entityType(String columnName) {
        if (columnName == null || columnName.isBlank()) {
            return Optional.empty();
        }
        String n = normalise(columnName);
        String whole = WHOLE.get(n);
        if (whole != null) {
            return Optional.of(whole);
        }
        String direct = TOKENS.get(n);
        if (direct != null) {
            return Optional.of(direct);
        }
        List<String> parts = List.of(n.split("_"));
        String wrapped = "_" + n + "_";
        // multi-token entries (date_of_birth, phone_number) anywhere in the name, then single tokens
        for (int t = 0; t < TOKEN_KEYS.length; t++) {
            String key = TOKEN_KEYS[t];
            if (TOKEN_WRAPPED[t] != null ? wrapped.contains(TOKEN_WRAPPED[t]) : parts.contains(key)) {
                return Optional.of(TOKENS.get(key));
            }
        }
        for (String p : parts) {
            // Dutch compounds: klantemail, klantnaam, contactpersoonnaam
            for (String k : COMPOUND_ENDS) {
                if (p.length() > k.length() && p.endsWith(k)) {
                    return Optional.of(TOKENS.get(k));
                }
            }
        }
        int last = parts.size() - 1;
        if (last >= 1 && (parts.get(last).equals("name") || parts.get(last).equals("naam"))
                && PERSON_PREFIXES.contains(String.join("_", parts.subList(0, last)))) {
            return Optional.of("PERSON_NAME");
        }
        if (parts.size() == 1 && (n.endsWith("naam") || n.endsWith("name")) && n.length() > 4
                && PERSON_PREFIXES.contains(n.substring(0, n.length() - 4))) {
            return Optional.of("PERSON_NAME");
        }
        return Optional.empty();
    }

    // compiled once: String.replaceAll compiled each of them on every call (per CSV cell, per JSON value)
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_UNDERSCORES = Pattern.compile("^_+|_+$");

    static String normalise(String name) {
        String trimmed = name.trim();
        for (int i = 0; i < trimmed.length(); i++) {
            if (trimmed.charAt(i) >= 0x80) {
                return normaliseByPatterns(trimmed); // lower-casing may turn non-ASCII letters into a-z
            }
        }
        // ASCII: the same as the patterns in one pass, runs of a-z0-9 joined by single underscores
        StringBuilder sb = new StringBuilder(trimmed.length() + 4);
        boolean gap = false;
        char prev = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            boolean upper = c >= 'A' && c <= 'Z';
            if (upper && (prev >= 'a' && prev <= 'z' || prev >= '0' && prev <= '9')) {
                gap = true; // camelCase boundary
            }
            prev = c;
            char lower = upper ? (char) (c + ('a' - 'A')) : c;
            if (lower >= 'a' && lower <= 'z' || lower >= '0' && lower <= '9') {
                if (gap && sb.length() > 0) {
                    sb.append('_');
                }
                gap = false;
                sb.append(lower);
            } else {
                gap = true;
            }
        }
        return sb.toString();
    }

    static String normaliseByPatterns(String trimmed) {
        String s = CAMEL.matcher(trimmed).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
        s = SEPARATORS.matcher(s).replaceAll("_");
        s = EDGE_UNDERSCORES.matcher(s).replaceAll("");
        return s;
    }
}
