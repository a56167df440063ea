package io.dataguardian.bench.corpus;

import static io.dataguardian.bench.corpus.EntityType.*;

import java.util.List;

/**
 * Realistic documents in the formats of issue 3, each filled with planted positives and hard
 * negatives until it reaches a target length. One method per format; each record or paragraph
 * draws its values from {@link Values}.
 */
final class Documents {

    /** The formats, with the directory and extension each is written to. */
    enum Format {
        PROSE_EN("prose", "txt"), PROSE_NL("prose", "txt"), LETTER_NL("letters", "txt"), PATIENT_NOTE("notes", "txt"),
        HR_NOTE("notes", "md"), LOG("logs", "log"), CSV_CUSTOMERS("exports", "csv"), CSV_ORDERS("exports", "csv"),
        JSON("json", "json"), YAML("config", "yml"), DOTENV("config", "env"), PROPERTIES("config", "properties"),
        JAVA("src", "java"), PYTHON("src", "py"), JAVASCRIPT("src", "js"), MARKDOWN("docs", "md");

        final String dir;
        final String ext;

        Format(String dir, String ext) {
            this.dir = dir;
            this.ext = ext;
        }
    }

    private static final String[] FIRST_NL = {"Jan", "Pieter", "Sanne", "Eva", "Daan", "Lotte", "Sem", "Anouk", "Bram", "Fleur", "Ruben", "Noor", "Thijs", "Marieke", "Joost", "Ilse", "Henk", "Ingrid", "Kees", "Annelies", "Zoë", "Chloë"};
    private static final String[] LAST_NL = {"de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Dekker", "Brouwer", "van Leeuwen"};
    private static final String[] FIRST_EN = {"James", "Olivia", "Harry", "Amelia", "George", "Isla", "Thomas", "Emily", "William", "Sophie", "Daniel", "Grace", "Michael", "Laura"};
    private static final String[] LAST_EN = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Walker", "Evans"};
    private static final String[] CITIES = {"Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda", "Nijmegen", "Haarlem", "Arnhem", "Zwolle", "Leiden", "Maastricht", "Delft"};
    private static final String[] STREETS = {"Keizersgracht", "Dorpsstraat", "Kerkstraat", "Stationsweg", "Molenweg", "Schoolstraat", "Julianalaan", "Beatrixstraat", "Oranjelaan", "Lindenlaan", "Wilhelminastraat", "Hoofdweg", "Parallelweg"};

    private static final String[] FILLER_EN = {
        "Thank you for your message of last week.",
        "We have reviewed the file and updated our records accordingly.",
        "The meeting has been moved to the small conference room on the second floor.",
        "Please let us know if anything in this overview is incorrect.",
        "Our team will contact you within five working days.",
        "The quarterly figures show a modest increase in returning customers.",
        "As discussed, the contract will be renewed for another twelve months.",
        "The delivery was delayed because of the weather in the north of the country.",
        "We apologise for any inconvenience this may have caused.",
        "Attached you will find the signed agreement and the privacy statement.",
        "The new onboarding procedure starts on the first Monday of the month.",
        "Remember to lock your screen when you leave your desk.",
    };
    private static final String[] FILLER_NL = {
        "Hartelijk dank voor uw bericht van vorige week.",
        "Wij hebben uw dossier bekeken en onze administratie bijgewerkt.",
        "De bespreking is verplaatst naar de kleine vergaderzaal op de tweede verdieping.",
        "Laat u het ons weten als er iets niet klopt in dit overzicht.",
        "Een medewerker neemt binnen vijf werkdagen contact met u op.",
        "De cliënt gaf aan dat de klachten sinds het weekend zijn afgenomen.",
        "Zoals besproken wordt het contract met twaalf maanden verlengd.",
        "De levering is vertraagd door het weer in het noorden van het land.",
        "Onze excuses voor het ongemak dat dit mogelijk heeft veroorzaakt.",
        "In de bijlage vindt u de ondertekende overeenkomst en de privacyverklaring.",
        "De nieuwe inwerkprocedure begint op de eerste maandag van de maand.",
        "Vergeet niet uw scherm te vergrendelen wanneer u uw werkplek verlaat.",
        "Het gesprek verliep in een prettige sfeer en er zijn duidelijke afspraken gemaakt.",
    };

    private final Values v;

    Documents(Values v) {
        this.v = v;
    }

