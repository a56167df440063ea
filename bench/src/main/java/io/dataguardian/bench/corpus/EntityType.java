package io.dataguardian.bench.corpus;

/**
 * The entity types the accuracy target of issue 3 is measured over, and the class each one is
 * scored in: passport and identity-card numbers share one class, as do AWS key ids and secrets.
 */
public enum EntityType {
    BSN("BSN"),
    IBAN("IBAN"),
    CREDIT_CARD("CREDIT_CARD"),
    PHONE_NUMBER("PHONE_NUMBER"),
    EMAIL("EMAIL"),
    IP_ADDRESS("IP_ADDRESS"),
    POSTCODE("POSTCODE"),
    PASSPORT_NUMBER("PASSPORT/ID"),
    ID_CARD_NUMBER("PASSPORT/ID"),
    DATE_OF_BIRTH("DATE_OF_BIRTH"),
    AWS_ACCESS_KEY("AWS_KEYS"),
    AWS_SECRET_KEY("AWS_KEYS"),
    PRIVATE_KEY("PRIVATE_KEY"),
    GITHUB_TOKEN("GITHUB_TOKEN"),
    JWT("JWT"),
    GENERIC_SECRET("GENERIC_SECRET");

    private final String scoringClass;

    EntityType(String scoringClass) {
        this.scoringClass = scoringClass;
    }

    /** The class a prediction must share with a label to count as a match. */
    public String scoringClass() {
        return scoringClass;
    }

    /** The type for a name, or null when the name is outside the evaluated set. */
    public static EntityType parse(String name) {
        if (name == null) {
            return null;
        }
        String n = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (EntityType t : values()) {
            if (t.name().equals(n)) {
                return t;
            }
        }
        return switch (n) {
            case "CREDIT_CARD_NUMBER", "PAYMENT_CARD", "CARD_NUMBER" -> CREDIT_CARD;
            case "PHONE", "TELEPHONE_NUMBER" -> PHONE_NUMBER;
            case "EMAIL_ADDRESS" -> EMAIL;
            case "IP", "IPV4", "IPV6", "IPV4_ADDRESS", "IPV6_ADDRESS" -> IP_ADDRESS;
            case "POSTAL_CODE", "NL_POSTCODE" -> POSTCODE;
            case "PASSPORT", "NL_PASSPORT_NUMBER" -> PASSPORT_NUMBER;
            case "ID_CARD", "IDENTITY_CARD_NUMBER", "NL_ID_CARD_NUMBER" -> ID_CARD_NUMBER;
            case "DOB", "BIRTH_DATE" -> DATE_OF_BIRTH;
            case "AWS_ACCESS_KEY_ID" -> AWS_ACCESS_KEY;
            case "AWS_SECRET_ACCESS_KEY" -> AWS_SECRET_KEY;
            case "GITHUB_PAT" -> GITHUB_TOKEN;
            case "SECRET", "PASSWORD" -> GENERIC_SECRET;
            default -> null;
        };
    }
}
