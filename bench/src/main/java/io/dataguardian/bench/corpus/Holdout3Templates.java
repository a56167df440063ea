package io.dataguardian.bench.corpus;

import static io.dataguardian.bench.corpus.EntityType.*;
import static io.dataguardian.bench.corpus.Holdout3Values.*;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The document kinds of {@link Holdout3Corpus}; each writes one file into a {@link LabelledText}. */
final class Holdout3Templates {

    private Holdout3Templates() {
    }

    interface Body {
        void write(LabelledText d, Random r);
    }

    /** One kind: a path pattern (%d = file index), a format name for the evaluator's by-format table, CRLF or not. */
    record Kind(String name, String path, String format, boolean crlf, Body body) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind("chat-nl", "support/chats/gesprek-%d.txt", "chat", false, Holdout3Templates::chatNl),
            new Kind("forum-en", "forum/thread-%d.md", "forum", false, Holdout3Templates::forumEn),
            new Kind("mail-quoted", "mail/re-%d.eml", "email", true, Holdout3Templates::mailQuoted),
            new Kind("brief-gemeente", "brieven/gemeente-%d.txt", "letter-nl", true, Holdout3Templates::briefGemeente),
            new Kind("brief-ziekenhuis", "brieven/ziekenhuis-%d.txt", "letter-nl", false, Holdout3Templates::briefZiekenhuis),
            new Kind("hr-offer", "hr/offer-letter-%d.txt", "letter-en", false, Holdout3Templates::hrOffer),
            new Kind("dsar-json", "gdpr/dsar-export-%d.json", "json", false, Holdout3Templates::dsarJson),
            new Kind("dsar-csv", "gdpr/inzageverzoek-%d.csv", "csv", true, Holdout3Templates::dsarCsv),
            new Kind("log4j", "logs/app-%d.log", "log", false, Holdout3Templates::log4j),
            new Kind("pylog", "logs/worker-%d.log", "log", false, Holdout3Templates::pyLog),
            new Kind("jsonlog", "logs/api-%d.json.log", "log", false, Holdout3Templates::jsonLog),
            new Kind("audit", "logs/audit-%d.log", "log", false, Holdout3Templates::auditLog),
            new Kind("csv-en", "exports/customers-%d.csv", "csv", false, Holdout3Templates::csvEn),
            new Kind("csv-pipe", "exports/leden-%d.txt", "csv", false, Holdout3Templates::csvPipe),
            new Kind("spring", "config/application-prod-%d.yml", "yaml", false, Holdout3Templates::springYml),
            new Kind("rails", "config/database-%d.yml", "yaml", false, Holdout3Templates::railsDb),
            new Kind("serverless", "deploy/serverless-%d.yml", "yaml", false, Holdout3Templates::serverless),
            new Kind("gitlab", "ci/gitlab-ci-%d.yml", "yaml", false, Holdout3Templates::gitlabCi),
            new Kind("dotenv", "env/.env.%d", "env", false, Holdout3Templates::dotenv),
            new Kind("java", "src/java/CustomerFixtures%d.java", "java", false, Holdout3Templates::javaSrc),
            new Kind("python", "src/py/test_payments_%d.py", "python", false, Holdout3Templates::pythonSrc),
            new Kind("js", "src/js/config-%d.js", "js", false, Holdout3Templates::jsSrc),
            new Kind("kotlin", "src/kt/PatientTest%d.kt", "kotlin", false, Holdout3Templates::kotlinSrc),
            new Kind("ruby", "src/rb/seeds_%d.rb", "ruby", false, Holdout3Templates::rubySrc),
            new Kind("rust", "src/rs/settings_%d.rs", "rust", false, Holdout3Templates::rustSrc),
            new Kind("swift", "src/swift/Secrets%d.swift", "swift", false, Holdout3Templates::swiftSrc),
            new Kind("sql", "db/klanten-%d.sql", "sql", false, Holdout3Templates::sqlDump),
            new Kind("api-doc", "docs/api-guide-%d.md", "markdown", false, Holdout3Templates::apiDoc),
            new Kind("factuur", "finance/factuur-%d.txt", "letter-nl", false, Holdout3Templates::factuur),
            new Kind("changelog", "docs/CHANGELOG-%d.md", "markdown", false, Holdout3Templates::changelog),
            new Kind("keys-py", "src/py/crypto_util_%d.py", "python", false, Holdout3Templates::keysPy),
            new Kind("prose-en", "notes/incident-%d.txt", "prose", false, Holdout3Templates::proseEn),
            new Kind("prose-nl", "notes/notitie-%d.txt", "prose", false, Holdout3Templates::proseNl),
            new Kind("tracking", "mail/verzending-%d.txt", "email", false, Holdout3Templates::tracking),
            new Kind("csv-nl-abbrev", "exports/personeel-%d.csv", "csv", true, Holdout3Templates::csvNlAbbrev),
            new Kind("helm", "deploy/helm/values-%d.yaml", "yaml", false, Holdout3Templates::helm),
            new Kind("gha", "ci/github/deploy-%d.yml", "yaml", false, Holdout3Templates::gha),
            new Kind("forum-nl", "forum/topic-%d.txt", "forum", false, Holdout3Templates::forumNl),
            new Kind("py-settings", "src/py/settings_%d.py", "python", false, Holdout3Templates::pySettings));

    // ------------------------------------------------------------------ helpers

    static void secretNeg(LabelledText d, Random r) {
        if (r.nextBoolean()) {
            d.neg(GENERIC_SECRET, "placeholder", pick(r, PLACEHOLDERS));
        } else {
            d.neg(GENERIC_SECRET, "weak-password", pick(r, WEAK));
        }
    }

    static void orderNo(LabelledText d, Random r) {
        d.neg(BSN, "order-not11-fail", not11(r));
    }

    static void dobPos(LabelledText d, Random r, String kind) {
        d.pos(DATE_OF_BIRTH, kind, dob(r));
    }

    static String ts(Random r) {
        return timestamp(r);
    }

    // ------------------------------------------------------------------ prose, chats, letters

    static void chatNl(LabelledText d, Random r) {
        String klant = nlName(r);
        String agent = pick(r, FIRST_NL);
        d.t("Chatexport klantenservice — gesprek #").neg(BSN, "chat-id-not11-fail", not11(r)).t("\n\n");
        int turns = 6 + r.nextInt(6);
        for (int i = 0; i < turns; i++) {
            String time = String.format(Locale.ROOT, "[%02d:%02d] ", 9 + r.nextInt(8), r.nextInt(60));
            switch (r.nextInt(10)) {
                case 0 -> d.t(time + klant + ": hoi, mijn BSN is ").pos(BSN, "prose-bsn", bsn(r)).t(" en ik wil graag mijn gegevens inzien\n");
                case 1 -> d.t(time + agent + ": Dank u. Kunt u ook uw geboortedatum doorgeven?\n")
                        .t(time + klant + ": ja dat is ").pos(DATE_OF_BIRTH, "chat-answer", dob(r)).t("\n");
                case 2 -> d.t(time + klant + ": stuur het maar naar ").pos(EMAIL, "prose", email(r, klant)).t(" aub\n");
                case 3 -> d.t(time + klant + ": je kunt me bellen op ").pos(PHONE_NUMBER, "prose", phone(r)).t(", liefst na 17u\n");
                case 4 -> d.t(time + klant + ": het geld moet naar ").pos(IBAN, "prose", iban(r)).t(" t.n.v. ").t(klant).t("\n");
                case 5 -> d.t(time + agent + ": Uw bestelling ").t(pick(r, "met nummer ", "nr. ", "#")).neg(BSN, "order-not11-fail", not11(r))
                        .t(" is op ").neg(DATE_OF_BIRTH, "order-date", recentDate(r)).t(" verzonden.\n");
                case 6 -> d.t(time + klant + ": ik woon op de ").t(street(r)).t(", ").pos(POSTCODE, "prose", postcode(r)).t(" ").t(pick(r, CITIES)).t("\n");
                case 7 -> d.t(time + agent + ": Ik zie een betaling met kaart eindigend op ").neg(CREDIT_CARD, "last4", digits(r, 4))
                        .t(", klopt dat?\n");
                case 8 -> d.t(time + klant + ": mijn paspoortnummer is ").pos(PASSPORT_NUMBER, "prose", docNumber(r)).t(" (geldig tot ")
                        .neg(DATE_OF_BIRTH, "expiry-date", date(r, 2027, 2034, 0)).t(")\n");
                default -> d.t(time + agent + ": Ik heb een ticket aangemaakt: ").neg(IP_ADDRESS, "uuid", uuid(r)).t("\n");
            }
        }
        d.t("\n-- einde gesprek, beoordeling: " + (1 + r.nextInt(5)) + "/5 --\n");
    }

    static void forumEn(LabelledText d, Random r) {
        String me = enName(r);
        d.t("# Re: Deploy keeps failing after upgrading to v").neg(IP_ADDRESS, "version-3part", (1 + r.nextInt(20)) + "." + r.nextInt(10) + "." + r.nextInt(30)).t("\n\n");
        d.t("**" + me + "** wrote:\n\n");
        d.t("> Has anyone seen this? My build agent at ").pos(IP_ADDRESS, "prose", ipv4(r)).t(" times out.\n\n");
        d.t("Same here. Running Windows build ").neg(IP_ADDRESS, "version-win", "10.0." + (19041 + r.nextInt(4000))).t(" and node ")
                .neg(IP_ADDRESS, "version-3part", "v" + (16 + r.nextInt(6)) + "." + r.nextInt(20) + "." + r.nextInt(9)).t(".\n");
        d.t("The docs say to set your token like `GITHUB_TOKEN=").neg(GITHUB_TOKEN, "doc-example", "ghp_" + "x".repeat(36))
                .t("` which obviously I replaced. Commit ").neg(AWS_SECRET_KEY, "git-sha", hex(r, 40)).t(" broke it.\n\n");
        d.t("Edit: my own token was in the paste, it's revoked now: ").pos(GITHUB_TOKEN, "prose", githubToken(r)).t("\n\n");
        d.t("If you want to pair on it you can reach me on ").pos(PHONE_NUMBER, "prose", phone(r)).t(" or drop me a line at ")
                .pos(EMAIL, "prose", email(r, me)).t(".\n\n");
        d.t("```\n$ sha256sum build.tar.gz\n").neg(AWS_SECRET_KEY, "sha256", hex(r, 64)).t("  build.tar.gz\n```\n\n");
        d.t("Our office is at ").neg(IP_ADDRESS, "gps", "52." + (3 + r.nextInt(7)) + digits(r, 3) + ", 4." + digits(r, 4))
                .t(" if you are in town. Posted ").neg(DATE_OF_BIRTH, "post-date", recentDate(r)).t(".\n");
    }

    static void mailQuoted(LabelledText d, Random r) {
        String a = nlName(r);
        String b = nlName(r);
        String ea = email(r, a);
        String eb = email(r, b);
        d.t("From: " + a + " <").pos(EMAIL, "header", ea).t(">\nTo: ").pos(EMAIL, "header", eb).t("\nDate: Mon, 3 Nov 2025 10:1" + r.nextInt(10)
                + ":00 +0100\nSubject: RE: wijziging bankrekening\nMessage-ID: <").neg(EMAIL, "message-id", hex(r, 16) + "." + hex(r, 8) + "@mail.example")
                .t(">\n\n");
        d.t("Hoi " + b.split(" ")[0] + ",\n\nHet nieuwe rekeningnummer is ").pos(IBAN, "prose", iban(r)).t(". Graag vanaf de volgende termijn.\n");
        d.t("Mijn nieuwe adres: ").t(street(r)).t("\n").pos(POSTCODE, "address", postcode(r)).t("  ").t(pick(r, CITIES).toUpperCase(Locale.ROOT)).t("\n\n");
        d.t("Groet,\n" + a + "\nM: ").pos(PHONE_NUMBER, "signature", phone(r)).t("\n\n");
        d.t("Op " + recentDate(r) + " schreef " + b + " <").pos(EMAIL, "quoted", eb).t(">:\n");
        d.t("> Beste " + a.split(" ")[0] + ",\n> \n> Voor de controle hebben we nog uw BSN nodig. Ons dossiernummer\n> is ")
                .neg(BSN, "dossier-not11-fail", not11(r)).t(".\n> Vorige keer noteerden wij ").pos(BSN, "quoted", bsn(r)).t(", klopt dat nog?\n");
        d.t("> \n> Met vriendelijke groet,\n> " + b + "\n> Tel. ").pos(PHONE_NUMBER, "quoted", phone(r)).t("\n");
    }

    static void briefGemeente(LabelledText d, Random r) {
        String n = nlName(r);
        d.t(pick(r, "Gemeente Utrecht", "Gemeente Zwolle", "Gemeente Haarlem") + "\nAfdeling Burgerzaken\nPostbus " + (100 + r.nextInt(9000))
                + "\n").pos(POSTCODE, "letterhead", postcode(r)).t(" " + pick(r, CITIES) + "\n\n");
        d.t("Aan: " + n + "\n" + street(r) + "\n").pos(POSTCODE, "address", postcode(r)).t(" " + pick(r, CITIES) + "\n\n");
        d.t("Datum:      ").neg(DATE_OF_BIRTH, "letter-date", recentDate(r)).t("\nOns kenmerk: ").neg(BSN, "kenmerk-not11-fail", not11(r))
                .t("\nUw kenmerk: -\nOnderwerp:  Aanvraag reisdocument\n\n");
        d.t("Geachte heer/mevrouw,\n\nWij hebben uw aanvraag ontvangen. Hieronder de gegevens zoals wij die hebben geregistreerd:\n\n");
        switch (r.nextInt(3)) {
            case 0 -> d.t("  Burgerservicenummer : ").pos(BSN, "letter-field", bsn(r)).t("\n  Geboortedatum      : ").pos(DATE_OF_BIRTH, "letter-field", dob(r))
                    .t("\n  Documentnummer     : ").pos(PASSPORT_NUMBER, "letter-field", docNumber(r)).t("\n");
            case 1 -> d.t("- BSN: ").pos(BSN, "letter-field", bsn(r)).t(" - geboren op ").pos(DATE_OF_BIRTH, "letter-prose", dob(r))
                    .t(" te " + pick(r, CITIES) + "\n- nummer huidige identiteitskaart: ").pos(ID_CARD_NUMBER, "letter-field", docNumber(r)).t("\n");
            default -> d.t("U bent geboren op ").pos(DATE_OF_BIRTH, "letter-prose", dob(r)).t(" en staat ingeschreven onder burgerservicenummer ")
                    .pos(BSN, "letter-prose", bsn(r)).t(". Uw oude paspoort (").pos(PASSPORT_NUMBER, "letter-prose", docNumber(r))
                    .t(") verloopt op ").neg(DATE_OF_BIRTH, "expiry-date", date(r, 2026, 2030, 2)).t(".\n");
        }
        d.t("\nDe leges ad EUR 7" + r.nextInt(10) + ",35 kunt u overmaken op ").pos(IBAN, "letter", iban(r)).t(" onder vermelding van ")
                .neg(BSN, "betalingskenmerk-fail", "0" + digits(r, 3) + " " + digits(r, 4) + " " + digits(r, 4) + " " + digits(r, 4)).t(".\n");
        d.t("Vragen? Bel 14 030 of mail ").pos(EMAIL, "letter", "burgerzaken@" + pick(r, "utrecht", "zwolle", "haarlem") + ".nl").t(".\n\nHoogachtend,\n\nde burgemeester\n");
    }

    static void briefZiekenhuis(LabelledText d, Random r) {
        String n = nlName(r);
        d.t("ZIEKENHUIS " + pick(r, "RIJNSTATE", "ISALA", "GELRE", "MARTINI") + "  |  Polikliniek Cardiologie\n");
        d.t("==========================================================\n");
        d.t("Patiënt: " + n + "   geb. ").pos(DATE_OF_BIRTH, "geb-abbrev", dob(r)).t("   BSN ").pos(BSN, "medical", bsn(r)).t("\n");
        d.t("Patiëntnr: " + digits(r, 7) + "   Opnamedatum: ").neg(DATE_OF_BIRTH, "admission-date", recentDate(r)).t("\n");
        d.t("Huisarts: dr. " + pick(r, LAST_NL) + ", tel. ").pos(PHONE_NUMBER, "medical", phone(r)).t("\n\n");
        d.t("Geachte collega,\n\nBovengenoemde patiënt(e) werd op ").neg(DATE_OF_BIRTH, "visit-date", recentDate(r))
                .t(" gezien op de poli. RR 13" + r.nextInt(10) + "/8" + r.nextInt(10) + ", pols 7" + r.nextInt(10) + ". ECG: sinusritme.\n");
        d.t("Controle over 6 maanden. Lab-aanvraag nr. ").neg(BSN, "lab-not11-fail", not11(r)).t(".\n\n");
        d.t("Verzekerd bij " + pick(r, "CZ", "VGZ", "Zilveren Kruis") + ", polisnummer ").neg(BSN, "polis-not11-fail", not11(r)).t(".\n");
        d.t("Contactpersoon: ").pos(EMAIL, "medical", email(r)).t("\n\nMet collegiale groet,\n\n" + nlName(r) + ", cardioloog\n");
    }

    static void hrOffer(LabelledText d, Random r) {
        String n = enName(r);
        d.t("PRIVATE & CONFIDENTIAL\n\n" + n + "\n" + street(r) + "\n").pos(POSTCODE, "address", postcode(r)).t(" " + pick(r, CITIES) + "\nThe Netherlands\n\n");
        d.t(date(r, 2025, 2026, 3) + "\n\nDear " + n.split(" ")[0] + ",\n\n");
        d.t("We are delighted to offer you the position of Data Engineer starting ").neg(DATE_OF_BIRTH, "start-date", date(r, 2026, 2026, 3))
                .t(". Employee number: E" + digits(r, 6) + ".\n\n");
        d.t("To complete your file we recorded the following details from your intake:\n\n");
        d.t("    Date of birth ........ ").pos(DATE_OF_BIRTH, "dotted-leader", dob(r)).t("\n");
        d.t("    Passport no. ......... ").pos(PASSPORT_NUMBER, "dotted-leader", docNumber(r)).t("\n");
        d.t("    Citizen service no. .. ").pos(BSN, "dotted-leader", bsn(r)).t("\n");
        d.t("    Salary account ....... ").pos(IBAN, "dotted-leader", iban(r)).t("\n");
        d.t("    Mobile ............... ").pos(PHONE_NUMBER, "dotted-leader", phone(r)).t("\n\n");
        d.t("Your gross annual salary will be EUR " + (50 + r.nextInt(40)) + "," + digits(r, 3) + ". The vacancy reference was ")
                .neg(BSN, "vacancy-not11-fail", not11(r)).t(".\n");
        d.t("Please sign and return this letter to ").pos(EMAIL, "letter", "people@" + pick(r, DOMAINS)).t(".\n\nKind regards,\n" + enName(r) + "\nHead of People\n");
    }

    // ------------------------------------------------------------------ GDPR exports

    static void dsarJson(LabelledText d, Random r) {
        String n = r.nextBoolean() ? nlName(r) : enName(r);
        d.t("{\n  \"request\": {\"id\": \"").neg(IP_ADDRESS, "uuid", uuid(r)).t("\", \"received\": \"").neg(DATE_OF_BIRTH, "created-at", ts(r))
                .t("\", \"type\": \"access\"},\n");
        d.t("  \"subject\": {\n    \"name\": \"" + n + "\",\n    \"email\": \"").pos(EMAIL, "json", email(r, n)).t("\",\n");
        d.t("    \"dateOfBirth\": \"").pos(DATE_OF_BIRTH, "json", date(r, 1940, 2005, 1)).t("\",\n");
        d.t("    \"nationalId\": {\"type\": \"BSN\", \"value\": \"").pos(BSN, "json", bsnDigits(r)).t("\"},\n");
        d.t("    \"phones\": [\"").pos(PHONE_NUMBER, "json", phone(r)).t("\", \"").pos(PHONE_NUMBER, "json", phone(r)).t("\"],\n");
        d.t("    \"address\": {\"street\": \"" + street(r) + "\", \"postalCode\": \"").pos(POSTCODE, "json", postcode(r))
                .t("\", \"city\": \"" + pick(r, CITIES) + "\"}\n  },\n");
        d.t("  \"payment\": {\"iban\": \"").pos(IBAN, "json", ibanCompact(r)).t("\", \"card\": {\"brand\": \"visa\", \"last4\": \"")
                .neg(CREDIT_CARD, "last4", digits(r, 4)).t("\", \"fingerprint\": \"").neg(AWS_SECRET_KEY, "hash", hex(r, 32)).t("\"}},\n");
        d.t("  \"logins\": [\n");
        int k = 2 + r.nextInt(4);
        for (int i = 0; i < k; i++) {
            d.t("    {\"at\": \"").neg(DATE_OF_BIRTH, "login-ts", ts(r)).t("\", \"ip\": \"").pos(IP_ADDRESS, "json", ip(r))
                    .t("\", \"ua\": \"Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/").neg(IP_ADDRESS, "ua-version", (120 + r.nextInt(20)) + ".0." + (6000 + r.nextInt(900)) + "." + r.nextInt(200))
                    .t("\"}" + (i + 1 < k ? "," : "") + "\n");
        }
        d.t("  ],\n  \"orders\": [{\"number\": \"").neg(BSN, "order-not11-fail", not11(r)).t("\", \"placed\": \"").neg(DATE_OF_BIRTH, "order-date", date(r, 2023, 2026, 1))
                .t("\", \"ean\": \"").neg(CREDIT_CARD, "ean13", ean13(r)).t("\"}]\n}\n");
    }

    static void dsarCsv(LabelledText d, Random r) {
        d.t("\"Categorie\";\"Veld\";\"Waarde\";\"Bron\";\"Vastgelegd op\"\n");
        int rows = 10 + r.nextInt(10);
        for (int i = 0; i < rows; i++) {
            String when = date(r, 2019, 2026, 0);
            switch (r.nextInt(9)) {
                case 0 -> d.t("\"Identiteit\";\"Burgerservicenummer\";\"").pos(BSN, "csv", bsn(r)).t("\";\"BRP\";\"").neg(DATE_OF_BIRTH, "recorded-date", when).t("\"\n");
                case 1 -> d.t("\"Identiteit\";\"Geboortedatum\";\"").pos(DATE_OF_BIRTH, "csv", dob(r)).t("\";\"BRP\";\"" + when + "\"\n");
                case 2 -> d.t("\"Contact\";\"E-mailadres\";\"").pos(EMAIL, "csv", email(r)).t("\";\"Webformulier\";\"" + when + "\"\n");
                case 3 -> d.t("\"Contact\";\"Telefoon\";\"").pos(PHONE_NUMBER, "csv", phone(r)).t("\";\"Klantcontact\";\"" + when + "\"\n");
                case 4 -> d.t("\"Financieel\";\"IBAN\";\"").pos(IBAN, "csv", iban(r)).t("\";\"Incasso\";\"" + when + "\"\n");
                case 5 -> d.t("\"Adres\";\"Postcode\";\"").pos(POSTCODE, "csv", postcode(r)).t("\";\"BRP\";\"" + when + "\"\n");
                case 6 -> d.t("\"Technisch\";\"IP-adres laatste login\";\"").pos(IP_ADDRESS, "csv", ip(r)).t("\";\"Logboek\";\"" + when + "\"\n");
                case 7 -> d.t("\"Administratie\";\"Klantnummer\";\"").neg(BSN, "klantnr-not11-fail", not11(r)).t("\";\"CRM\";\"" + when + "\"\n");
                default -> d.t("\"Administratie\";\"KvK-nummer werkgever\";\"").neg(BSN, "kvk-8digit", String.valueOf(10000000 + r.nextInt(89999999)))
                        .t("\";\"UWV\";\"" + when + "\"\n");
            }
        }
    }

    // ------------------------------------------------------------------ logs

    static void log4j(LabelledText d, Random r) {
        int n = 25 + r.nextInt(20);
        for (int i = 0; i < n; i++) {
            d.t(logTime(r) + " " + pick(r, "INFO ", "WARN ", "DEBUG", "ERROR") + " [" + pick(r, "http-nio-8080-exec-" + r.nextInt(10), "main", "scheduling-1")
                    + "] " + pick(r, "n.b.auth.LoginService", "n.b.orders.OrderController", "n.b.pay.SepaExporter") + " - ");
            switch (r.nextInt(10)) {
                case 0 -> d.t("login succeeded for ").pos(EMAIL, "log", email(r)).t(" from ").pos(IP_ADDRESS, "log", ipv4(r)).t("\n");
                case 1 -> d.t("login failed for user=").pos(EMAIL, "log", email(r)).t(" remote=").pos(IP_ADDRESS, "log", ipv4(r)).t(":" + (1024 + r.nextInt(60000)) + "\n");
                case 2 -> d.t("incoming request headers {Authorization=Bearer ").pos(JWT, "log-bearer", jwt(r)).t(", X-Request-Id=").neg(IP_ADDRESS, "uuid", uuid(r)).t("}\n");
                case 3 -> d.t("order ").neg(BSN, "order-not11-fail", not11(r)).t(" created, total=" + r.nextInt(500) + "." + digits(r, 2) + " EUR\n");
                case 4 -> d.t("SEPA batch line: debtor ").pos(IBAN, "log", ibanCompact(r)).t(" amount " + r.nextInt(900) + ".00\n");
                case 5 -> d.t("Started Application in " + r.nextInt(20) + "." + digits(r, 3) + " seconds (process running for ").t(r.nextInt(30) + "." + digits(r, 3)).t(")\n");
                case 6 -> d.t("payment declined, card=").neg(CREDIT_CARD, "masked", digits(r, 4) + "********" + digits(r, 4)).t(" code=05\n");
                case 7 -> d.t("cache key ").neg(AWS_SECRET_KEY, "sha256", hex(r, 64)).t(" evicted\n");
                case 8 -> d.t("upstream ").pos(IP_ADDRESS, "log", ipv6(r)).t(" responded 502 after " + r.nextInt(3000) + " ms\n");
                default -> d.t("using spring-boot ").neg(IP_ADDRESS, "version-3part", "3." + r.nextInt(6) + "." + r.nextInt(12)).t(", build ")
                        .neg(AWS_SECRET_KEY, "git-sha-short", hex(r, 7)).t("\n");
            }
        }
    }

    static void pyLog(LabelledText d, Random r) {
        int n = 25 + r.nextInt(20);
        for (int i = 0; i < n; i++) {
            String pre = logTime(r) + " - " + pick(r, "celery.worker", "app.tasks.mail", "app.api") + " - " + pick(r, "INFO", "WARNING", "ERROR") + " - ";
            switch (r.nextInt(8)) {
                case 0 -> d.t(pre + "sending welcome mail to ").pos(EMAIL, "log", email(r)).t("\n");
                case 1 -> d.t(pre + "sms queued for ").pos(PHONE_NUMBER, "log", phone(r)).t("\n");
                case 2 -> d.t(pre + "Task app.tasks.sync[").neg(IP_ADDRESS, "uuid", uuid(r)).t("] succeeded in 0." + digits(r, 4) + "s\n");
                case 3 -> d.t(pre + "connecting to redis://").pos(IP_ADDRESS, "log", ipv4(r)).t(":6379/0\n");
                case 4 -> d.t(pre + "Traceback (most recent call last):\n  File \"/srv/app/tasks.py\", line " + r.nextInt(400)
                        + ", in sync\n    resp = client.post(url, json=payload)\nrequests.exceptions.ConnectionError: HTTPSConnectionPool(host='").pos(IP_ADDRESS, "log", ipv4(r))
                        .t("', port=443)\n");
                case 5 -> d.t(pre + "invoice ").neg(BSN, "invoice-not11-fail", not11(r)).t(" dated ").neg(DATE_OF_BIRTH, "invoice-date", recentDate(r)).t(" exported\n");
                case 6 -> d.t(pre + "config loaded: {'db_password': '").neg(GENERIC_SECRET, "masked", "********").t("', 'api_key': '")
                        .neg(GENERIC_SECRET, "placeholder", pick(r, "<redacted>", "***", "REDACTED")).t("'}\n");
                default -> d.t(pre + "heartbeat ok, version ").neg(IP_ADDRESS, "version-3part", "2." + r.nextInt(30) + "." + r.nextInt(10)).t("\n");
            }
        }
    }

    static void jsonLog(LabelledText d, Random r) {
        int n = 20 + r.nextInt(20);
        for (int i = 0; i < n; i++) {
            d.t("{\"@timestamp\":\"").neg(DATE_OF_BIRTH, "log-ts", ts(r)).t("\",\"level\":\"" + pick(r, "info", "warn", "error") + "\",");
            switch (r.nextInt(6)) {
                case 0 -> d.t("\"msg\":\"request\",\"client\":{\"ip\":\"").pos(IP_ADDRESS, "jsonlog", ip(r)).t("\",\"port\":" + (1024 + r.nextInt(60000))
                        + "},\"path\":\"/api/v2/orders\",\"status\":" + pick(r, "200", "201", "404") + "}\n");
                case 1 -> d.t("\"msg\":\"user updated\",\"user\":{\"id\":" + r.nextInt(100000) + ",\"email\":\"").pos(EMAIL, "jsonlog", email(r))
                        .t("\",\"phone\":\"").pos(PHONE_NUMBER, "jsonlog", phone(r)).t("\"}}\n");
                case 2 -> d.t("\"msg\":\"token issued\",\"token\":\"").pos(JWT, "jsonlog", jwt(r)).t("\",\"ttl\":3600}\n");
                case 3 -> d.t("\"msg\":\"trace\",\"trace_id\":\"").neg(AWS_SECRET_KEY, "trace-id", hex(r, 32)).t("\",\"span_id\":\"" + hex(r, 16) + "\"}\n");
                case 4 -> d.t("\"msg\":\"kyc check\",\"subject\":{\"bsn\":\"").pos(BSN, "jsonlog", bsnDigits(r)).t("\",\"doc\":\"").pos(ID_CARD_NUMBER, "jsonlog", docNumber(r))
                        .t("\"}}\n");
                default -> d.t("\"msg\":\"shipment\",\"tracking\":\"3S").neg(BSN, "tracking-not11-fail", chars(r, UPPER, 4) + not11(r)).t("\"}\n");
            }
        }
    }

    static void auditLog(LabelledText d, Random r) {
        int n = 20 + r.nextInt(15);
        for (int i = 0; i < n; i++) {
            d.t("type=AUDIT ts=" + (1760000000 + r.nextInt(9000000)) + " actor=");
            d.pos(EMAIL, "audit", email(r)).t(" src=").pos(IP_ADDRESS, "audit", ipv4(r));
            switch (r.nextInt(5)) {
                case 0 -> d.t(" action=VIEW object=persoon bsn=").pos(BSN, "audit-kv", bsnDigits(r)).t(" result=ok\n");
                case 1 -> d.t(" action=EXPORT object=klant id=").neg(BSN, "id-not11-fail", not11(r)).t(" rows=" + r.nextInt(900) + "\n");
                case 2 -> d.t(" action=UPDATE object=bankrekening new=").pos(IBAN, "audit-kv", ibanCompact(r)).t("\n");
                case 3 -> d.t(" action=LOGIN mfa=totp session=").neg(AWS_SECRET_KEY, "session-hex", hex(r, 24)).t("\n");
                default -> d.t(" action=ROTATE_KEY key_id=").neg(IP_ADDRESS, "uuid", uuid(r)).t(" by=system\n");
            }
        }
    }

    // ------------------------------------------------------------------ CSV

    static void csvEn(LabelledText d, Random r) {
        d.t("customer_id,full_name,email,phone,birth_date,card_number,signup_date,country\n");
        int rows = 15 + r.nextInt(15);
        for (int i = 0; i < rows; i++) {
            String n = enName(r);
            d.t(String.valueOf(100000 + r.nextInt(800000)) + ",\"" + n.split(" ")[1] + ", " + n.split(" ")[0] + "\",").pos(EMAIL, "csv", email(r, n)).t(",");
            if (r.nextInt(4) == 0) {
                d.t(",");
            } else {
                d.t("\"").pos(PHONE_NUMBER, "csv", phone(r)).t("\",");
            }
            d.pos(DATE_OF_BIRTH, "csv-column", date(r, 1945, 2005, 1)).t(",");
            if (r.nextInt(3) == 0) {
                d.neg(CREDIT_CARD, "luhn-fail", badCard(r));
            } else {
                d.pos(CREDIT_CARD, "csv", card(r));
            }
            d.t(",").neg(DATE_OF_BIRTH, "signup-date", date(r, 2018, 2026, 1)).t("," + pick(r, "NL", "GB", "BE") + "\n");
        }
    }

    static void csvPipe(LabelledText d, Random r) {
        d.t("lidnummer|naam|geboren|postcode|woonplaats|rekening|telefoon|contributie\n");
        int rows = 15 + r.nextInt(15);
        for (int i = 0; i < rows; i++) {
            d.t("L" + digits(r, 5) + "|" + nlName(r) + "|").pos(DATE_OF_BIRTH, "csv-column", date(r, 1940, 2016, 0)).t("|")
                    .pos(POSTCODE, "csv", postcode(r)).t("|" + pick(r, CITIES) + "|");
            if (r.nextInt(4) == 0) {
                d.neg(IBAN, "mod97-fail", badIban(r));
            } else {
                d.pos(IBAN, "csv", iban(r));
            }
            d.t("|").pos(PHONE_NUMBER, "csv", phone(r)).t("|" + (20 + r.nextInt(80)) + ",00\n");
        }
    }

    // ------------------------------------------------------------------ configs

    static void springYml(LabelledText d, Random r) {
        d.t("spring:\n  profiles: prod\n  datasource:\n    url: jdbc:postgresql://").pos(IP_ADDRESS, "jdbc-url", ipv4(r)).t(":5432/klanten\n");
        d.t("    username: app_rw\n    password: ").pos(GENERIC_SECRET, "yaml-password", secret(r)).t("\n");
        d.t("    hikari:\n      maximum-pool-size: 20\n  mail:\n    host: smtp.office365.com\n    username: ").pos(EMAIL, "yaml", email(r)).t("\n    password: '")
                .neg(GENERIC_SECRET, "placeholder", "${MAIL_PASSWORD}").t("'\n");
        d.t("security:\n  jwt:\n    signing-secret: \"").pos(GENERIC_SECRET, "yaml-secret", secret(r)).t("\"\n    expiry: 3600\n");
        d.t("cloud:\n  aws:\n    credentials:\n      access-key: ").pos(AWS_ACCESS_KEY, "yaml", awsKeyId(r)).t("\n      secret-key: ").pos(AWS_SECRET_KEY, "yaml", awsSecret(r)).t("\n");
        d.t("    region:\n      static: eu-west-1\nmanagement:\n  server:\n    address: ").pos(IP_ADDRESS, "loopback", "127.0.0.1").t("\ninfo:\n  app:\n    version: ")
                .neg(IP_ADDRESS, "version-4part", "4." + r.nextInt(9) + "." + r.nextInt(20) + "." + (1000 + r.nextInt(8000))).t("\n    commit: ").neg(AWS_SECRET_KEY, "git-sha", hex(r, 40)).t("\n");
    }

    static void railsDb(LabelledText d, Random r) {
        d.t("default: &default\n  adapter: postgresql\n  encoding: unicode\n  pool: <%= ENV.fetch(\"RAILS_MAX_THREADS\") { 5 } %>\n\n");
        d.t("development:\n  <<: *default\n  database: shop_development\n  password: ").neg(GENERIC_SECRET, "weak-password", pick(r, WEAK)).t("\n\n");
        d.t("test:\n  <<: *default\n  database: shop_test\n  password: ").neg(GENERIC_SECRET, "placeholder", pick(r, "changeme", "xxx", "dummy")).t("\n\n");
        d.t("production:\n  <<: *default\n  host: ").pos(IP_ADDRESS, "yaml", ipv4(r)).t("\n  database: shop_production\n  username: shop\n  password: <%= ENV['")
                .t("SHOP_DATABASE_PASSWORD'] %>\n\nreporting:\n  <<: *default\n  host: db-report.internal\n  password: \"").pos(GENERIC_SECRET, "yaml-password", password(r)).t("\"\n");
    }

    static void serverless(LabelledText d, Random r) {
        d.t("service: order-notifier\nframeworkVersion: '3'\n\nprovider:\n  name: aws\n  runtime: nodejs18.x\n  region: eu-central-1\n  environment:\n");
        d.t("    STAGE: ${sls:stage}\n    AWS_ACCESS_KEY_ID: ").pos(AWS_ACCESS_KEY, "yaml", awsKeyId(r)).t("\n    AWS_SECRET_ACCESS_KEY: ").pos(AWS_SECRET_KEY, "yaml", awsSecret(r)).t("\n");
        d.t("    SLACK_TOKEN: ${ssm:/notifier/slack-token}\n    SENDGRID_API_KEY: ").pos(GENERIC_SECRET, "yaml-apikey", "SG." + chars(r, ALNUM, 22) + "." + chars(r, ALNUM, 43)).t("\n");
        d.t("    SUPPORT_MAIL: ").pos(EMAIL, "yaml", email(r)).t("\n    DB_PASSWORD: ${env:DB_PASSWORD}\n\nfunctions:\n  notify:\n    handler: handler.notify\n    events:\n      - sqs: arn:aws:sqs:eu-central-1:")
                .t(digits(r, 4) + "0" + digits(r, 7)).t(":orders\n");
    }

    static void gitlabCi(LabelledText d, Random r) {
        d.t("stages: [build, test, deploy]\n\nvariables:\n  DOCKER_DRIVER: overlay2\n  REGISTRY_PASSWORD: ").pos(GENERIC_SECRET, "yaml-password", secret(r)).t("\n");
        d.t("  SONAR_TOKEN: \"").pos(GENERIC_SECRET, "yaml-token", hexSecret(r, 40)).t("\"\n  DEPLOY_TOKEN: $CI_DEPLOY_PASSWORD\n  GH_TOKEN: ").pos(GITHUB_TOKEN, "yaml", githubToken(r)).t("\n\n");
        d.t("build:\n  stage: build\n  image: maven:3.9.6-eclipse-temurin-17\n  script:\n    - mvn -B package -Dversion=").neg(IP_ADDRESS, "version-4part", "1." + r.nextInt(9) + "." + r.nextInt(9) + "." + (300 + r.nextInt(700)))
                .t("\n\ndeploy:\n  stage: deploy\n  script:\n    - ssh deploy@").pos(IP_ADDRESS, "ci", ipv4(r)).t(" 'systemctl restart app'\n  only: [main]\n");
    }

    static void dotenv(LabelledText d, Random r) {
        d.t("# generated " + recentDate(r) + " — do not commit\n");
        d.t("export DATABASE_PASSWORD=").pos(GENERIC_SECRET, "env-export", secret(r)).t("\n");
        d.t("API_KEY=\"").pos(GENERIC_SECRET, "env-quoted", secret(r)).t("\"\n");
        d.t("STRIPE_SECRET='").pos(GENERIC_SECRET, "env-quoted-prefixed", "sk_live_" + chars(r, ALNUM, 24)).t("'\n");
        d.t("# SMTP_PASSWORD=").neg(GENERIC_SECRET, "placeholder", pick(r, "changeme", "<password>", "xxxxxxxx")).t("\n");
        d.t("SESSION_SECRET=").neg(GENERIC_SECRET, "placeholder", "${SESSION_SECRET}").t("\nADMIN_PASSWORD=").neg(GENERIC_SECRET, "weak-password", pick(r, WEAK)).t("\n");
        d.t("GITHUB_TOKEN=").pos(GITHUB_TOKEN, "env", githubToken(r)).t("\n");
        d.t("AWS_ACCESS_KEY_ID=").pos(AWS_ACCESS_KEY, "env", awsKeyId(r)).t("\nAWS_SECRET_ACCESS_KEY=").pos(AWS_SECRET_KEY, "env", awsSecret(r)).t("\n");
        d.t("AWS_REGION=eu-west-1\nREDIS_HOST=").pos(IP_ADDRESS, "env", ipv4(r)).t("\nAPP_VERSION=").neg(IP_ADDRESS, "version-3part", "5." + r.nextInt(10) + "." + r.nextInt(10)).t("\n");
        d.t("AUTH_TOKEN = ").pos(GENERIC_SECRET, "env-spaced", secret(r)).t("   # rotated monthly\n");
        d.t("MAIL_FROM=").pos(EMAIL, "env", "noreply@" + pick(r, DOMAINS)).t("\nTZ=Europe/Amsterdam\n");
    }

    // ------------------------------------------------------------------ source code

    static void javaSrc(LabelledText d, Random r) {
        int i = r.nextInt(1000);
        d.t("package nl.voorbeeld.klant;\n\nimport org.junit.jupiter.api.Test;\nimport static org.assertj.core.api.Assertions.assertThat;\n\n");
        d.t("class CustomerFixtures" + i + " {\n\n    private static final String TEST_BSN = \"").pos(BSN, "java-const", bsnDigits(r)).t("\";\n");
        d.t("    private static final String INVALID_BSN = \"").neg(BSN, "test-invalid-fail", not11(r)).t("\"; // fails 11-proof on purpose\n");
        d.t("    private static final String IBAN = \"").pos(IBAN, "java-const", ibanCompact(r)).t("\";\n");
        d.t("    private static final String API_SECRET = \"").pos(GENERIC_SECRET, "java-const", secret(r)).t("\";\n");
        d.t("    private static final String PASSWORD = \"").neg(GENERIC_SECRET, "placeholder", pick(r, "changeme", "<password>", "****")).t("\";\n");
        d.t("    private static final UUID TENANT = UUID.fromString(\"").neg(IP_ADDRESS, "uuid", uuid(r)).t("\");\n\n");
        d.t("    @Test\n    void acceptsValidCard() {\n        assertThat(Luhn.isValid(\"").pos(CREDIT_CARD, "java-test", cardDigits(r)).t("\")).isTrue();\n");
        d.t("        assertThat(Luhn.isValid(\"").neg(CREDIT_CARD, "luhn-fail", badCard(r)).t("\")).isFalse();\n    }\n\n");
        d.t("    @Test\n    void parsesBirthDate() {\n        Customer c = new Customer(\"" + nlName(r) + "\", LocalDate.parse(\"").pos(DATE_OF_BIRTH, "java-birth", date(r, 1950, 2004, 1))
                .t("\"));\n        c.setEmail(\"").pos(EMAIL, "java", email(r)).t("\");\n        c.setCreatedAt(Instant.parse(\"").neg(DATE_OF_BIRTH, "created-at", ts(r)).t("\"));\n");
        d.t("        assertThat(c.getPhone()).isEqualTo(\"").pos(PHONE_NUMBER, "java", phone(r)).t("\");\n    }\n}\n");
    }

    static void pythonSrc(LabelledText d, Random r) {
        d.t("import pytest\nfrom decimal import Decimal\n\nfrom payments.sepa import validate_iban, Mandate\n\n");
        d.t("VALID = [\n");
        for (int i = 0; i < 3 + r.nextInt(3); i++) {
            d.t("    \"").pos(IBAN, "py-list", iban(r)).t("\",\n");
        }
        d.t("]\nINVALID = [\"").neg(IBAN, "mod97-fail", badIban(r)).t("\", \"NL00XXXX0000000000\"]\n\n");
        d.t("STRIPE_KEY = \"").pos(GENERIC_SECRET, "py-const", secret(r)).t("\"  # TODO move to vault\n");
        d.t("DEFAULT_PASSWORD = os.environ.get(\"DEFAULT_PASSWORD\", \"").neg(GENERIC_SECRET, "placeholder", "changeme").t("\")\n\n");
        d.t("@pytest.fixture\ndef mandate():\n    return Mandate(\n        debtor_name=\"" + nlName(r) + "\",\n        debtor_email=\"").pos(EMAIL, "py", email(r))
                .t("\",\n        debtor_birth_date=date.fromisoformat(\"").pos(DATE_OF_BIRTH, "py-birth", date(r, 1950, 2004, 1))
                .t("\"),\n        signed_on=date(2025, " + (1 + r.nextInt(12)) + ", " + (1 + r.nextInt(28)) + "),\n        amount=Decimal(\"" + r.nextInt(200) + ".50\"),\n    )\n\n");
        d.t("@pytest.mark.parametrize(\"iban\", VALID)\ndef test_valid(iban):\n    assert validate_iban(iban)\n\n");
        d.t("def test_reference():\n    assert Mandate.reference_for(").neg(BSN, "ref-not11-fail", not11(r)).t(") == \"MND-").t(hex(r, 6)).t("\"\n");
    }

    static void jsSrc(LabelledText d, Random r) {
        d.t("'use strict';\n\nmodule.exports = {\n  port: process.env.PORT || 3000,\n  mongo: {\n    uri: 'mongodb://app:").pos(GENERIC_SECRET, "url-password", secret(r))
                .t("@").pos(IP_ADDRESS, "url", ipv4(r)).t(":27017/shop',\n  },\n");
        d.t("  jwt: {\n    secret: process.env.JWT_SECRET || '").pos(GENERIC_SECRET, "js-fallback", secret(r)).t("',\n    // example: ")
                .pos(JWT, "js-comment", jwt(r)).t("\n  },\n");
        d.t("  github: { token: '").pos(GITHUB_TOKEN, "js", githubToken(r)).t("' },\n  admin: { email: '").pos(EMAIL, "js", email(r)).t("', password: '")
                .neg(GENERIC_SECRET, "placeholder", "<password>").t("' },\n");
        d.t("  build: { hash: '").neg(AWS_SECRET_KEY, "git-sha", hex(r, 40)).t("', version: '").neg(IP_ADDRESS, "version-3part", "1." + r.nextInt(40) + "." + r.nextInt(10))
                .t("' },\n};\n");
    }

    static void kotlinSrc(LabelledText d, Random r) {
        d.t("package nl.zorg.dossier\n\nimport kotlin.test.Test\nimport kotlin.test.assertEquals\n\n");
        d.t("class PatientTest {\n    private val patient = Patient(\n        naam = \"" + nlName(r) + "\",\n        bsn = \"").pos(BSN, "kotlin", bsn(r))
                .t("\",\n        geboortedatum = LocalDate.parse(\"").pos(DATE_OF_BIRTH, "kotlin-geboortedatum", date(r, 1940, 2004, 1)).t("\"),\n");
        d.t("        postcode = \"").pos(POSTCODE, "kotlin", postcode(r)).t("\",\n        telefoon = \"").pos(PHONE_NUMBER, "kotlin", phone(r)).t("\",\n        paspoort = \"")
                .pos(PASSPORT_NUMBER, "kotlin", docNumber(r)).t("\",\n    )\n\n");
        d.t("    @Test\n    fun `rejects invalid bsn`() {\n        assertEquals(false, Bsn.isValid(\"").neg(BSN, "test-invalid-fail", not11(r)).t("\"))\n    }\n\n");
        d.t("    @Test\n    fun `sku is not a passport`() {\n        assertEquals(\"").neg(PASSPORT_NUMBER, "sku", chars(r, "ABCDEFGHIJKLMNPQRSTUVWXYZ", 3) + digits(r, 6)).t("\", Product.sku)\n    }\n}\n");
    }

    static void rubySrc(LabelledText d, Random r) {
        d.t("# db/seeds.rb — demo data\nrequire 'faker'\n\n");
        int n = 4 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            String nm = nlName(r);
            d.t("User.create!(name: '" + nm + "', email: '").pos(EMAIL, "ruby", email(r, nm)).t("', phone: '").pos(PHONE_NUMBER, "ruby", phone(r))
                    .t("', born_on: '").pos(DATE_OF_BIRTH, "ruby-born-on", date(r, 1950, 2004, 1)).t("', zip: '").pos(POSTCODE, "ruby", postcode(r)).t("')\n");
        }
        d.t("\nAdmin.create!(email: '").pos(EMAIL, "example-domain", "admin@example.org").t("', password: '").neg(GENERIC_SECRET, "weak-password", pick(r, WEAK)).t("')\n");
        d.t("ApiClient.create!(name: 'partner', secret: '").pos(GENERIC_SECRET, "ruby", secret(r)).t("')\n");
        d.t("Order.create!(number: '").neg(BSN, "order-not11-fail", not11(r)).t("', placed_at: '").neg(DATE_OF_BIRTH, "created-at", date(r, 2024, 2026, 1)).t("')\n");
    }

    static void rustSrc(LabelledText d, Random r) {
        d.t("use std::net::IpAddr;\n\npub const DEFAULT_BIND: &str = \"").pos(IP_ADDRESS, "rust", ipv4(r)).t("\";\n");
        d.t("pub const API_TOKEN: &str = \"").pos(GENERIC_SECRET, "rust-const", secret(r)).t("\";\n");
        d.t("const PUBLIC_KEY_FINGERPRINT: &str = \"SHA256:").neg(AWS_SECRET_KEY, "ssh-fingerprint", chars(r, ALNUM, 43)).t("\";\n\n");
        d.t("#[cfg(test)]\nmod tests {\n    use super::*;\n\n    #[test]\n    fn card_checksum() {\n        assert!(luhn(\"").pos(CREDIT_CARD, "rust-test", formatCard(r, cardDigits(r)))
                .t("\"));\n        assert!(!luhn(\"").neg(CREDIT_CARD, "luhn-fail", badCard(r)).t("\"));\n    }\n\n");
        d.t("    #[test]\n    fn parses_jwt() {\n        let t = \"").pos(JWT, "rust-test", jwt(r)).t("\";\n        assert_eq!(decode(t).unwrap().alg, \"HS256\");\n    }\n}\n");
    }

    static void swiftSrc(LabelledText d, Random r) {
        d.t("import Foundation\n\nenum Secrets {\n    static let analyticsKey = \"").pos(GENERIC_SECRET, "swift", secret(r)).t("\"\n");
        d.t("    static let awsAccessKey = \"").pos(AWS_ACCESS_KEY, "swift", awsKeyId(r)).t("\"\n    static let awsSecretKey = \"").pos(AWS_SECRET_KEY, "swift", awsSecret(r)).t("\"\n");
        d.t("    static let sentryDsn = \"https://").neg(GENERIC_SECRET, "sentry-key", hex(r, 32)).t("@o" + digits(r, 6) + ".ingest.sentry.io/" + digits(r, 7) + "\"\n");
        d.t("    static let placeholderToken = \"").neg(GENERIC_SECRET, "placeholder", "<your-api-key>").t("\"\n}\n\n");
        d.t("struct SupportContact {\n    let email = \"").pos(EMAIL, "swift", email(r)).t("\"\n    let phone = \"").pos(PHONE_NUMBER, "swift", phone(r)).t("\"\n}\n");
    }

    static void sqlDump(LabelledText d, Random r) {
        d.t("-- MySQL dump 10.13  Distrib ").neg(IP_ADDRESS, "version-3part", "8.0." + (30 + r.nextInt(10))).t(", for Linux (x86_64)\n\n");
        d.t("CREATE TABLE `klanten` (\n  `id` int NOT NULL AUTO_INCREMENT,\n  `naam` varchar(120),\n  `bsn` char(9),\n  `geboortedatum` date,\n  `iban` varchar(34),\n"
                + "  `aangemaakt` datetime,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n\n");
        d.t("INSERT INTO `klanten` (`id`, `naam`, `bsn`, `geboortedatum`, `iban`, `aangemaakt`) VALUES\n");
        int n = 5 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            d.t("(" + (i + 1) + ",'" + nlName(r).replace("'", "''") + "','").pos(BSN, "sql", bsnDigits(r)).t("','").pos(DATE_OF_BIRTH, "sql-column", date(r, 1940, 2005, 1))
                    .t("','").pos(IBAN, "sql", ibanCompact(r)).t("','").neg(DATE_OF_BIRTH, "created-at", date(r, 2020, 2026, 1)).t(" 1" + r.nextInt(10) + ":00:00')" + (i + 1 < n ? "," : ";") + "\n");
        }
        d.t("\nUPDATE gebruikers SET email = '").pos(EMAIL, "sql", email(r)).t("', laatste_ip = '").pos(IP_ADDRESS, "sql", ipv4(r)).t("' WHERE id = " + r.nextInt(9999) + ";\n");
        d.t("UPDATE bestellingen SET status = 'verzonden' WHERE ordernummer = ").neg(BSN, "order-not11-fail", not11(r)).t(";\n");
    }

    // ------------------------------------------------------------------ docs and hard negatives

    static void apiDoc(LabelledText d, Random r) {
        d.t("# Partner API — getting started\n\nAuthenticate with a bearer token. Example (not a real token):\n\n```\ncurl -H \"Authorization: Bearer ")
                .neg(JWT, "doc-placeholder", "<your-jwt>").t("\" https://api.example.com/v1/me\n```\n\n");
        d.t("Your personal access token looks like `").neg(GITHUB_TOKEN, "doc-example", "ghp_" + "X".repeat(36)).t("`; AWS keys look like `")
                .neg(AWS_ACCESS_KEY, "aws-doc-example", "AKIAIOSFODNN7EXAMPLE").t("`.\n\n");
        d.t("Set `api_key: ").neg(GENERIC_SECRET, "placeholder", "${API_KEY}").t("` and `password: ").neg(GENERIC_SECRET, "placeholder", "<password>").t("` in your config.\n\n");
        d.t("## Verifying webhooks\n\nOur public signing key:\n\n```\n").neg(PRIVATE_KEY, "public-key", pemBlock(r, "PUBLIC KEY", "", "\n")).t("\n```\n\n");
        d.t("Certificate chain:\n\n```\n").neg(PRIVATE_KEY, "certificate", pemBlock(r, "CERTIFICATE", "", "\n")).t("\n```\n\n");
        d.t("Checksums for release ").neg(IP_ADDRESS, "version-3part", "2." + r.nextInt(9) + "." + r.nextInt(9)).t(":\n\n| file | sha256 |\n|---|---|\n");
        d.t("| partner-cli.zip | ").neg(AWS_SECRET_KEY, "sha256", hex(r, 64)).t(" |\n| partner-cli.tar.gz | ").neg(AWS_SECRET_KEY, "sha256", hex(r, 64)).t(" |\n\n");
        d.t("Test IBAN for the sandbox: use any value; we reject `").neg(IBAN, "mod97-fail", badIban(r)).t("`. Test card numbers fail unless Luhn-valid, e.g. `")
                .neg(CREDIT_CARD, "luhn-fail", badCard(r)).t("` is rejected.\n\nSee ISBN ").neg(CREDIT_CARD, "isbn13", isbn13(r)).t(" (the book) for background.\n");
    }

    static void factuur(LabelledText d, Random r) {
        d.t(pick(r, "Bakkerij De Korenschoof B.V.", "Installatiebedrijf Smit", "Webbureau Pixelpaard") + "\n" + street(r) + ", ").pos(POSTCODE, "letterhead", postcode(r))
                .t(" " + pick(r, CITIES) + "\nKvK ").neg(BSN, "kvk-8digit", String.valueOf(10000000 + r.nextInt(89999999))).t("   BTW NL").neg(BSN, "btw-not11-fail", not11(r)).t("B01\n");
        d.t("IBAN ").pos(IBAN, "invoice", group4(ibanCompact(r))).t("\n\nFACTUUR\n\nFactuurnummer:  ").neg(BSN, "invoice-not11-fail", not11(r)).t("\nFactuurdatum:   ")
                .neg(DATE_OF_BIRTH, "invoice-date", recentDate(r)).t("\nVervaldatum:    ").neg(DATE_OF_BIRTH, "due-date", recentDate(r)).t("\n\n");
        d.t("Omschrijving                         EAN              Aantal   Bedrag\n");
        for (int i = 0; i < 3 + r.nextInt(4); i++) {
            d.t(String.format(Locale.ROOT, "%-36s ", pick(r, "Onderhoud cv-ketel", "Hosting pakket M", "Taart 24p", "Arbeid per uur"))).neg(CREDIT_CARD, "ean13", ean13(r))
                    .t(String.format(Locale.ROOT, "   %3d   %6d,%02d\n", 1 + r.nextInt(5), r.nextInt(900), r.nextInt(100)));
        }
        d.t("\nGelieve binnen 14 dagen te voldoen. Vragen: ").pos(PHONE_NUMBER, "invoice", phone(r)).t(" / ").pos(EMAIL, "invoice", email(r)).t("\n");
    }

    static void changelog(LabelledText d, Random r) {
        d.t("# Changelog\n\n");
        for (int i = 0; i < 4 + r.nextInt(4); i++) {
            d.t("## [").neg(IP_ADDRESS, "version-3part", (1 + r.nextInt(5)) + "." + r.nextInt(20) + "." + r.nextInt(10)).t("] - ").neg(DATE_OF_BIRTH, "release-date", date(r, 2020, 2026, 1)).t("\n\n");
            d.t("- Fixed crash on Windows ").neg(IP_ADDRESS, "version-win", "10.0." + (17763 + r.nextInt(5000)) + "." + r.nextInt(3000)).t(" (").neg(AWS_SECRET_KEY, "git-sha-short", hex(r, 7)).t(")\n");
            d.t("- Bumped jackson to ").neg(IP_ADDRESS, "version-3part", "2." + (15 + r.nextInt(5)) + "." + r.nextInt(4)).t("\n");
            d.t("- Merged PR #" + (100 + r.nextInt(900)) + " by @" + pick(r, FIRST_EN).toLowerCase(Locale.ROOT) + ", commit ").neg(AWS_SECRET_KEY, "git-sha", hex(r, 40)).t("\n\n");
        }
    }

    static void keysPy(LabelledText d, Random r) {
        d.t("\"\"\"Signing helpers. The test key below was generated for CI only.\"\"\"\n\n");
        d.t("TEST_PRIVATE_KEY = \"\"\"").pos(PRIVATE_KEY, "py-triple-quoted", pemBlock(r, pick(r, "RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY"), "", "\n")).t("\n\"\"\"\n\n");
        d.t("SERVER_CERT = \"\"\"").neg(PRIVATE_KEY, "certificate", pemBlock(r, "CERTIFICATE", "", "\n")).t("\n\"\"\"\n\n");
        d.t("DEPLOY_KEY = \"").pos(PRIVATE_KEY, "py-escaped", pemBlock(r, "OPENSSH PRIVATE KEY", "", "\\n")).t("\\n\"\n\n");
        d.t("SIGNING_PUB = \"").neg(PRIVATE_KEY, "public-key-escaped", pemBlock(r, "PUBLIC KEY", "", "\\n")).t("\"\n\n");
        d.t("def sign(payload: bytes, key: str = TEST_PRIVATE_KEY) -> bytes:\n    return _rsa_sign(payload, key)\n");
    }

    static void proseEn(LabelledText d, Random r) {
        String n = enName(r);
        d.t("Incident write-up, " + recentDate(r) + "\n\n");
        d.t("At 14:02 the on-call engineer (" + n + ", ").pos(EMAIL, "prose", email(r, n)).t(") noticed a spike of requests from ").pos(IP_ADDRESS, "prose", ipv4(r))
                .t(". The attacker had a valid session for a customer born ").pos(DATE_OF_BIRTH, "prose-born", dob(r)).t(", whose card ending in ")
                .neg(CREDIT_CARD, "last4", digits(r, 4)).t(" was used twice.\n\n");
        d.t("Root cause: a developer pasted an AWS key pair into a public gist — the access key was ").pos(AWS_ACCESS_KEY, "prose", awsKeyId(r))
                .t(" and the secret ").pos(AWS_SECRET_KEY, "prose", awsSecret(r)).t(". Both were rotated within the hour.\n\n");
        d.t("We also found the customer's full card number ").pos(CREDIT_CARD, "prose", card(r)).t(" in a support note, and their phone, ").pos(PHONE_NUMBER, "prose", phone(r))
                .t(". Ticket ").neg(BSN, "ticket-not11-fail", not11(r)).t(" tracks the cleanup. Build ").neg(IP_ADDRESS, "version-4part", "3." + r.nextInt(9) + "." + r.nextInt(9) + "." + (2000 + r.nextInt(900)))
                .t(" contains the fix.\n");
    }

    static void proseNl(LabelledText d, Random r) {
        String n = nlName(r);
        d.t("Notitie telefoongesprek " + recentDate(r) + "\n\n");
        d.t("Mevrouw " + n.split(" ", 2)[1] + " belde over haar toeslag. Ze gaf haar BSN door (").pos(BSN, "prose-paren", bsn(r)).t(") en zei dat ze op ")
                .pos(DATE_OF_BIRTH, "prose-born", dob(r)).t(" geboren is. Haar ID-kaart heeft nummer ").pos(ID_CARD_NUMBER, "prose", docNumber(r)).t(".\n");
        d.t("Ze wil teruggebeld worden op ").pos(PHONE_NUMBER, "prose", phone(r)).t(" en de beschikking graag per mail op ").pos(EMAIL, "prose", email(r, n)).t(".\n");
        d.t("Uitbetalen op ").pos(IBAN, "prose", iban(r)).t(". Haar vorige aanvraag (nr. ").neg(BSN, "aanvraag-not11-fail", not11(r)).t(") is op ")
                .neg(DATE_OF_BIRTH, "decision-date", recentDate(r)).t(" afgewezen.\n");
        d.t("Adres: " + street(r) + ", ").pos(POSTCODE, "prose", postcode(r)).t(" " + pick(r, CITIES) + ". Locatie kantoor: 51.").t(digits(r, 4)).t(", 5.").t(digits(r, 4)).t(".\n");
    }

    static void tracking(LabelledText d, Random r) {
        String n = nlName(r);
        d.t("Beste " + n.split(" ")[0] + ",\n\nJe pakket is onderweg! Track & trace: 3S").neg(BSN, "tracking-not11-fail", chars(r, UPPER, 4) + not11(r)).t("\n");
        d.t("Bezorgadres: " + street(r) + ", ").pos(POSTCODE, "address", postcode(r)).t(" " + pick(r, CITIES) + "\n");
        d.t("Verwachte bezorging: ").neg(DATE_OF_BIRTH, "delivery-date", recentDate(r)).t(" tussen 14:00 en 16:30\nBestelnummer: ").neg(BSN, "order-not11-fail", not11(r))
                .t("\nArtikel: ").neg(CREDIT_CARD, "ean13", ean13(r)).t(" (1x)\n\nVragen? Mail ").pos(EMAIL, "mail", "klantenservice@" + pick(r, DOMAINS)).t("\n");
    }

    // ------------------------------------------------------------------ added kinds

    static void csvNlAbbrev(LabelledText d, Random r) {
        d.t("Achternaam;Voorl.;Geb.datum;Sofinummer;Rekeningnr.;Mobiel;E-mail;In dienst\n");
        int rows = 12 + r.nextInt(12);
        for (int i = 0; i < rows; i++) {
            String n = nlName(r);
            String[] p = n.split(" ", 2);
            d.t(p[1] + ";" + p[0].charAt(0) + ".;").pos(DATE_OF_BIRTH, "csv-abbrev", date(r, 1955, 2004, r.nextBoolean() ? 0 : 6)).t(";");
            if (r.nextInt(5) == 0) {
                d.neg(BSN, "csv-not11-fail", not11(r));
            } else {
                d.pos(BSN, "csv", bsn(r));
            }
            d.t(";").pos(IBAN, "csv", iban(r)).t(";").pos(PHONE_NUMBER, "csv", phone(r)).t(";").pos(EMAIL, "csv", email(r, n)).t(";")
                    .neg(DATE_OF_BIRTH, "hire-date", date(r, 2017, 2026, 0)).t("\n");
        }
    }

    static void helm(LabelledText d, Random r) {
        d.t("replicaCount: 3\nimage:\n  repository: registry.example.com/klantportaal\n  tag: \"").neg(IP_ADDRESS, "version-3part", "2." + r.nextInt(30) + "." + r.nextInt(10))
                .t("\"\n  digest: sha256:").neg(AWS_SECRET_KEY, "sha256", hex(r, 64)).t("\n\n");
        d.t("postgresql:\n  enabled: true\n  auth:\n    username: portaal\n    password: ").pos(GENERIC_SECRET, "yaml-password", secret(r))
                .t("\n    existingSecret: \"\"\n  primary:\n    service:\n      clusterIP: ").pos(IP_ADDRESS, "yaml", "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254))).t("\n\n");
        d.t("redis:\n  auth:\n    password: \"").neg(GENERIC_SECRET, "placeholder", "{{ .Values.global.redisPassword }}").t("\"\n\n");
        d.t("env:\n  - name: OIDC_CLIENT_SECRET\n    value: \"").pos(GENERIC_SECRET, "yaml-env-value", secret(r)).t("\"\n  - name: SUPPORT_EMAIL\n    value: ")
                .pos(EMAIL, "yaml", email(r)).t("\n  - name: FEATURE_FLAGS\n    value: \"beta,darkmode\"\n\n");
        d.t("ingress:\n  hosts:\n    - host: portaal.example.nl\n  annotations:\n    nginx.ingress.kubernetes.io/whitelist-source-range: \"").neg(IP_ADDRESS, "cidr", "10.0.0.0/8")
                .t(",").pos(IP_ADDRESS, "yaml", ipv4(r)).t("/32\"\n");
        d.t("tls:\n  key: |\n    ").pos(PRIVATE_KEY, "yaml-block", pemBlock(r, "RSA PRIVATE KEY", "    ", "\n")).t("\n  crt: |\n    ")
                .neg(PRIVATE_KEY, "certificate", pemBlock(r, "CERTIFICATE", "    ", "\n")).t("\n");
    }

    static void gha(LabelledText d, Random r) {
        d.t("name: deploy\non:\n  push:\n    branches: [main]\n\nenv:\n  NODE_VERSION: ").neg(IP_ADDRESS, "version-3part", "20." + r.nextInt(12) + "." + r.nextInt(5))
                .t("\n  AWS_REGION: eu-west-1\n  AWS_ACCESS_KEY_ID: ").pos(AWS_ACCESS_KEY, "yaml", awsKeyId(r)).t("   # TODO use OIDC\n  AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n\n");
        d.t("jobs:\n  deploy:\n    runs-on: ubuntu-22.04\n    steps:\n      - uses: actions/checkout@").neg(AWS_SECRET_KEY, "git-sha", hex(r, 40)).t(" # v4\n");
        d.t("      - name: notify\n        run: |\n          curl -s -X POST -H \"Authorization: token ").pos(GITHUB_TOKEN, "yaml-run", githubToken(r))
                .t("\" https://api.github.com/repos/acme/portal/statuses/${{ github.sha }}\n");
        d.t("      - name: smoke test\n        env:\n          API_TOKEN: ${{ secrets.API_TOKEN }}\n          TEST_USER_PASSWORD: ").pos(GENERIC_SECRET, "yaml-password", password(r))
                .t("\n        run: ./smoke.sh --host ").pos(IP_ADDRESS, "yaml-run", ipv4(r)).t(" --mail ").pos(EMAIL, "yaml-run", email(r)).t("\n");
    }

    static void forumNl(LabelledText d, Random r) {
        String n = nlName(r);
        d.t("Onderwerp: Belastingdienst vraagt om kopie ID — phishing?\n\n" + n + " schreef op " + recentDate(r) + ":\n");
        d.t("Ik kreeg een sms van ").pos(PHONE_NUMBER, "prose", phone(r)).t(" dat ik mijn BSN en IBAN moest bevestigen via een link. Ik heb (stom) mijn IBAN ")
                .pos(IBAN, "prose", iban(r)).t(" al ingevuld. Het ordernummer in de sms was ").neg(BSN, "order-not11-fail", not11(r)).t(".\n\n");
        d.t("Reactie van moderator:\nHaal je persoonsgegevens uit je post! Je BSN (").pos(BSN, "prose-paren", bsn(r)).t(") stond er net ook in. Meld het bij ")
                .pos(EMAIL, "prose", "valse-email@" + pick(r, "fraudehelpdesk.nl", "belastingdienst.nl")).t(".\n\n");
        d.t("Reactie:\nBij mij kwam hij van ").pos(EMAIL, "prose", email(r)).t(", met een \"dossiernummer\" ").neg(BSN, "dossier-not11-fail", not11(r))
                .t(" en een 'geboortedatum' die niet eens klopte (").neg(DATE_OF_BIRTH, "wrong-dob-quoted", date(r, 2020, 2026, 0)).t(").\n");
        d.t("Ik ben zelf geboren op ").pos(DATE_OF_BIRTH, "prose-born", dob(r)).t(", dus dat was makkelijk te zien. Postcode ").pos(POSTCODE, "prose", postcode(r))
                .t(" klopte wel, eng.\n");
    }

    static void pySettings(LabelledText d, Random r) {
        d.t("import os\n\nDEBUG = False\nALLOWED_HOSTS = [\"").pos(IP_ADDRESS, "py", ipv4(r)).t("\", \"portal.example.nl\"]\n\n");
        d.t("DATABASES = {\n    \"default\": {\n        \"ENGINE\": \"django.db.backends.postgresql\",\n        \"HOST\": os.getenv(\"DB_HOST\", \"").pos(IP_ADDRESS, "py", ipv4(r))
                .t("\"),\n        \"PASSWORD\": os.getenv(\"DB_PASSWORD\", \"").pos(GENERIC_SECRET, "py-getenv-default", secret(r)).t("\"),\n    },\n    \"legacy\": {\n        \"PASSWORD\": \"")
                .neg(GENERIC_SECRET, "placeholder", pick(r, "changeme", "xxx", "<password>")).t("\",\n    },\n}\n\n");
        d.t("SECRET_KEY = \"").pos(GENERIC_SECRET, "py-django-secret", "django-insecure-" + chars(r, ALNUM + "!@#%^&*(-_=+)", 40)).t("\"\n");
        d.t("EMAIL_HOST_PASSWORD = \"").neg(GENERIC_SECRET, "weak-password", pick(r, WEAK)).t("\"\nDEFAULT_FROM_EMAIL = \"").pos(EMAIL, "py", "noreply@" + pick(r, DOMAINS)).t("\"\n");
        d.t("AWS_STORAGE_BUCKET_NAME = \"portal-media\"\nAWS_S3_ACCESS_KEY_ID = \"").pos(AWS_ACCESS_KEY, "py", awsKeyId(r)).t("\"\nAWS_S3_SECRET_ACCESS_KEY = \"")
                .pos(AWS_SECRET_KEY, "py", awsSecret(r)).t("\"\n");
        d.t("SENTRY_DSN = \"https://").neg(GENERIC_SECRET, "sentry-key", hex(r, 32)).t("@o" + digits(r, 6) + ".ingest.sentry.io/" + digits(r, 7) + "\"\nVERSION = \"")
                .neg(IP_ADDRESS, "version-4part", "1." + r.nextInt(9) + "." + r.nextInt(9) + "." + (256 + r.nextInt(700))).t("\"\n");
    }
}