    LabelledText generate(Format format, int targetChars) {
        LabelledText t = new LabelledText(format == Format.CSV_CUSTOMERS && v.chance(0.4) ? "\r\n" : "\n");
        switch (format) {
            case PROSE_EN -> fill(t, targetChars, () -> proseEn(t));
            case PROSE_NL -> fill(t, targetChars, () -> proseNl(t));
            case LETTER_NL -> letterNl(t, targetChars);
            case PATIENT_NOTE -> fill(t, targetChars, () -> patientNote(t));
            case HR_NOTE -> fill(t, targetChars, () -> hrNote(t));
            case LOG -> fill(t, targetChars, () -> logLine(t));
            case CSV_CUSTOMERS -> csvCustomers(t, targetChars);
            case CSV_ORDERS -> csvOrders(t, targetChars);
            case JSON -> json(t, targetChars);
            case YAML -> fill(t, targetChars, () -> yaml(t));
            case DOTENV -> fill(t, targetChars, () -> dotenv(t));
            case PROPERTIES -> fill(t, targetChars, () -> properties(t));
            case JAVA -> java(t, targetChars);
            case PYTHON -> fill(t, targetChars, () -> python(t));
            case JAVASCRIPT -> fill(t, targetChars, () -> javascript(t));
            case MARKDOWN -> fill(t, targetChars, () -> markdown(t));
            default -> throw new IllegalStateException();
        }
        return t;
    }

    private static void fill(LabelledText t, int target, Runnable block) {
        do {
            block.run();
        } while (t.length() < target);
    }

    // ---------------------------------------------------------------- shared pieces

    private record Person(String first, String last, boolean dutch) {
        String full() {
            return first + " " + last;
        }
    }

    private Person person() {
        boolean nl = v.chance(0.7);
        return nl ? new Person(v.pick(FIRST_NL), v.pick(LAST_NL), true) : new Person(v.pick(FIRST_EN), v.pick(LAST_EN), false);
    }

    private void filler(LabelledText t, boolean dutch, int sentences) {
        for (int i = 0; i < sentences; i++) {
            t.t(v.pick(dutch ? FILLER_NL : FILLER_EN)).t(" ");
        }
    }

    private void address(LabelledText t, boolean multiLine) {
        t.t(v.pick(STREETS) + " " + v.between(1, 250) + (v.chance(0.2) ? v.pick("a", "-2", " bis", "-II") : ""));
        t.t(multiLine ? "\n" : ", ");
        t.pos(v.postcode()).t(" ").t(v.pick(CITIES));
    }

    private void dob(LabelledText t, boolean dutch, String labelWord) {
        t.t(labelWord);
        t.pos(DATE_OF_BIRTH, "dob", v.birthDate(dutch));
    }

    private String dobWord(boolean dutch) {
        return dutch ? v.pick("geboortedatum: ", "Geboortedatum ", "geboren op ", "geb. ", "Geboren: ")
                : v.pick("date of birth: ", "Date of birth ", "DOB: ", "born on ", "Birth date: ");
    }

    /** A hard negative that fits into running text. */
    private void textNegative(LabelledText t, boolean dutch) {
        textNegative(t, dutch, true);
    }

    /** @param dates false right after a date of birth: a date there would sit next to birth words */
    private void textNegative(LabelledText t, boolean dutch, boolean dates) {
        int kind = v.n(9);
        if (!dates && (kind == 1 || kind == 7)) {
            kind = kind == 1 ? 0 : 8;
        }
        switch (kind) {
            case 0 -> t.t(dutch ? "Ordernummer " : "Order number ").neg(BSN, "bsn-11proof-fail", v.nineDigitsNotBsn()).t(".");
            case 1 -> t.t(dutch ? "Factuur " : "Invoice ").neg(BSN, "bsn-11proof-fail", v.nineDigitsNotBsn())
                    .t(dutch ? " van " : " dated ").neg(DATE_OF_BIRTH, "date-no-birth-context", v.date(v.between(2019, 2025), dutch)).t(".");
            case 2 -> t.t(dutch ? "Referentie " : "Reference ").neg(CREDIT_CARD, "luhn-fail", v.cardLuhnFail(v.chance(0.3))).t(".");
            case 3 -> t.t(dutch ? "Het bestand is " : "The attachment is ").neg(POSTCODE, "size-not-postcode", v.between(1, 9) + "" + v.between(100, 999) + " " + v.pick("MB", "KB", "GB")).t(dutch ? " groot." : " in size.");
            case 4 -> t.t(dutch ? "Versie " : "Version ").neg(IP_ADDRESS, "version", v.version()).t(dutch ? " is uitgerold." : " was rolled out.");
            case 5 -> t.t(dutch ? "Rekening " : "Account ").neg(IBAN, "iban-bad-checksum", v.ibanBadChecksum(v.chance(0.4))).t(dutch ? " is onbekend." : " is unknown.");
            case 6 -> t.t(dutch ? "Zaaknummer " : "Case ").neg(PASSPORT_NUMBER, "uuid", v.uuid()).t(".");
            case 7 -> t.t(dutch ? "Afspraak op " : "Appointment on ").neg(DATE_OF_BIRTH, "date-no-birth-context", v.date(v.between(2023, 2026), dutch)).t(".");
            default -> t.t(dutch ? "Telefoonnotitie " : "Call note ").neg(BSN, "bsn-11proof-fail", v.nineDigitsNotBsn()).t(".");
        }
        t.t(" ");
    }

    // ---------------------------------------------------------------- prose

