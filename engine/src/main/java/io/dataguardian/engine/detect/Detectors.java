package io.dataguardian.engine.detect;

import static io.dataguardian.engine.Severity.CRITICAL;
import static io.dataguardian.engine.Severity.HIGH;
import static io.dataguardian.engine.Severity.LOW;
import static io.dataguardian.engine.Severity.MEDIUM;

import io.dataguardian.engine.Severity;
import io.dataguardian.engine.detect.Ctx;
import io.dataguardian.engine.detect.Detector.Mask;
import io.dataguardian.engine.detect.Detector.Norm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The declarations of every built-in detector: one place for ids, entity types, severities,
 * articles, confidences, context classes and evidence. Indices are the order of declaration and are
 * what {@link CandidateFinder} emits.
 */
final class Detectors {

    static final int BSN = 0, RSIN = 1, IBAN = 2, PHONE = 3, POSTCODE = 4, ADDRESS = 5, NL_PASSPORT = 6,
            NL_ID_CARD = 7, DRIVING = 8, KVK = 9, VAT = 10, EMAIL = 11, CARD = 12, IP = 13, DOB = 14,
            PASSPORT = 15, PERSON = 16, HEALTH = 17, RELIGION = 18, ETHNICITY = 19, POLITICAL = 20,
            UNION = 21, SEXUAL = 22, BIOMETRIC = 23, GENETIC = 24, MINOR = 25, AWS_ACCESS = 26,
            AWS_SECRET = 27, GITHUB = 28, GITLAB = 29, SLACK = 30, STRIPE = 31, GOOGLE = 32,
            PRIVATE_KEY = 33, JWT = 34, CONNECTION = 35, GENERIC_SECRET = 36, WEAK_PASSWORD = 37;

    static final String ART6 = "GDPR Art. 6";
    static final String ART9 = "GDPR Art. 9";
    static final String ART32 = "GDPR Art. 32";
    static final String ART87 = "GDPR Art. 87";
    static final String UAVG46 = "UAVG Art. 46";
    static final String UAVG22 = "UAVG Art. 22";

    static final List<Detector> ALL;

    private static final List<Detector> list = new ArrayList<>();

    private static Detector d(String id, String type, String name, String description, Severity severity,
                              String... articles) {
        Detector det = new Detector(list.size(), id, type, name, description, severity, List.of(articles));
        list.add(det);
        return det;
    }

    static {
        d("nl-bsn", "BSN", "Dutch citizen service number (BSN)",
                "Nine digits (also 123.456.782, 123 456 782, 1234.56.782) that pass the 11-proof; a BSN label raises "
                        + "confidence, order/invoice/tracking context lowers it, patient/medical context makes it CRITICAL.",
                HIGH, ART87, UAVG46)
                .base(0.62).priority(60).boost(Ctx.BSN).penalty(Ctx.ORDER, Ctx.RSIN, Ctx.PASSPORT, Ctx.IDCARD,
                        Ctx.DRIVING, Ctx.KVK, Ctx.HASH, Ctx.VAT)
                .norm(Norm.DIGITS).family("bsn")
                .positives("BSN: [[111222333]]", "burgerservicenummer [[123.456.782]] van de klant",
                        "sofinummer [[123 456 782]]", "bsn=[[1234.56.782]]", "Klant [[111222333]] belde vandaag",
                        "\"bsn\": \"[[123456782]]\"")
                .negatives("BSN: 123456789", "bsn 111111111", "ordernummer 123456782", "invoice nr 111222333",
                        "tracking 123456782 shipped", "1234567820", "amount 123456782.50", "id 0.123456782",
                        "uuid 6f1c2b3a-1234-4567-8abc-123456782def");
        d("nl-rsin", "RSIN", "Dutch legal entity number (RSIN)",
                "Nine digits passing the 11-proof with RSIN / fiscal number context nearby.",
                MEDIUM, ART6)
                .base(0.9).priority(62).requires(Ctx.RSIN).norm(Norm.DIGITS).family("bsn")
                .positives("RSIN: [[123456782]]", "rsin [[111.222.333]] van de stichting")
                .negatives("RSIN: 123456789", "BSN: 123456782");
        d("iban", "IBAN", "International bank account number (IBAN)",
                "IBAN of any registry country with its fixed length and the ISO 13616 mod-97 check, compact or "
                        + "grouped by four, in upper or lower case; Dutch IBANs need a four-letter bank code.",
                HIGH, ART6)
                .base(0.95).priority(80).mask(Mask.IBAN).norm(Norm.UPPER_ALNUM)
                .positives("IBAN: [[NL91ABNA0417164300]]", "rekening [[NL91 ABNA 0417 1643 00]] t.n.v.",
                        "[[DE89370400440532013000]]", "pay to [[GB82 WEST 1234 5698 7654 32]].",
                        "[[BE68539007547034]]", "iban=[[FR1420041010050500013M02606]]", "Salary account: [[CH93 0076 2011 6238 5295 7]]",
                        "[[LI21088100002324013AA]]", "iban: [[nl91abna0417164300]]", "rekening [[nl91 abna 0417 1643 00]]",
                        "[[de89 3704 0044 0532 0130 00]]", "\"iban\": \"[[be68539007547034]]\"")
                .negatives("NL91ABNA0417164301", "NL91ABNA041716430", "NL12ABNA0123456789", "XX91ABNA0417164300",
                        "NL91AB1A0417164300", "DE8937040044053201300", "nl91abna0417164301", "nl91 abna 0417 1643 0",
                        "xx91abna0417164300", "be68539007547035", "de89370400440532013000x", "nl91ab1a0417164300");
        d("phone-number", "PHONE_NUMBER", "Phone number",
                "Dutch mobile and landline numbers (06, area codes, +31 / 0031, 0800 / 0900 / 088) and international "
                        + "+CC numbers validated with libphonenumber; not dates, ids or amounts.",
                MEDIUM, ART6)
                .base(0.8).priority(55).boost(Ctx.PHONE).penalty(Ctx.ORDER, Ctx.IBAN, Ctx.BSN, Ctx.CARD, Ctx.HASH)
                .mask(Mask.PHONE).norm(Norm.PHONE)
                .positives("bel [[06-12345678]]", "Tel: [[+31 6 12345678]]", "[[020-1234567]]",
                        "telefoon [[0031 20 123 4567]]", "call [[+44 20 7946 0958]] now", "[[(020) 123 4567]]",
                        "mobiel: [[06 1234 5678]]", "[[+31 (0)6 12345678]]", "phone=[[+1 415 555 2671]]",
                        "[[0612345678]]", "[[088-1234567]]", "IBAN NL50 ABNA 0417 1643 01 of bel [[020-1234567]]",
                        "mobiel: [[06 - 123 456 78]]", "tel. [[020 - 123 45 67]]",
                        "mail joost+bank@example.com of bel [[0612345678]]")
                .negatives("datum 12-03-2024", "ordernummer 0612345678", "1234567890", "v06.12.34.56",
                        "timestamp 1700000000123", "€ 0612,34", "+99 1234", "06-1234", "rekening NL50 ABNA 0417 1643 01",
                        "DE72 1234 5678 0612 3456 78", "06 - 123 456 7", "pagina 10 - 123 456 78", "06 -- 123 456 78", "Relatienummer: 0201234567",
                        "2019 - 2024", "onder vermelding van 0100 1181 9325 5693", "kenmerk 0201 2345 6789 012.",
                        "betalingskenmerk 0612 3456 7890 1234", "called from abroad (not +31 6 0744591858 as in the CRM)");
        d("nl-postcode", "POSTCODE", "Dutch postcode",
                "Four digits (first not 0) and two capital letters (not SA, SD, SS), with or without a space; "
                        + "address context raises confidence.",
                LOW, ART6)
                .base(0.6).priority(40).boost(Ctx.ADDRESS).penalty(Ctx.ORDER, Ctx.VERSION)
                .mask(Mask.POSTCODE).norm(Norm.UPPER_ALNUM)
                .positives("Postcode: [[1012 AB]] Amsterdam", "[[3511AX]] Utrecht", "Kalverstraat 1, [[1012 NX]] Amsterdam",
                        "Molenweg 216\n[[1755 PB]] Zwolle", "\"postcode\": \"[[2404MS]]\"",
                        "\"street\": \"Schoolstraat 51-II\", \"postalCode\": \"[[5999 TB]]\", \"city\": \"Hoorn\"",
                        "INSERT INTO klant (id, naam, iban, postcode) VALUES (6, 'Jan Smit', 'NL29ABNA9870929558', '[[3356 MB]]');",
                        "Mijn nieuwe adres: Burgemeester van Roijensingel 133\n[[1012MB]] AMSTERDAM",
                        "Postbus 16\n[[6711 MB]]  EDE")
                .negatives("0123 AB", "1234 SS", "file of 1024 MB", "ordernummer 1234 AB", "2048 KB", "1234 ABC",
                        "4000 KM per jaar", "3652ID/nmJd9O0nfh1NZoL71+ecBMSC+gsFAcwWfg0oLbTXV=", "CH29 0070 0110 0061 1234 XX",
                        "INSERT INTO vm (id, naam, geheugen) VALUES (1, 'web01', '2048 MB');", "Geheugen:\n2048 MB RAM",
                        "Free: 1024 MB TOTAL", "2048 MB 4096 MB");
        d("nl-address", "ADDRESS", "Street address",
                "A capitalised street name ending in a Dutch street word (straat, laan, weg, plein, gracht, kade, ...) "
                        + "followed by a house number.",
                MEDIUM, ART6)
                .base(0.75).priority(35).mask(Mask.WORD)
                .positives("woont aan de [[Kalverstraat 12]]", "[[Hoofdweg 1a]], Amsterdam", "[[Prinsengracht 263-1]]")
                .negatives("de straat 12 meter", "Kalverstraat zonder nummer", "weg 12");
        d("nl-passport", "PASSPORT_NUMBER", "Dutch passport number",
                "Dutch document number shape (two letters, six letters or digits, one digit; no letter O) with "
                        + "passport context.",
                HIGH, ART87, UAVG46)
                .base(0.45).priority(66).boost(Ctx.PASSPORT, Ctx.IDCARD).penalty(Ctx.ORDER, Ctx.VERSION, Ctx.HASH)
                .mask(Mask.KEEP2).norm(Norm.UPPER_ALNUM).family("document")
                .positives("paspoortnummer: [[NXC12D4H1]]", "passport no. [[SPECI2014]]")
                .negatives("NXC12D4H1", "paspoort NOC12D4H1", "product AB12345678",
                        "fun `sku is not a passport`() { assertEquals(\"RFV440394\", Product.sku) }",
                        "Geen paspoort bij de aanvraag, alleen artikel RFV440394");
        d("nl-id-card", "ID_CARD_NUMBER", "Dutch identity card number",
                "Dutch document number shape (two letters, six letters or digits, one digit; no letter O) with "
                        + "identity-card context.",
                HIGH, ART87, UAVG46)
                .base(0.9).priority(67).requires(Ctx.IDCARD).mask(Mask.KEEP2).norm(Norm.UPPER_ALNUM).family("document")
                .positives("identiteitskaart [[IR57BC6J2]]", "ID-kaart documentnummer: [[SPECI2014]]",
                        "ID-kaart nummer: [[LQY5AI4K9]]", "Identity card no.: [[JQ1L68387]]",
                        "Dutch ID card number: [[XK4FT7Q29]]", "copy of ID-card [[SPECI2014]]",
                        "{\"bsn\": \"123456782\", \"docNr\": \"[[XK4FT7Q29]]\"}", "docNummer: [[LQY5AI4K9]]")
                .negatives("IR57BC6J2 verzonden", "identiteitskaart IO57BC6J2", "card id XK4FT7Q29",
                        "not an identity card: XK4FT7Q29", "{\"bsn\": \"123456782\", \"doc\": \"XK4FT7Q29\"}",
                        "paid by card XK4FT7Q29");
        d("nl-driving-licence", "DRIVING_LICENCE_NUMBER", "Dutch driving-licence number",
                "Ten digits with driving-licence context (rijbewijs, driving licence).",
                HIGH, ART87, UAVG46)
                .base(0.85).priority(58).requires(Ctx.DRIVING).mask(Mask.LAST2).norm(Norm.DIGITS)
                .positives("rijbewijsnummer [[5123456789]]", "driving licence: [[4012345678]]")
                .negatives("5123456789", "rijbewijs 51234567");
        d("nl-kvk", "KVK_NUMBER", "Dutch Chamber of Commerce number (KvK)",
                "Eight digits with KvK / Chamber of Commerce context.",
                LOW, ART6)
                .base(0.85).priority(45).requires(Ctx.KVK).mask(Mask.LAST2).norm(Norm.DIGITS)
                .positives("KvK-nummer: [[12345678]]", "Chamber of Commerce [[69599084]]")
                .negatives("12345678", "kvk 1234567");
        d("nl-vat", "VAT_NUMBER", "Dutch VAT number (btw-id)",
                "NL + nine digits + B + two digits, checked with the 11-proof or the 2020 mod-97 rule.",
                LOW, ART6)
                .base(0.85).priority(80).boost(Ctx.VAT).mask(Mask.KEEP2).norm(Norm.UPPER_ALNUM)
                .positives("btw-nummer [[NL123456782B01]]", "VAT: [[NL000099998B57]]")
                .negatives("NL123456789B01", "NL123456782B1", "NL123456782X01");
        d("email", "EMAIL", "E-mail address",
                "Local part @ domain with a letter top-level domain; not file names like icon@2x.png.",
                LOW, ART6)
                .base(0.9).priority(70).mask(Mask.EMAIL).norm(Norm.LOWER)
                .positives("mail [[jan.jansen@example.nl]]", "<[[j.doe+news@mail.example.com]]>",
                        "\"email\":\"[[info@bedrijf.nl]]\"", "mailto:[[a.b@c.io]]", "Contact: [[git@acme.nl]]: the release team",
                        "Reply-To: <[[piet.jansen@example.nl]]>", "postfix/qmgr[2232]: 4F1A2C: from=<[[jan.jansen@example.nl]]>, size=2048",
                        "EMAIL;TYPE=INTERNET:[[jan.jansen@example.nl]]", "item1.EMAIL;type=pref:[[a.b@example.com]]")
                .negatives("icon@2x.png", "@Override", "user@localhost", "npm i pkg@1.2.3", "a@b", "@media screen",
                        "url = git@github.com:acme-nl/klantportaal.git",
                        "Message-ID: <e147fe0f6a3de371.1364a9fb@mail.example>", "In-Reply-To: <CAF7x2Lk9q@mail.gmail.com>",
                        "References: <a1b2c3d4.e5f6@mail.example.com>\n <0f9e8d7c.6b5a@mail.example.com>",
                        "postfix/cleanup[2231]: 4F1A2C: message-id=<20251103101900.4F1A2C@mx1.example.nl>",
                        "{\"messageId\": \"<abc123.def456@mail.example.com>\"}", "NOTE:beheer:Xk9mQ2vL@example.nl");
        d("credit-card", "CREDIT_CARD", "Payment card number",
                "13-19 digits (compact or grouped with spaces or dashes) with an issuer range of Visa, Mastercard "
                        + "(51-55, 2221-2720), Amex, Discover, Maestro, JCB or Diners and a valid Luhn check digit.",
                HIGH, ART6, ART32)
                .base(0.85).priority(75).boost(Ctx.CARD).penalty(Ctx.ORDER, Ctx.HASH, Ctx.IBAN)
                .mask(Mask.LAST4).norm(Norm.DIGITS)
                .positives("card [[4111111111111111]]", "[[5555 5555 5555 4444]]", "[[3782-822463-10005]]",
                        "[[2223003122003222]]", "kaart: [[6011111111111117]]", "[[3530111333300000]]",
                        "[[30569309025904]]", "[[4111-1111-1111-1111]]")
                .negatives("4111111111111112", "1234567812345670", "order 4111111111111111", "41111111111111111111",
                        "5555 5555 5555 444", "9111111111111111");
        d("ip-address", "IP_ADDRESS", "IP address",
                "IPv4 dotted quads (each part 0-255, not version strings or OIDs) and IPv6 including compressed forms. "
                        + "Private and loopback addresses count too; not the unspecified address (0.0.0.0, ::) or a "
                        + "network in CIDR notation (10.0.0.0/8).",
                LOW, ART6)
                .base(0.8).priority(50).boost(Ctx.IP).penalty(Ctx.VERSION)
                .mask(Mask.IP).norm(Norm.LOWER)
                .positives("client [[192.168.1.10]] connected", "request from [[2a01:bdd3:e029:b99a::2a]] took", "from [[10.0.0.1]]:8080", "[[2001:db8::8a2e:370:7334]]",
                        "addr=[[fe80::1ff:fe23:4567:890a]]", "[[8.8.8.8]]", "host [[2001:0db8:85a3:0000:0000:8a2e:0370:7334]]",
                        "Connect to localhost/[[127.0.0.1]]:5432 refused", "proxy/[[10.1.2.3]] timed out",
                        "postgresql://app:Xk9mQ2vL7pRtW3@[[10.20.30.40]]/dwh",
                        "address: [[192.168.1.10]]/24", "admin_cidrs = [\"[[203.0.113.7]]/32\"]", "last_tagged: [[10.20.30.40]]",
                        "server [[2001:db8::1]]/64", "My build agent at [[81.12.33.4]] times out",
                        "the release server (build farm) at [[10.4.2.17]]")
                .negatives("version 1.2.3.4", "v1.2.3.4", "\"schemaVersion\": \"3.4.1.232\"", "1.3.6.1.4.1.311", "999.1.1.1", "10:30:00",
                        "00:1A:2B:3C:4D:5E", "std::vector", "a::b", "1.2.3",
                        "\"KlantApp/9.24.53.87 (Android 14)\"", "okhttp/4.9.3.1 Dalvik/2.1.0", "deployed hotfix 4.12.3.105 (commit",
                        "cidr_block = \"10.0.0.0/8\"", "cidr: 172.16.0.0/12", "bind-address = 0.0.0.0", "listen 0.0.0.0:8080",
                        "version = \"5.1.0.12\"  # server build", "  tag: \"2.4.1.300\"", "imageTag: 1.2.3.4",
                        "route 2001:db8::/32", "listen [::]:80", "build 2.4.1.7", "build nr 2.4.1.7", "versie is 5.1.0.12",
                        "INSERT INTO bestelling (ordernr, kaart, build) VALUES (492676484, '**** 7663', '9.6.2.539'),");
        d("date-of-birth", "DATE_OF_BIRTH", "Date of birth",
                "A date (12-03-1985, 1985-03-12, 12/03/1985, 12 maart 1985, March 12, 1985, 4th of March 1985; "
                        + "03-04-79 only after a birth word) near a birth word in "
                        + "English or Dutch (born, date of birth, DOB, geboren, geboortedatum, geb.), or in a table's birth "
                        + "column (Markdown, pandas output, delimited text; an SQL column by its INSERT's column list or "
                        + "its table's CREATE TABLE); the arguments of a date constructor (new DateTime(1979, 4, 3)) "
                        + "assigned to a birth-named field; a vCard BDAY; the example of a YAML schema property named like a birth "
                        + "date.",
                MEDIUM, ART6)
                .base(0.85).priority(45).requires(Ctx.BIRTH).penalty(Ctx.ORDER).mask(Mask.DATE).norm(Norm.DIGITS)
                .positives("geboortedatum: [[12-03-1985]]", "born on [[12 March 1985]]", "DOB [[1985-03-12]]",
                        "geb. [[3 mei 1990]]", "\"dateOfBirth\": \"[[1990-01-31]]\"", "born [[March 12, 1985]]",
                        "INSERT INTO clienten (id, naam, bsn, geboortedatum, email, telefoon, iban, postcode) VALUES (4, "
                                + "'Jan de Vries', '111 222 333', '[[1943-08-03]]', 'j.devries@example.nl');",
                        "INSERT INTO persons (id, date_of_birth) VALUES (1, '[[1990-01-31]]'), (2, '1988-12-01');",
                        "\"birthDate\": \"[[1990-01-31]]T00:00:00Z\"", "Geb.datum: [[03-04-79]]", "(geboren [[3/4/79]])",
                        "I was born on the [[4th of March 1979]], in case", "born [[21st June 1980]]",
                        "en zei dat ze op [[12-03-1980]] geboren is.", "Hij is [[4 maart 1979]] geboren in Delft.",
                        "dat zij op [[16/04/2004]] geboren werd", "dat ze op [[August 1, 2004]] geboren is",
                        "var m = new Medewerker { GeboorteDatum = new DateTime([[1979, 4, 3]]), Naam = \"Jan\" };",
                        "birthDate = LocalDate.of([[1985, 3, 12]]);",
                        "CREATE TABLE p (id int, naam text, geboortedatum date); INSERT INTO p VALUES (1, 'Jan', '[[1985-03-12]]');",
                        "BDAY:[[1960-11-18]]", "new colleague starts monday (born [[13 February 1986]]), meeting moved to 17 December 2020")
                .negatives("created 2024-01-15 10:30:00", "geboortedatum 32-13-1985", "12-03-2024 invoice",
                        "datum 03-04-79", "geboren 31-04-79", "geboortedatum 03-13-79", "geb. 03-04-79-12",
                        "born on the 4th of Smarch 1979", "born on the 31st of April 1979", "the 4th of March 1979",
                        "geboren 1989, is ingeschreven. Factuur 905266736 van 25/08/2021.",
                        "geboortedatum klopt met dossier\n2025-10-18 12:06:37 INFO antwoord verzonden",
                        "geboortedatum gecontroleerd\n2025-10-18 INFO antwoord verzonden",
                        "birthday reminder sent at 2024-03-12T10:15:00Z",
                        "ingeschreven op 12-03-2020. Geboren in Delft.", "op 12-03-2020 ongeboren", "op 12-03-2020, geboren in 1980",
                        "sinds 4 maart 2019 geregistreerd; geboren in Delft",
                        "INSERT INTO klant (geboortedatum, naam, email, telefoon, aangemaakt) VALUES (NULL, 'Jan Smit', "
                                + "'jan@example.nl', '0612345678', '2024-03-12');",
                        "GeboorteDatum = Parse(x); StartDatum = new DateTime(2024, 4, 3)", "geboren: new DateTime(1979, 13, 3)",
                        "CREATE TABLE p (id int, geboortedatum date, aangemaakt date); INSERT INTO p VALUES (1, NULL, '2024-03-12');",
                        "| Naam | Geboren | Status |");
        d("passport-number", "PASSPORT_NUMBER", "Passport number",
                "Six to nine letters and digits (at least one digit) right after a passport word; a number of letters and "
                        + "digits has 8 or 9 chars, ends in a digit and has no letter O.",
                HIGH, ART87, UAVG46)
                .base(0.85).priority(64).requires(Ctx.PASSPORT).mask(Mask.KEEP2).norm(Norm.UPPER_ALNUM).family("document")
                .positives("Passport number: [[C01X00T47]]", "passport no [[123456789]]")
                .negatives("passport photo 2", "123456789 passed", "Passport No: RN12K45QX", "passport no AB12O4567",
                        "passport: GH12K34");
        d("person-name", "PERSON_NAME", "Person name",
                "Capitalised names after a label or title (naam:, name:, dhr., mevr., Mr, Ms, Mrs, Dr), with Dutch "
                        + "particles (van, de, der).",
                LOW, ART6)
                .base(0.7).priority(30).mask(Mask.NAME).norm(Norm.LOWER)
                .positives("Naam: [[Jan de Vries]]", "dhr. [[P. Jansen]]", "Dear Mr [[John Smith]],", "name: \"[[Anna Bakker]]\"")
                .negatives("name: build", "naam van het bestand", "Mr", "name: 123");
        String[] categories = {"HEALTH", "RELIGION", "ETHNICITY", "POLITICAL_OPINION", "TRADE_UNION",
            "SEXUAL_ORIENTATION", "BIOMETRIC", "GENETIC"};
        String[] names = {"health data", "religious belief", "racial or ethnic origin", "political opinion",
            "trade-union membership", "sexual orientation", "biometric data", "genetic data"};
        String[][] evidence = {
            {"Patiënt is bekend met [[diabetes]]", "the patient was treated for [[depression]]"},
            {"cliënt is [[moslim]] en", "employee is a practising [[catholic]]"},
            {"medewerker, [[etniciteit]]: onbekend", "customer [[ethnicity]] field"},
            {"werknemer is [[partijlid]] van", "member of the [[groenlinks]] fractie, zij is lid"},
            {"medewerker is lid van de [[vakbond]]", "employee joined [[fnv]] last year"},
            {"cliënt is [[homoseksueel]]", "the employee is [[gay]]"},
            {"[[vingerafdruk]] van de medewerker", "employee [[biometric]] template"},
            {"[[dna]] van de patiënt", "the patient's [[genetic]] test"}};
        String[][] nearMisses = {
            {"de diabetes-richtlijn 2024"}, {"religion is a topic"}, {"ethnicity"},
            {"political science"}, {"fnv"}, {"gay"}, {"biometric"}, {"dna sequencing kit"}};
        for (int i = 0; i < categories.length; i++) {
            String id = "special-" + categories[i].toLowerCase().replace('_', '-');
            d(id, categories[i], "Special category: " + names[i],
                    "A term from the EN/NL " + names[i] + " lexicon with a person or medical context nearby (GDPR Art. 9).",
                    CRITICAL, ART9, UAVG22)
                    .base(0.75).priority(10).requires(Ctx.PERSON, Ctx.MEDICAL).mask(Mask.WORD).norm(Norm.LOWER)
                    .positives(evidence[i]).negatives(nearMisses[i]);
        }
        d("minor", "MINOR", "Age of a child under 16",
                "An age under 16 with age context (leeftijd: 12, 9 jaar oud, aged 14, 12 years old).",
                HIGH, "GDPR Art. 8", ART6)
                .base(0.75).priority(10).mask(Mask.LAST2).norm(Norm.DIGITS)
                .positives("leeftijd: [[12]]", "een kind van [[9 jaar]]", "[[14 years old]]", "aged [[11]]")
                .negatives("leeftijd: 42", "30 years old", "12 jaar garantie", "aged 16");
        d("aws-access-key", "AWS_ACCESS_KEY", "AWS access key id",
                "AKIA / ASIA / ABIA / ACCA followed by 16 upper-case letters or digits.",
                HIGH, ART32)
                .base(0.95).priority(90).mask(Mask.PREFIX).norm(Norm.RAW)
                .positives("aws_access_key_id = [[AKIA2E3MHZJ4QGXHS7QF]]", "key [[ASIAY34FZKBOKMUTVV7A]]",
                        "access-key-id: [[AKIABTOBYDYYTUUBYZTU]]")
                .negatives("AKIAIOSFODNN7EXAMPLE", "AKIA2E3MHZJ4QGXHS7", "XAKIA2E3MHZJ4QGXHS7QF",
                        "AKIAXXXXXXXXXXXXXXXX", "AKIAABABABABABABABAB");
        d("aws-secret-key", "AWS_SECRET_KEY", "AWS secret access key",
                "Forty base64 characters (mixed case and digits) with AWS context; the base64 value (100+ chars) of an "
                        + "aws_session_token / aws_security_token key, the secret half of temporary credentials.",
                CRITICAL, ART32)
                .base(0.9).priority(91).requires(Ctx.AWS).mask(Mask.SECRET).norm(Norm.RAW)
                .positives("aws_secret_access_key = [[wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Pd2Lk7e]]",
                        "AWS secret: [[Zx8Qm2Lp0Vb7Nc4Rt6Yh1Jk3Df5Gs9Aw2Ee4Ui6O]]",
                        "    secret-access-key: [[qJSwiT5D+95nyAkHyJpseur5JHcwwzrNNaX6M2pR]]",
                        "aws_secret_access_key = \"[[BeXMWAOKydsXQZZsYovpRXjsTGD/EwLfQWbEMZPW]]\"",
                        "credentials: access-key AKIAZ4QHATQ6LKJE2MLH, secret-key [[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]]",
                        "the access key was AKIAZDJSS4KKM4EKOPC0 and the secret [[7o8pVLor9U2ZYoq5YuIwR+Md7omXxn4qbHfyoKV/]]. Both",
                        "key AKIA6EI71O96OS4KGQN0, secret [[/EoTk1M+lJ2GdIoc8DdOi5lZKDCONBAjIQLQNpwT]]",
                        "pair AKIA6EI71O96OS4KGQN0 / [[gjwAvSc/urup60yvhcdAhgyWGZ7igibk9ZvhTcYG]] leaked",
                        "aws_session_token=[[IQoJb3JpZ2luX2Vj575YX8XM5mSLFy5UBIHEYeD7p4Zdl/AK6j0KgodkDINzNlxICAbaG8wy1JZirLnqB0PRfM"
                                + "BH7+WY5YQ1xOy1bAimCaXyMFSb4hBqlxJJLafBvv6Q9RxXTndfYUZx9K1GNNEgeyg1+lWIQd9JjbaCIi=]]")
                .negatives("wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Pd2Lk7e",
                        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws sha da39a3ee5e6b4b0d3255bfef95601890afd80709",
                        "key AKIA6EI71O96OS4KGQN0, commit 7f3e9a1c0b2d4e6f8a9b1c3d5e7f9a0b2c4d6e8f",
                        "key AKIA6EI71O96OS4KGQN0, path /srv/app/releases/2024/build/artifacts/x",
                        "aws_session_token = ${AWS_SESSION_TOKEN}",
                        "aws_session_token=AQoDYXdzEJr1K2xvYWRiYWxhbmNlcjEXAMPLEtokenAQoDYXdzEJr1K2xvYWRiYWxhbmNlcjEXAMPLEtokenAQoDYXdzEJr1K2xvYWRiYWxhbmNlcjEXAMPLE",
                        "aws_session_token=IQoJb3JpZ2luX2VjEnotbase64.butdotted.valueIQoJb3JpZ2luX2VjEnotbase64.butdotted.valueIQoJb3JpZ2luX2VjEnotbase64.butdotted");
        d("github-token", "GITHUB_TOKEN", "GitHub token",
                "GitHub personal, OAuth, user-to-server, server-to-server and refresh tokens (ghp_, gho_, ghu_, ghs_, "
                        + "ghr_ + 36 characters) and fine-grained tokens (github_pat_).",
                HIGH, ART32)
                .base(0.95).priority(90).mask(Mask.PREFIX)
                .positives("GITHUB_TOKEN=[[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]]",
                        "url = https://noor:[[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]]@github.com/acme/app.git",
                        "git clone https://x-access-token:[[ghs_Qw3eRt5yUi7oPa9sDf1gHj2kLz4xCv6bNm8Q]]@github.com/acme/app.git",
                        "[[gho_16C7e42F292c6912E7710c838347Ae178B4a]]",
                        "[[github_pat_11ABCDEFG0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghij]]")
                .negatives("ghp_short", "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "ghx_wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx");
        d("gitlab-token", "GITLAB_TOKEN", "GitLab personal access token",
                "glpat- followed by 20 or more token characters.",
                HIGH, ART32)
                .base(0.95).priority(15).mask(Mask.PREFIX)
                .positives("git clone https://oauth2:[[glpat-xr4Ez2N8qBvK7sLm9TyW]] repo", "[[glpat-xr4Ez2N8qBvK7sLm9TyW]]")
                .negatives("glpat-short");
        d("slack-token", "SLACK_TOKEN", "Slack token",
                "xoxb-, xoxa-, xoxp-, xoxr-, xoxs- tokens.",
                HIGH, ART32)
                .base(0.95).priority(15).mask(Mask.PREFIX)
                .positives("[[xoxb-2345678901-2345678901234-AbCdEfGhIjKlMnOpQrStUvWx]]")
                .negatives("xoxb-123", "xoxz-2345678901-2345678901234-AbCdEfGhIjKlMnOpQrStUvWx");
        d("stripe-key", "STRIPE_KEY", "Stripe API key",
                "Stripe secret, restricted and publishable keys (sk_, rk_, pk_ + live/test).",
                HIGH, ART32)
                .base(0.95).priority(15).mask(Mask.PREFIX)
                .positives("STRIPE=[[sk_live_4eC39HqLyjWDarjtT1zdp7dc]]", "[[rk_test_51H8xZ2Kq9fL0aBcDeFgHiJ]]")
                .negatives("sk_live_", "sk_live_short");
        d("google-api-key", "GOOGLE_API_KEY", "Google API key",
                "AIza followed by 35 characters.",
                HIGH, ART32)
                .base(0.95).priority(15).mask(Mask.PREFIX)
                .positives("key=[[AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY]]")
                .negatives("AIzaSyD-9tSrke72Pou");
        d("private-key", "PRIVATE_KEY", "Private key",
                "A PEM private-key block (RSA, EC, DSA, OPENSSH, PKCS#8, encrypted, PGP); the whole block is "
                        + "reported when its END line follows within 16 KiB, else the BEGIN line.",
                CRITICAL, ART32)
                .base(0.99).priority(100).mask(Mask.PEM)
                .positives("[[-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx\n-----END RSA PRIVATE KEY-----]]",
                        "key: \"[[-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA\\n-----END OPENSSH PRIVATE KEY-----]]\"",
                        "[[-----BEGIN PRIVATE KEY-----]]")
                .negatives("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----",
                        "-----BEGIN CERTIFICATE-----");
        d("jwt", "JWT", "JSON Web Token",
                "Three base64url parts whose header decodes to JSON with an alg field.",
                HIGH, ART32)
                .base(0.95).priority(95).mask(Mask.PREFIX)
                .positives("Authorization: Bearer [[eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c]]")
                .negatives("eyJhbGciOiJIUzI1NiJ9", "eyJub3RoaW5nIjoxfQ.eyJzdWIiOiIxIn0.abc",
                        "eyJhbGciIEhTMjU2IHR5cCBKV1R9.eyJzdWIiOiI4MTE2In0.zQ4R00WYxtfJVC78s31SNED-zwkA7lFqCKaLo8Zzk5g");
        // entity type GENERIC_SECRET: the embedded password is a hard-coded secret like any other
        d("connection-string", "GENERIC_SECRET", "Connection string with password",
                "scheme://user:password@host URLs with a real (non-placeholder) password; reported as a hard-coded "
                        + "secret (entity type GENERIC_SECRET) spanning the whole URL.",
                CRITICAL, ART32)
                .base(0.9).priority(92).mask(Mask.URL)
                .positives("DATABASE_URL=[[postgres://app:S3cr3tPw0rd@db.internal:5432/app]]",
                        "uri: [[mongodb+srv://admin:hunter2xyz@cluster0.example.net/test]]")
                .negatives("postgres://app:${DB_PASSWORD}@db:5432/app", "https://user@example.com/path",
                        "https://noor: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@github.com/acme/app.git",
                        "redis://:changeme@localhost:6379", "mysql://root:****@db/x");
        d("generic-secret", "GENERIC_SECRET", "Hard-coded secret",
                "The value of a password / passwd / pwd / secret / token / api_key / client_secret assignment in code, "
                        + ".env, YAML, JSON or properties with Shannon entropy >= 3.5, length >= 8 and two character "
                        + "classes, ignoring placeholders and environment references (a password with less entropy is a "
                        + "weak-password). Also Authorization: Basic credentials, SonarQube tokens, secret-named URL query "
                        + "parameters, hex api keys, a password told in a sentence and a table's password column, SQL's PASSWORD "
                        + "'...', ConvertTo-SecureString '...' -AsPlainText, {\"key\": name, \"value\": ...} pairs and Terraform "
                        + "variable defaults. The value is reported, not the key.",
                HIGH, ART32)
                .base(0.8).priority(20).mask(Mask.SECRET)
                .positives("DB_PASSWORD=[[xK9#mP2$vL5qR8tZ]]", "api_key: \"[[3f9a7c2e8b1d4f6a0c5e9b2d7a4f1c8e]]\"",
                        "\"client_secret\": \"[[Qm9vZ2xlU2VjcmV0S2V5MTIz]]\"", "spring.datasource.password=[[Tr0ub4dor&3xq]]",
                        "const apiToken = '[[aZ3kLm9QpR7sT1uV5wX8yB2c]]';", "password: [[!j&W%Nexmtn3de9Mv]]",
                        "spring.datasource.password=[[=hwS5hIyJKVG=bu#I]]", "API_TOKEN = \"[[tRhFnnU3n7xxxNPkMQqgZfH4RDOkk9]]\"",
                        "password=[[vzVxQ42w4HHXXXjCrO9s8Lv]]", "password=[[FaKeiUIGaH7v4HQ0JzFTm]]",
                        "spring.datasource.password=[[x8ooYP0rfrz-4198BS]]",
                        "  password          = \"[[Hq7vXz2LmP9wRk4T]]\"", "<password>[[Vb8nQ2xLk5RmW7zTp3]]</password>",
                        "<add key=\"SmtpPassword\" value=\"[[Jt4kW9mQz2XvL7pRn5]]\" />",
                        "define('DB_PASSWORD', '[[Vb8nQ2xLk5RmW7zTq4]]');",
                        "machine ftp.example.nl login upload password [[Jt4kW9mQz2XvL7pRm6]]",
                        "mysqldump -h db.example.nl -u backup -p[[Xk9mQ2vL7pRtW3zq]] shop > shop.sql",
                        "curl -sf -u admin:[[Hq7vXz2LmP9wRk4U]] https://nexus.example.nl/service/",
                        "db.example.nl:5432:*:reporting:[[Qz8nW3vL5kRm2XpT7]]",
                        "postgres.example.nl:*:shop:reporting:[[Qz8nW3vL5kRm2XpT8]]",
                        "INSERT INTO api_client (name, secret) VALUES ('shop', '[[Wq7mZ2xK9vLp4RtN]]');",
                        "insert into users (id, login, password_hash, api_token) values (7, 'jan', 'x', '[[Wq7mZ2xK9vLp4RtM]]');",
                        "pub const API_TOKEN: &str = \"[[f1LHS4vJGfR0xydD]]\";", "val apiSecret: String = \"[[CdMeS7N0CFhi0Rxd]]\"",
                        "\"PASSWORD\": os.getenv(\"DB_PASSWORD\", \"[[ZoS1bbJ9uYeHo3KJ]]\"),",
                        "API_SECRET = os.environ.get(\"API_SECRET\", \"[[qHz34N7f2hiZ5poF]]\")",
                        "secret: process.env.JWT_SECRET || '[[Tq8vL2mXk9Zr4WpN]]',", "const apiToken = process.env.API_TOKEN ?? \"[[Rm4kZ8xQ2vLp7WtN]]\";",
                        "SECRET_KEY = \"[[django-insecure-q8(v2l)m&x9z^r4w@p7#k3]]\"",
                        "> Authorization: Basic [[c3ZjLWV4cG9ydDpYazltUTJ2TDdwUnRXM3pxNA==]]",
                        "\"headers\": {\"Authorization\": \"Basic [[c3ZjLWV4cG9ydDpYazltUTJ2TDdwUnRXM3pxNA==]]\"}",
                        "<sonar.login>[[squ_a4c123b1612dd272d1371c17149d439536b3216f]]</sonar.login>",
                        "\"GET /wachtwoord-reset?email=a@example.nl&token=[[fbe7c765aec2a771]] HTTP/1.1\" 200",
                        "GET /activate?reset_token=[[6724166396608b64]]&lang=nl",
                        "Je tijdelijke wachtwoord voor het portaal is: [[kXLK8Jdt!7q9]]",
                        "Your new password is [[Hq7vXz2LmP9wRk4V]].", "apikey = [[a773de4f4f1938d962f141364419e212]]",
                        "INSERT INTO api_client (naam, secret) VALUES ('webshop', '[[hT4nT8kWp4Rh8TkZ]]') ON CONFLICT DO NOTHING;",
                        "db_password      = \"[[Zx8vZ3pLm8Kx3vPq]]\"", "export VAULT_TOKEN=[[hvs.CAESIbXkQzLmNpRtWvYbKsJhGfDqTeUo]]", "STRIPE_KEY = \"[[xK9#mP2$vL5qR8tZ]]\"  # TODO move to vault",
                        "static let analyticsKey = \"[[hT4nT8kWp4Rh8TkZq2]]\"", "SENTRY_KEY: '[[a773de4f4f1938d962f141364419e212]]'",
                        "<wsse:Username>svc</wsse:Username><wsse:Password>[[Vb8nQ2xLk5RmW7zTp4]]</wsse:Password>",
                        "CREATE USER reporting WITH PASSWORD '[[Hq7vXz2LmP9wRk4W]]';",
                        "\"text\": \"username=jan@example.nl&password=[[Tq8vL2#mXk9Zr4Wp]]\"",
                        "$password = ConvertTo-SecureString '[[Rm4kZ8xQ2vLp7WtP]]' -AsPlainText -Force",
                        "{\"key\": \"client_secret\", \"value\": \"[[Wq7mZ2xK9vLp4RtP]]\"}",
                        "\"params\": [{\"name\": \"password\", \"value\": \"[[Tq8vL2mXk9Zr4WpQ]]\"}]",
                        "APP_KEY=[[base64:q3Vx8Lm2Rt9Kd7Wp4Zs1Nc6Hb0Fy5Gj2Ue8Ao3Mi7Ql=]]",
                        "DefaultEndpointsProtocol=https;AccountName=acmedocs;AccountKey=[[Xm4Qw8Zr2Lp6Tn0Vb3Kd7Hs1Fy5Gc9Je2Ua6Mi0Po4Rt8Wl3Zx7Nq1Cv5Bk9Df2Hs6Jt0Yu4Ie8Ow3PaQe7Tz1==]];EndpointSuffix=core.windows.net",
                        "Endpoint=sb://acme-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=[[Rt5Wq9Xm3Lp7Zk1Nv6Hb2Gc8Fy4Jd0Ts5Ue9Ao3Mi7K=]]")
                .negatives("password=changeme", "password: ${DB_PASSWORD}", "api_key: <your-api-key>",
                        "APP_KEY=base64:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=", "APP_KEY=", "APP_KEY=base64:",
                        "CACHE_KEY=base64:q3Vx8Lm2Rt9Kd7Wp4Zs1Nc6Hb0Fy5Gj2Ue8Ao3Mi7Ql=",
                        "AccountName=acmedocs;AccountKey=<your-storage-account-key>;EndpointSuffix=core.windows.net",
                        "AccountKey=${AZURE_STORAGE_KEY}", "AccountKey=Xm4Qw8Zr2Lp6Tn0Vb3Kd7Hs1Fy5Gc9Je2Ua6Mi0Po4.Rt8Wl3",
                        "secret=xxxxxxxxxxxx", "token = os.environ['TOKEN']", "password: ********",
                        "password=your_password_here", "max_tokens=4096", "token: process.env.API_TOKEN",
                        "password = getPassword()", "secret: example-secret-value", "pwd=/home/user/app",
                        "api_key=sk_live_xxxxxxxxxxxxxxxx", "token=myFakeToken2024", "password=Fake_Pa55word_X",
                        "secret: Test-Secret-9981", "apiKey: 'abc-xxx-def-123'",
                        "<password>${env.NEXUS_PASSWORD}</password>", "<passwordPolicy>Xk9mQ2vL7pRt</passwordPolicy>",
                        "<add key=\"PasswordLength\" value=\"Xk9mQ2vL7pRt\" />", "define('DB_HOST', 'Xk9mQ2vL7pRtW3zq');",
                        "machine ftp.example.nl login upload password ${NETRC_PASSWORD}",
                        "mysql -h db.example.nl -u backup -p -e 'select 1'", "tar -pXk9mQ2vL7pRtW3zq -f x.tar",
                        "curl -sf -u admin:changeme https://nexus.example.nl/", "ssh -p 2222 -u Xk9mQ2vL7pRtW3zq example.nl",
                        "db.example.nl:5432:*:reporting:*", "10:30:45:123:Qz8nW3vL5kRm2XpT7 ok", "root:x:0:0:root:/root:/bin/bash",
                        "INSERT INTO api_client (name, secret_ref) VALUES ('shop', 'Wq7mZ2xK9vLp4RtN');",
                        "INSERT INTO api_client (name, secret) VALUES ('shop', NULL);", "<add key=\"SmtpHost\" value=\"Xk9mQ2vL7pRt\" />",
                        "LEGACY_TOKEN=eyJhbGciOkhTMjU2LHR5cDpKV1R9.eyJzdWIiOiIyMTkxIn0.H84PwzxXSV8_-aBVzoFk_9ywREuyq5k",
                        "DB_PASSWORD=Hondje2023", "admin_password: beheer123",
                        "password = os.environ.get(\"DB_PASSWORD\", \"changeme\")", "secret: process.env.JWT_SECRET || ''",
                        "password: str = get_password()", "SECRET_KEY = get_random_secret_key()",
                        "api_token: process.env.API_TOKEN || process.env.FALLBACK_TOKEN",
                        "host = os.getenv(\"DB_HOST\", \"Xk9mQ2vL7pRtW3zq\")", "secret = loadSecret(\"Xk9mQ2vL7pRtW3zq\")",
                        "Authorization: Basic dXNlcjpwYXNzd29yZA==", "Authorization: Basic ${BASIC_AUTH}",
                        "Authorization: Basic bm9jb2xvbmhlcmU=", "Authorization: Basic YWRtaW46eHk=", "Authorization: Basic dXNlcjpwYXNz",
                        "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
                        "<sonar.login>squ_0000000000000000000000000000000000000000</sonar.login>",
                        "sonar.projectKey=squ_a4c123b1612dd272d1371c17149d439536b3216f_v2",
                        "GET /reset?token=aaaabbbb11112222 HTTP/1.1", "GET /list?page_token=abc123 HTTP/1.1",
                        "GET /reset?token=abcdefabcdefabcdef HTTP/1.1", "GET /reset?token=0123456789012345 HTTP/1.1",
                        "Het wachtwoord is minimaal 12 tekens lang.", "The password is stored in the vault.",
                        "Your password is: ********", "The password is required for account Xk9mQ2vL7pRt", "Error: the password is Incorrect",
                        "apikey = aaaa1111aaaa1111aaaa1111aaaa1111", "api_key_hash = a773de4f4f1938d962f141364419e212",
                        "apikey = 7730241041938096201413644190211", "ON CONFLICT (id) DO UPDATE SET api_token = EXCLUDED.api_token;", "private_key: rsa.RSAPrivateKey, f_priv: _FragList", "token = String.Double if double else String.Single",
                        "primaryKey = \"hT4nT8kWp4Rh8TkZq2\"", "cacheKey = \"user:profile:%s\"", "STORAGE_KEY = 'myAppCartState2024'",
                        "monkey = \"hT4nT8kWp4Rh8TkZq2\"", "RECAPTCHA_SITE_KEY = \"6LcT4nT8kWp4Rh8TkZq2AbCdEfGhIjKlMnOpQrSt\"",
                        "i18nKey = \"errors.notFound\"", "const sortKey = 'createdAtDescending2'", "ANALYTICS_KEY=hT4nT8kWp4Rh8TkZq2",
                        "analyticsKey = \"analytics-write-key-2024\"",
                        "password = \"WelkomWelkom2024\"",
                        "secret: Voorjaar2025Zomer",
                        "$password = ConvertTo-SecureString $env:DB_PASSWORD -AsPlainText -Force",
                        "$token = Get-AzAccessToken -ResourceUrl https://example.nl", "<wsse:Password>${WSSE_PASSWORD}</wsse:Password>",
                        "<wsse:PasswordType>Xk9mQ2vL7pRtW3zq</wsse:PasswordType>", "ALTER ROLE app WITH PASSWORD NULL;",
                        "Error: the password 'Incorrect' was rejected", "{\"key\": \"client_id\", \"value\": \"Wq7mZ2xK9vLp4RtP\"}",
                        "{\"name\": \"username\", \"value\": \"Wq7mZ2xK9vLp4RtP\"}");
        d("weak-password", "WEAK_PASSWORD", "Weak hard-coded password",
                "The value of a password / passwd / pwd / wachtwoord assignment (and the other password places of "
                        + "generic-secret: mysql -p, curl -u, .netrc, .pgpass) that is no placeholder, has 8 or more "
                        + "characters and two character classes, but Shannon entropy below the 3.5 bits of a generic "
                        + "secret (at least 2.5: not a repeated run): a guessable password such as a word and a year, "
                        + "committed to the repository. The value is reported, not the key.",
                MEDIUM, ART32)
                .base(0.8).priority(19).mask(Mask.SECRET)
                .positives("DB_PASSWORD=[[Hondje2023]]", "password: [[Lente2024!]]", "admin_password = '[[beheer123]]'",
                        "\"wachtwoord\": \"[[Fietsen88]]\"", "<password>[[Zonnig2022]]</password>",
                        "spring.datasource.password=[[Voorjaar2025]]", "db_password = \"[[WelkomWelkom2024]]\"")
                .negatives("password=aaaa1111", "password: Zomer24", "password=changeme123", "username=Hondje2023",
                        "password: ${DB_PASSWORD}", "api_key=Hondje2023", "password=xK9#mP2$vL5qR8tZ",
                        "password: 12345678", "password_hint: Hondje2023", "db_password = \"Zx8vZ3pLm8Kx3vPq\"");
        ALL = Collections.unmodifiableList(list);
        if (ALL.get(GENERIC_SECRET).id().equals("generic-secret") == false || ALL.get(MINOR).id().equals("minor") == false
                || ALL.get(HEALTH).id().equals("special-health") == false) {
            throw new IllegalStateException("detector indices out of order");
        }
    }

    private Detectors() {
    }
}