    private void proseEn(LabelledText t) {
        Person p = person();
        filler(t, false, v.between(1, 3));
        int kind = v.n(10);
        switch (kind) {
            case 0 -> t.t("You can reach " + p.first + " on ").pos(v.phone()).t(" or at ").pos(v.email(p.first, p.last)).t(".");
            case 1 -> t.t("Please transfer the amount to IBAN ").pos(v.iban()).t(" in the name of " + p.full() + ".");
            case 2 -> { t.t(p.full() + " (" ); dob(t, false, dobWord(false)); t.t(") has been added to the register."); }
            case 3 -> t.t("The card ending used for the booking was ").pos(v.card()).t(", which we have now blocked.");
            case 4 -> { t.t("The new address of " + p.full() + " is "); address(t, false); t.t("."); }
            case 5 -> t.t("Her citizen service number (BSN) is ").pos(v.bsn()).t(" according to the municipality.");
            case 6 -> t.t("The login came from ").pos(v.chance(0.7) ? v.ipv4() : v.ipv6()).t(" shortly after midnight.");
            case 7 -> t.t("He showed his passport, number ").pos(PASSPORT_NUMBER, "passport", v.documentNumber()).t(", at the desk.");
            case 8 -> t.t("Call the office on ").pos(v.phone()).t(" between nine and five.");
            default -> textNegative(t, false);
        }
        t.t(" ");
        if (v.chance(0.5)) {
            textNegative(t, false, kind != 2);
        }
        t.t("\n");
        if (v.chance(0.3)) {
            t.t("\n");
        }
    }

    private void proseNl(LabelledText t) {
        Person p = person();
        filler(t, true, v.between(1, 3));
        int kind = v.n(10);
        switch (kind) {
            case 0 -> t.t(p.first + " is bereikbaar op ").pos(v.phone()).t(" en via ").pos(v.email(p.first, p.last)).t(".");
            case 1 -> t.t("Het bedrag wordt overgemaakt op rekeningnummer ").pos(v.iban()).t(" t.n.v. " + p.full() + ".");
            case 2 -> { t.t("Mevrouw " + p.last + " (" ); dob(t, true, dobWord(true)); t.t(") is ingeschreven."); }
            case 3 -> t.t("Uw BSN ").pos(v.bsn()).t(" is bij ons bekend.");
            case 4 -> { t.t("Het nieuwe adres is "); address(t, false); t.t("."); }
            case 5 -> t.t("Burgerservicenummer: ").pos(v.bsn()).t(".");
            case 6 -> t.t("Identiteitskaart met documentnummer ").pos(ID_CARD_NUMBER, "id-card", v.documentNumber()).t(" is geldig tot " + v.between(2026, 2034) + ".");
            case 7 -> t.t("De betaling met creditcard ").pos(v.card()).t(" is mislukt.");
            case 8 -> t.t("Paspoortnummer ").pos(PASSPORT_NUMBER, "passport", v.documentNumber()).t(" werd gecontroleerd.");
            default -> textNegative(t, true);
        }
        t.t(" ");
        if (v.chance(0.5)) {
            textNegative(t, true, kind != 2);
        }
        t.t("\n");
        if (v.chance(0.3)) {
            t.t("\n");
        }
    }

    private void letterNl(LabelledText t, int target) {
        do {
            Person p = person();
            t.t("Gemeente " + v.pick(CITIES) + "\nAfdeling Burgerzaken\n");
            address(t, true);
            t.t("\n\n" + v.pick(CITIES) + ", ").neg(DATE_OF_BIRTH, "date-no-birth-context", v.date(v.between(2022, 2025), true)).t("\n\n");
            t.t("Betreft: uw aanvraag\nKenmerk: ").neg(BSN, "bsn-11proof-fail", v.nineDigitsNotBsn()).t("\n\n");
            t.t("Geachte " + v.pick("heer ", "mevrouw ") + p.last + ",\n\n");
            filler(t, true, 2);
            t.t("\nUw burgerservicenummer is ").pos(v.bsn()).t(". ");
            filler(t, true, 1);
            t.t("Wij verzoeken u het bedrag van EUR " + v.between(10, 999) + "," + v.between(10, 99) + " over te maken op ").pos(v.iban()).t(".\n");
            t.t("Voor vragen kunt u bellen met ").pos(v.phone()).t(" of mailen naar ").pos(v.email("info", "gemeente")).t(".\n\n");
            t.t("Met vriendelijke groet,\n\n" + v.pick(FIRST_NL) + " " + v.pick(LAST_NL) + "\n\n----\n\n");
        } while (t.length() < target);
    }

    private void patientNote(LabelledText t) {
        Person p = person();
        boolean nl = p.dutch;
        t.t(nl ? "Patiënt: " : "Patient: ").t(p.full()).t("\n");
        dob(t, nl, nl ? v.pick("Geboortedatum: ", "Geb.datum: ", "geboren op ") : v.pick("DOB: ", "Date of birth: "));
        t.t("\n");
        t.t(v.pick("BSN: ", "BSN ", "Burgerservicenummer: ", "bsn: ")).pos(v.bsn()).t("\n");
        t.t(nl ? "Telefoon: " : "Phone: ").pos(v.phone()).t("\n");
        t.t(nl ? "Adres: " : "Address: ");
        address(t, false);
        t.t("\n");
        t.t(nl ? "Consult " : "Visit ").neg(DATE_OF_BIRTH, "date-no-birth-context", v.date(v.between(2023, 2025), nl)).t(": ");
        t.t(nl ? "cliënt meldt aanhoudende hoofdpijn, medicatie aangepast. Controle over zes weken." : "patient reports persistent headaches, medication adjusted. Follow-up in six weeks.");
        t.t("\n");
        if (v.chance(0.4)) {
            t.t(nl ? "Dossiernummer: " : "Record id: ").neg(BSN, "bsn-11proof-fail", v.nineDigitsNotBsn()).t("\n");
        }
        t.t("\n");
    }

    private void hrNote(LabelledText t) {
        Person p = person();
        boolean nl = p.dutch;
        t.t("## " + (nl ? "Personeelsdossier " : "Employee file ") + p.full() + "\n\n");
        t.t("- " + (nl ? "Personeelsnummer: " : "Employee no.: ") + v.between(10000, 99999) + "\n");
        t.t("- ");
        dob(t, nl, nl ? "Geboortedatum: " : "Date of birth: ");
        t.t("\n- " + (nl ? "Salaris wordt gestort op " : "Salary paid to ")).pos(v.iban()).t("\n");
        t.t("- E-mail: ").pos(v.email(p.first, p.last)).t("\n");
        t.t("- " + (nl ? "Mobiel: " : "Mobile: ")).pos(v.phone()).t("\n");
        if (v.chance(0.5)) {
            t.t("- " + (nl ? "Paspoortnummer: " : "Passport number: ")).pos(PASSPORT_NUMBER, "passport", v.documentNumber()).t("\n");
        } else {
            t.t("- " + (nl ? "ID-kaart nummer: " : "Identity card no.: ")).pos(ID_CARD_NUMBER, "id-card", v.documentNumber()).t("\n");
        }
        t.t("- " + (nl ? "In dienst sinds " : "Employed since ")).neg(DATE_OF_BIRTH, "date-no-birth-context", v.date(v.between(2005, 2024), nl)).t("\n");
        t.t("- BSN: ").pos(v.bsn()).t("\n\n");
        filler(t, nl, v.between(1, 3));
        t.t("\n\n");
    }

    // ---------------------------------------------------------------- logs

    private void logLine(LabelledText t) {
        t.neg(IP_ADDRESS, "timestamp", v.timestamp()).t(" " + v.pick("INFO ", "INFO ", "DEBUG", "WARN ", "ERROR") + " [" + v.pick("http-nio-8080-exec-" + v.between(1, 9), "main", "scheduler-1", "kafka-consumer-2") + "] ");
        t.t(v.pick("n.a.web.LoginController", "n.a.pay.PaymentService", "n.a.crm.CustomerSync", "n.a.api.RequestFilter") + " - ");
        Person p = person();
        switch (v.n(13)) {
            case 0 -> t.t("login succeeded user=").pos(v.email(p.first, p.last)).t(" ip=").pos(v.ipv4());
            case 1 -> t.t("request from ").pos(v.ipv6()).t(" took " + v.between(2, 900) + " ms");
            case 2 -> t.t("payment declined card=").pos(v.card()).t(" amount=" + v.between(5, 500) + ".00 EUR");
            case 3 -> t.t("request_id=").neg(BSN, "uuid", v.uuid()).t(" status=200 duration=" + v.between(1, 400) + "ms");
            case 4 -> t.t("order ").neg(BSN, "bsn-11proof-fail", v.nineDigitsNotBsn()).t(" not found for customer ").neg(BSN, "bsn-11proof-fail", v.nineDigitsNotBsn());
            case 5 -> t.t("deployed build ").neg(IP_ADDRESS, "version", v.version()).t(" commit ").neg(GITHUB_TOKEN, "git-sha", v.hex(40));
            case 6 -> t.t("cache refreshed at epoch=").neg(CREDIT_CARD, "epoch-millis", v.epochMillis()).t(" entries=" + v.between(10, 99999));
            case 7 -> t.t("sync customer bsn=").pos(v.bsn()).t(" iban=").pos(v.iban());
            case 8 -> t.t("sms sent to ").pos(v.phone()).t(" from ").pos(v.ipv4());
            case 9 -> t.t("Authorization: Bearer ").pos(JWT, "jwt", v.jwt(p.first.toLowerCase())).t(" accepted");
            case 10 -> t.t("rejected token header ").neg(JWT, "jwt-header-not-json", v.jwtBadHeader());
            case 11 -> t.t("checksum sha256=").neg(AWS_SECRET_KEY, "sha256", v.hex(64)).t(" file=report-" + v.between(1, 999) + ".pdf");
            default -> t.t("heartbeat ok, queue depth " + v.between(0, 40));
        }
        t.t("\n");
    }

    // ---------------------------------------------------------------- CSV

    private void csvCustomers(LabelledText t, int target) {
        boolean dutchHeader = v.chance(0.5);
        t.t(dutchHeader ? "klantnummer;voornaam;achternaam;email;telefoon;bsn;iban;postcode;woonplaats;geboortedatum;aangemaakt\n"
                : "customer_id,first_name,last_name,email,phone,bsn,iban,postcode,city,date_of_birth,created_at\n");
        String sep = dutchHeader ? ";" : ",";
        do {
            Person p = person();
            t.neg(BSN, "bsn-11proof-fail", v.nineDigitsNotBsn()).t(sep + p.first + sep + p.last + sep);
            t.pos(v.email(p.first, p.last)).t(sep);
            t.pos(v.phone()).t(sep);
            t.pos(BSN, "plain", v.bsnDigits()).t(sep);
            t.pos(v.iban()).t(sep);
            t.pos(v.postcode()).t(sep + v.pick(CITIES) + sep);
            t.pos(DATE_OF_BIRTH, "csv-column", dutchHeader ? v.birthDate(true) : v.isoDate(v.between(1940, 2010))).t(sep);
            t.neg(DATE_OF_BIRTH, "timestamp", v.timestamp()).t("\n");
        } while (t.length() < target);
    }

    private void csvOrders(LabelledText t, int target) {
        t.t("order_id,order_date,customer_email,amount,currency,card_number,status,tracking_id\n");
        do {
            Person p = person();
            t.neg(BSN, "bsn-11proof-fail", v.nineDigitsNotBsn()).t(",");
            t.neg(DATE_OF_BIRTH, "date-no-birth-context", v.isoDate(v.between(2020, 2025))).t(",");
            t.pos(v.email(p.first, p.last)).t("," + v.between(5, 2000) + "." + v.between(10, 99) + ",EUR,");
            if (v.chance(0.6)) {
                t.pos(v.card());
            } else {
                t.neg(CREDIT_CARD, "luhn-fail", v.cardLuhnFail(false));
            }
            t.t("," + v.pick("paid", "shipped", "refunded", "pending") + ",");
            t.neg(PASSPORT_NUMBER, "tracking-code", "3S" + v.chars("ABCDEFGHJKLMNPQRSTUVWXYZ", 4) + v.nineDigitsNotBsn()).t("\n");
        } while (t.length() < target);
    }

    // ---------------------------------------------------------------- JSON

    private void json(LabelledText t, int target) {
        t.t("{\n  \"export\": \"crm-customers\",\n  \"schemaVersion\": \"").neg(IP_ADDRESS, "version", v.version()).t("\",\n");
        t.t("  \"generatedAt\": \"").neg(DATE_OF_BIRTH, "timestamp", v.timestamp()).t("\",\n  \"customers\": [\n");
        boolean first = true;
        do {
            if (!first) {
                t.t(",\n");
            }
            first = false;
            Person p = person();
            t.t("    {\n      \"id\": \"").neg(BSN, "uuid", v.uuid()).t("\",\n");
            t.t("      \"customerNumber\": ").neg(BSN, "bsn-11proof-fail", v.nineDigitsNotBsn()).t(",\n");
            t.t("      \"name\": \"" + p.full() + "\",\n");
            t.t("      \"email\": \"").pos(v.email(p.first, p.last)).t("\",\n");
            t.t("      \"phone\": \"").pos(v.phone()).t("\",\n");
            if (v.chance(0.6)) {
                t.t("      \"bsn\": \"").pos(v.bsn()).t("\",\n");
            }
            t.t("      \"dateOfBirth\": \"").pos(DATE_OF_BIRTH, "json-key", v.isoDate(v.between(1940, 2010))).t("\",\n");
            t.t("      \"iban\": \"").pos(v.iban()).t("\",\n");
            t.t("      \"address\": { \"street\": \"" + v.pick(STREETS) + " " + v.between(1, 200) + "\", \"postcode\": \"").pos(v.postcode()).t("\", \"city\": \"" + v.pick(CITIES) + "\" },\n");
            t.t("      \"lastLoginIp\": \"").pos(v.chance(0.7) ? v.ipv4() : v.ipv6()).t("\",\n");
            if (v.chance(0.2)) {
                t.t("      \"sessionToken\": \"").pos(JWT, "jwt", v.jwt(p.first.toLowerCase())).t("\",\n");
            }
            if (v.chance(0.1)) {
                t.t("      \"signingKey\": \"").pos(PRIVATE_KEY, "pem-json-escaped", v.pem(true).replace("\n", "\\n")).t("\",\n");
            }
            t.t("      \"avatar\": \"").neg(EMAIL, "retina-asset", "avatar-" + v.between(1, 99) + "@2x.png").t("\",\n");
            t.t("      \"updatedAt\": ").neg(CREDIT_CARD, "epoch-millis", v.epochMillis()).t("\n    }");
        } while (t.length() < target);
        t.t("\n  ],\n  \"integration\": {\n    \"apiKey\": \"").pos(GENERIC_SECRET, "json-api-key", v.secretValue()).t("\",\n");
        t.t("    \"fallbackPassword\": \"").neg(GENERIC_SECRET, "placeholder", v.placeholder()).t("\"\n  }\n}\n");
    }

    // ---------------------------------------------------------------- configuration

    private void yaml(LabelledText t) {
        t.t("# service " + v.pick("billing", "crm", "portal", "export") + "-" + v.between(1, 99) + "\nspring:\n  datasource:\n    url: jdbc:postgresql://db.internal:5432/app\n    username: app\n");
        if (v.chance(0.5)) {
            t.t("    password: ").pos(GENERIC_SECRET, "yaml-password", v.secretValue()).t("\n");
        } else {
            t.t("    password: ").neg(GENERIC_SECRET, "placeholder", "${DB_PASSWORD}").t("\n");
        }
        t.t("  mail:\n    host: smtp.example.nl\n    username: ").pos(v.email(v.pick(FIRST_NL), "mailer")).t("\n");
        t.t("    password: ").neg(GENERIC_SECRET, "placeholder", v.placeholder()).t("\n");
        if (v.chance(0.3)) {
            t.t("  dev-admin:\n    password: ").neg(GENERIC_SECRET, "weak-password", v.weakPassword()).t("\n");
        }
        t.t("app:\n  version: ").neg(IP_ADDRESS, "version", v.version()).t("\n  build-commit: ").neg(AWS_SECRET_KEY, "git-sha", v.hex(40)).t("\n");
        switch (v.n(5)) {
            case 0 -> t.t("  aws:\n    access-key-id: ").pos(AWS_ACCESS_KEY, "akia", v.awsAccessKey()).t("\n    secret-access-key: ").pos(AWS_SECRET_KEY, "aws-secret", v.awsSecretKey()).t("\n");
            case 1 -> t.t("  github:\n    token: ").pos(GITHUB_TOKEN, "github", v.githubToken()).t("\n");
            case 2 -> t.t("  api:\n    secret: ").pos(GENERIC_SECRET, "yaml-secret", v.secretValue()).t("\n    timeout: 30s\n");
            case 3 -> t.t("  admin:\n    allowed-ip: ").pos(v.ipv4()).t("\n    contact: ").pos(v.phone()).t("\n");
            default -> t.t("  legacy:\n    key-id: ").neg(AWS_ACCESS_KEY, "akia-wrong-length", "AKIA" + v.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", v.pick(12, 14, 20))).t("\n");
        }
        t.t("  request-id-sample: ").neg(BSN, "uuid", v.uuid()).t("\n\n");
    }

    private void dotenv(LabelledText t) {
        t.t("# " + v.pick("local development", "staging", "production overrides") + "\n");
        t.t("APP_ENV=" + v.pick("dev", "staging", "prod") + "\nAPP_VERSION=").neg(IP_ADDRESS, "version", v.version()).t("\n");
        t.t("AWS_ACCESS_KEY_ID=").pos(AWS_ACCESS_KEY, "akia", v.awsAccessKey()).t("\n");
        t.t("AWS_SECRET_ACCESS_KEY=").pos(AWS_SECRET_KEY, "aws-secret", v.awsSecretKey()).t("\n");
        if (v.chance(0.6)) {
            t.t("GITHUB_TOKEN=").pos(GITHUB_TOKEN, "github", v.githubToken()).t("\n");
        }
        t.t(v.pick("API_KEY=", "STRIPE_SECRET=", "SESSION_SECRET=", "DB_PASSWORD=", "REDIS_PASSWORD=")).pos(GENERIC_SECRET, "env", v.secretValue()).t("\n");
        t.t(v.pick("SMTP_PASSWORD=", "ADMIN_PASSWORD=", "SECRET_KEY=")).neg(GENERIC_SECRET, "placeholder", v.placeholder()).t("\n");
        if (v.chance(0.5)) {
            t.t(v.pick("ADMIN_PASSWORD=", "DEV_DB_PASSWORD=")).neg(GENERIC_SECRET, "weak-password", v.weakPassword()).t("\n");
        }
        t.t("ADMIN_EMAIL=").pos(v.email(v.pick(FIRST_EN), "admin")).t("\n");
        if (v.chance(0.3)) {
            t.t("SERVICE_JWT=").pos(JWT, "jwt", v.jwt("service-" + v.between(1, 9))).t("\n");
        }
        if (v.chance(0.3)) {
            t.t("LEGACY_TOKEN=").neg(JWT, "jwt-header-not-json", v.jwtBadHeader()).t("\n");
        }
        t.t("\n");
    }

    private void properties(LabelledText t) {
        t.t("# " + v.pick("application", "batch job", "integration") + " settings\n");
        t.t("app.version=").neg(IP_ADDRESS, "version", v.version()).t("\n");
        t.t("build.commit=").neg(GITHUB_TOKEN, "git-sha", v.hex(40)).t("\n");
        t.t("spring.datasource.password=").pos(GENERIC_SECRET, "properties", v.secretValue()).t("\n");
        t.t("spring.mail.password=").neg(GENERIC_SECRET, "placeholder", v.placeholder()).t("\n");
        t.t("mail.from=").pos(v.email("noreply", v.pick("acme", "zorg", "shop"))).t("\n");
        t.t("support.phone=").pos(v.phone()).t("\n");
        t.t("server.allowed-ip=").pos(v.ipv4()).t("\n");
        t.t("export.max-size=").neg(POSTCODE, "size-not-postcode", v.between(1, 9) + "" + v.between(100, 999) + " MB").t("\n");
        t.t("scheduler.last-run=").neg(CREDIT_CARD, "epoch-millis", v.epochMillis()).t("\n\n");
    }

    // ---------------------------------------------------------------- source code

    private void java(LabelledText t, int target) {
        String cls = v.pick("Customer", "Payment", "Invoice", "Account") + v.pick("Service", "Client", "Fixtures", "Importer");
        t.t("package nl.acme." + v.pick("crm", "billing", "portal") + ";\n\nimport java.util.List;\n\n/** Generated fixtures, version ").neg(IP_ADDRESS, "version", v.version()).t(". */\n");
        t.t("public class " + cls + " {\n\n");
        t.t("    private static final String API_KEY = \"").pos(GENERIC_SECRET, "java-constant", v.secretValue()).t("\";\n");
        t.t("    private static final String DEFAULT_PASSWORD = \"").neg(GENERIC_SECRET, "placeholder", v.placeholder()).t("\";\n");
        t.t("    private static final String TRACE_ID = \"").neg(BSN, "uuid", v.uuid()).t("\";\n\n");
        do {
            Person p = person();
            t.t("    ").neg(EMAIL, "java-annotation", "@Override").t("\n    public String toString() {\n        return \"" + cls + "\";\n    }\n\n");
            switch (v.n(6)) {
                case 0 -> t.t("    static final String TEST_IBAN = \"").pos(v.iban()).t("\";\n");
                case 1 -> t.t("    // contact ").pos(v.email(p.first, p.last)).t(" for access\n");
                case 2 -> t.t("    static final String AWS_KEY_ID = \"").pos(AWS_ACCESS_KEY, "akia", v.awsAccessKey()).t("\";\n");
                case 3 -> t.t("    static final long ORDER_ID = ").neg(BSN, "bsn-11proof-fail", v.nineDigitsNotBsn()).t("L;\n");
                case 4 -> t.t("    static final String SAMPLE_CARD = \"").neg(CREDIT_CARD, "luhn-fail", v.cardLuhnFail(false)).t("\";\n");
                default -> t.t("    static final String GITHUB_TOKEN = \"").pos(GITHUB_TOKEN, "github", v.githubToken()).t("\";\n");
            }
            t.t("\n");
        } while (t.length() < target);
        t.t("}\n");
    }

    private void python(LabelledText t) {
        t.t("import os\nimport requests\n\n");
        t.t(v.pick("SECRET_KEY", "API_TOKEN", "CLIENT_SECRET") + " = \"").pos(GENERIC_SECRET, "python", v.secretValue()).t("\"\n");
        t.t("DB_PASSWORD = os.environ.get(\"DB_PASSWORD\", \"").neg(GENERIC_SECRET, "placeholder", v.pick("changeme", "xxx", "<password>")).t("\")\n");
        if (v.chance(0.4)) {
            t.t("AWS_ACCESS_KEY_ID = \"").pos(AWS_ACCESS_KEY, "akia", v.awsAccessKey()).t("\"\n");
            t.t("aws_secret_access_key = \"").pos(AWS_SECRET_KEY, "aws-secret", v.awsSecretKey()).t("\"\n");
        }
        if (v.chance(0.3)) {
            t.t("PRIVATE_KEY = \"\"\"").pos(PRIVATE_KEY, "pem", v.pem(true)).t("\"\"\"\n");
        }
        if (v.chance(0.3)) {
            t.t("PUBLIC_KEY = \"\"\"").neg(PRIVATE_KEY, "public-pem", v.pem(false)).t("\"\"\"\n");
        }
        t.t("\n\ndef fetch(customer_id):\n    # e.g. ").neg(BSN, "bsn-11proof-fail", v.nineDigitsNotBsn()).t("\n");
        t.t("    resp = requests.get(f\"https://api.example.nl/v2/customers/{customer_id}\", timeout=10)\n    return resp.json()\n\n\n");
    }

    private void javascript(LabelledText t) {
        Person p = person();
        t.t("// build ").neg(IP_ADDRESS, "version", v.version()).t("\nconst config = {\n  apiBase: 'https://api.example.nl',\n");
        t.t("  apiKey: '").pos(GENERIC_SECRET, "js", v.secretValue()).t("',\n");
        t.t("  password: '").neg(GENERIC_SECRET, "placeholder", v.placeholder()).t("',\n");
        t.t("  logo: '").neg(EMAIL, "retina-asset", "img/logo@2x.png").t("',\n");
        t.t("  commit: '").neg(AWS_SECRET_KEY, "git-sha", v.hex(40)).t("',\n};\n\n");
        switch (v.n(4)) {
            case 0 -> t.t("const demoToken = '").pos(JWT, "jwt", v.jwt(p.first.toLowerCase())).t("';\n");
            case 1 -> t.t("const supportPhone = '").pos(v.phone()).t("';\n");
            case 2 -> t.t("const allowList = ['").pos(v.ipv4()).t("', '").pos(v.ipv6()).t("'];\n");
            default -> t.t("const sampleRef = '").neg(JWT, "jwt-header-not-json", v.jwtBadHeader()).t("';\n");
        }
        t.t("export function send(to) {\n  return fetch(config.apiBase + '/mail', { method: 'POST', body: JSON.stringify({ to }) });\n}\n\n");
    }

    private void markdown(LabelledText t) {
        t.t("# " + v.pick("Setup", "Deployment", "Onboarding") + " guide\n\n");
        t.t("Current release: ").neg(IP_ADDRESS, "version", v.version()).t(". Questions? Mail ").pos(v.email(v.pick(FIRST_EN), "support")).t(".\n\n");
        t.t("```bash\nexport GITHUB_TOKEN=").neg(GITHUB_TOKEN, "placeholder", "ghp_" + "X".repeat(v.pick(8, 36))).t("\n");
        t.t("export DB_PASSWORD=").neg(GENERIC_SECRET, "placeholder", v.placeholder()).t("\n```\n\n");
        if (v.chance(0.35)) {
            t.t("The staging key (rotate it!):\n\n```\n").pos(PRIVATE_KEY, "pem", v.pem(true)).t("\n```\n\n");
        }
        if (v.chance(0.35)) {
            t.t("Server certificate:\n\n```\n").neg(PRIVATE_KEY, "public-pem", v.pem(false)).t("\n```\n\n");
        }
        if (v.chance(0.4)) {
            t.t("Emergency contact: ").pos(v.phone()).t(" (on call).\n\n");
        }
        t.t("| host | address |\n|---|---|\n| db | ").pos(v.ipv4()).t(" |\n| api | ").pos(v.ipv6()).t(" |\n\n");
        t.t("Released on ").neg(DATE_OF_BIRTH, "date-no-birth-context", v.date(v.between(2020, 2025), false)).t(".\n\n");
    }

    /**
     * Text without planted positives (hard negatives only): filler prose, routine log lines, code.
     * Mixed into the throughput file so its density of personal data is realistic rather than extreme.
     */
    LabelledText clean(int targetChars) {
        LabelledText t = new LabelledText("\n");
        int kind = v.n(4);
        do {
            switch (kind) {
                case 0, 1 -> {
                    boolean nl = kind == 1;
                    filler(t, nl, v.between(3, 7));
                    if (v.chance(0.3)) {
                        textNegative(t, nl);
                    }
                    t.t("\n\n");
                }
                case 2 -> {
                    t.neg(IP_ADDRESS, "timestamp", v.timestamp()).t(" " + v.pick("INFO ", "DEBUG", "WARN ") + " [" + v.pick("main", "scheduler-1", "http-nio-8080-exec-4") + "] ");
                    switch (v.n(4)) {
                        case 0 -> t.t("request_id=").neg(BSN, "uuid", v.uuid()).t(" status=200 duration=" + v.between(1, 400) + "ms");
                        case 1 -> t.t("order ").neg(BSN, "bsn-11proof-fail", v.nineDigitsNotBsn()).t(" shipped, " + v.between(1, 9) + " items");
                        case 2 -> t.t("cache refreshed at epoch=").neg(CREDIT_CARD, "epoch-millis", v.epochMillis()).t(" entries=" + v.between(10, 99999));
                        default -> t.t("heartbeat ok, queue depth " + v.between(0, 40) + ", pool active " + v.between(0, 10) + "/10");
                    }
                    t.t("\n");
                }
                default -> t.t("    /** Returns the " + v.pick("total", "count", "name", "status") + " of this " + v.pick("order", "customer", "invoice") + ". */\n"
                        + "    public int " + v.pick("total", "count", "size", "weight") + v.between(1, 99) + "(List<Integer> items) {\n"
                        + "        int sum = 0;\n        for (int i : items) {\n            sum += i * " + v.between(2, 9) + ";\n        }\n        return sum;\n    }\n\n");
            }
        } while (t.length() < targetChars);
        return t;
    }

    static List<Format> all() {
        return List.of(Format.values());
    }
}
