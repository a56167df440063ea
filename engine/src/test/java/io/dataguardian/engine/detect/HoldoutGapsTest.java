package io.dataguardian.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases an independently written corpus found, that span lines (the catalogue's examples are single lines: the
 * ripgrep yardstick matches them line by line).
 */
class HoldoutGapsTest {

    private static List<Match> scan(String text) {
        return CatalogueEvidenceTest.SCANNER.scan(text);
    }

    private static void finds(String id, String example) {
        int s = example.indexOf("[[");
        int e = example.indexOf("]]") - 2;
        String text = example.replace("[[", "").replace("]]", "");
        assertThat(scan(text)).as("matches in <%s>", text).anySatisfy(m -> {
            assertThat(m.detectorId()).isEqualTo(id);
            assertThat(m.start()).isEqualTo(s);
            assertThat(m.end()).isEqualTo(e);
        });
    }

    /** The matches of detector id in the example without its [[ ]] marks. */
    private static List<Match> matchesOf(String id, String example) {
        return scan(example.replace("[[", "").replace("]]", "")).stream().filter(m -> m.detectorId().equals(id)).toList();
    }

    private static void ignores(String id, String text) {
        assertThat(scan(text)).as("matches in <%s>", text).noneMatch(m -> m.detectorId().equals(id));
    }

    @Test
    void birthLabelOnTheLineBefore() {
        finds("date-of-birth", "Geboortedatum:\n[[12-03-1985]]");
        finds("date-of-birth", "Date of birth\n  [[1985-03-12]]\nPlace of birth Utrecht");
        finds("date-of-birth", "[10:04] Anna: can you confirm your date of birth?\n[10:07] Jan: sure, it's [[3 May 1980]]");
        ignores("date-of-birth", "2025-05-26 10:28:35 INFO verificatie: geboortedatum klopt met dossier\n"
                + "2025-10-18 12:06:37 INFO antwoord verzonden");
        ignores("date-of-birth", "geboortedatum gecontroleerd\n2025-10-18 INFO antwoord verzonden");
    }

    @Test
    void birthLabelThatHadItsDateLabelsNoLaterLine() {
        String letter = "BSN-nummer: 123456782\nGeb.datum: [[14-05-1984]]\n\nGeachte heer Jansen,\n\n"
                + "U heeft op 12-05-2024 een uitkering aangevraagd.";
        finds("date-of-birth", letter);
        assertThat(matchesOf("date-of-birth", letter)).hasSize(1);
        finds("date-of-birth", "Geboortedatum:\n[[03-04-79]]");
        finds("date-of-birth", "Date of birth\n[[4th of March 1979]]");
    }

    @Test
    void awsSecretUnderNestedKeys() {
        finds("aws-secret-key", "cloud:\n  aws:\n    region: eu-west-1\n    credentials:\n"
                + "      access-key: AKIAZ4QHATQ6LKJE2MLH\n      secret-key: [[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]]\n");
        finds("aws-secret-key", "access-key: AKIAZ4QHATQ6LKJE2MLH\nsecret-key: [[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]]\n");
        finds("aws-secret-key", "access-key: AKIAZ4QHATQ6LKJE2MLH\nsecret-key: [[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]]\n");
        ignores("generic-secret", "cloud:\n  aws:\n    region: eu-west-1\n    credentials:\n"
                + "      access-key: AKIAZ4QHATQ6LKJE2MLH\n      secret-key: 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\n");
    }

    @Test
    void secretNamedOnTheLineBefore() {
        finds("aws-secret-key", "env:\n  - name: AWS_ACCESS_KEY_ID\n    value: AKIAZ4QHATQ6LKJE2MLH\n"
                + "  - name: AWS_SECRET_ACCESS_KEY\n    value: [[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]]\n");
        finds("aws-secret-key", "  - name: AWS_SECRET_ACCESS_KEY\n    value: \"[[j60TUpK5qVKT4ehYuRaVdQc/895eiKIJSVZHo0aO]]\"\n");
        finds("generic-secret", "        - name: DB_PASSWORD\n          value: \"[[Xk9mQ2vL7pRtW3zq]]\"\n");
        ignores("generic-secret", "        - name: DB_PASSWORD\n          value: \"${DB_PASSWORD}\"\n");
        ignores("generic-secret", "        - name: DB_HOST\n          value: \"Xk9mQ2vL7pRtW3zq\"\n");
        ignores("generic-secret", "        - name: DB_PASSWORD\n          valueFrom: Xk9mQ2vL7pRtW3zq\n");
    }

    @Test
    void ipHostOfConnectionString() {
        String url = "df = read_sql(q, 'postgresql://app:Xk9mQ2vL7pRtW3@10.20.30.40/dwh')";
        finds("connection-string", "df = read_sql(q, '[[postgresql://app:Xk9mQ2vL7pRtW3@10.20.30.40/dwh]]')");
        finds("ip-address", "df = read_sql(q, 'postgresql://app:Xk9mQ2vL7pRtW3@[[10.20.30.40]]/dwh')");
        assertThat(scan(url)).extracting(Match::detectorId).containsExactly("connection-string", "ip-address");
        ignores("ip-address", "url = postgresql://app:Xk9mQ2vL7pRtW3@db.example.nl/10.20.30.40");
    }

    @Test
    void tokenAsUrlPassword() {
        String text = "[remote \"origin\"]\n\turl = https://noor: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@github.com/a/b.git\n";
        assertThat(scan(text)).extracting(Match::detectorId).containsExactly("github-token");
        // a password that is no token keeps the URL a connection string
        finds("connection-string", "url = [[https://noor:ghp_short1234@github.com/a/b.git]]");
        // a user named like a secret's key (x-access-token:) is no assignment either
        String clone = "RUN git clone https://x-access-token:ghs_Qw3eRt5yUi7oPa9sDf1gHj2kLz4xCv6bNm8Q@github.com/a/b.git /opt\n";
        assertThat(scan(clone)).extracting(Match::detectorId).containsExactly("github-token");
    }

    @Test
    void sqlInsertColumns() {
        String cols = "INSERT INTO clienten (id, naam, bsn, geboortedatum, email, telefoon, iban, postcode) VALUES\n";
        finds("date-of-birth", cols + "(1, 'Fatima Bakker', '349906002', '1975-05-27', 'esther@outlook.com', "
                + "'+49 151 19873741', 'NL91ABNA0417164300', '6280 SK'),\n(2, 'Pieter El Amrani, Jr.', '062.582.318', "
                + "'[[1972-05-15]]', 'mbos@dekker-advocaten.nl', '+31 71 446 4557', 'NL91ABNA0417164300', '9566 MB');");
        finds("nl-postcode", cols + "(1, 'Fatima Bakker', '349906002', '1975-05-27', 'esther@outlook.com', "
                + "'+49 151 19873741', 'NL91ABNA0417164300', '6280 SK'),\n(2, 'Pieter El Amrani, Jr.', '062.582.318', "
                + "'1972-05-15', 'mbos@dekker-advocaten.nl', '+31 71 446 4557', 'NL91ABNA0417164300', '[[9566 MB]]');");
        // values-only rows have no column names to go by; a quoted date in another column is no birth date
        ignores("date-of-birth", "INSERT INTO clienten VALUES (1, 'Fatima Bakker', '349906002', '1975-05-27', "
                + "'esther@outlook.com', '+49 151 19873741');");
        ignores("date-of-birth", "INSERT INTO clienten (id, naam, bsn, aangemaakt, gewijzigd, geboortedatum) VALUES "
                + "(1, 'Fatima Bakker', '349906002', '2024-05-27', '2024-06-01', NULL);");
        ignores("nl-postcode", "INSERT INTO vm (id, naam, adres, geheugen) VALUES (1, 'web01', 'rack 4', '2048 MB');");
    }

    @Test
    void sqlInsertManyRowsAndStatements() {
        StringBuilder sb = new StringBuilder("INSERT INTO t (id, aangemaakt, geboortedatum, opmerking, postcode) VALUES\n");
        for (int r = 0; r < 40; r++) {
            sb.append(r == 0 ? "" : ",\n").append("(").append(r).append(", '2024-01-0").append(1 + r % 9)
                    .append("', '19").append(50 + r).append("-02-03', 'a,b''c(', '10").append(10 + r).append(" MB')");
        }
        // after the statement's ';' a quoted value is in no tuple of it
        sb.append(";\nINSERT INTO u (id, geboortedatum) VALUES (1, '1966-06-06');\n"
                + "UPDATE klanten SET status = 'actief' WHERE (d = '1977-07-07');\n");
        List<Match> found = scan(sb.toString());
        String text = sb.toString();
        List<String> dates = found.stream().filter(m -> m.detectorId().equals("date-of-birth"))
                .map(m -> text.substring(m.start(), m.end())).toList();
        List<String> expected = new java.util.ArrayList<>();
        for (int r = 0; r < 40; r++) {
            expected.add("19" + (50 + r) + "-02-03");
        }
        expected.add("1966-06-06");
        assertThat(dates).containsExactlyElementsOf(expected);
        assertThat(found.stream().filter(m -> m.detectorId().equals("nl-postcode")).count()).isEqualTo(40);
    }

    @Test
    void sqlValuesOnlyRowsTakeTheirTablesColumns() {
        String create = "-- dump\nCREATE TABLE clienten (id integer, naam text, bsn varchar(11), geboortedatum date, "
                + "aangemaakt date, postcode varchar(7));\n\n";
        String rows = "INSERT INTO clienten VALUES (1, 'Jan Smit', '111222333', '1979-02-26', '2024-01-02', '3126 KB');\n"
                + "INSERT INTO clienten VALUES (2, 'Ans Smit', '111222333', '[[1982-09-08]]', '2024-01-03', '5249 MB');\n";
        finds("date-of-birth", create + rows);
        finds("nl-postcode", create + rows.replace("[[", "").replace("]]", "").replace("'5249 MB'", "'[[5249 MB]]'"));
        String text = create + rows.replace("[[", "").replace("]]", "");
        assertThat(scan(text).stream().filter(m -> m.detectorId().equals("date-of-birth"))
                .map(m -> text.substring(m.start(), m.end()))).containsExactly("1979-02-26", "1982-09-08");
        // another table's rows, or a schema-qualified CREATE TABLE of the same table
        ignores("date-of-birth", create + "INSERT INTO facturen VALUES (1, 'x', 'y', '1979-02-26');");
        finds("date-of-birth", "CREATE TABLE IF NOT EXISTS public.\"clienten\" (\n  id serial PRIMARY KEY,\n  naam text DEFAULT 'a,b',\n"
                + "  bedrag numeric(10,2),\n  geboortedatum date\n);\nINSERT INTO clienten VALUES (1, 'Jan', 1.5, '[[1979-02-26]]');");
        // the last CREATE TABLE is another table's: no columns to go by
        ignores("date-of-birth", create + "CREATE TABLE log (id int, tijd date, a text, b date);\n"
                + "INSERT INTO clienten VALUES (1, 'Jan Smit', '111222333', '1979-02-26');");
    }

    @Test
    void birthColumnOfATable() {
        String md = "# Overdracht\n\n| Ticket | Klant | Geboren | Aangemeld |\n|---|---|---|---|\n"
                + "| INC1 | Femke de Boer | [[08-09-46]] | 12-03-2024 |\n| INC2 | Jan Smit | 7 september 1977 | 13-03-2024 |\n";
        finds("date-of-birth", md);
        finds("date-of-birth", md.replace("[[", "").replace("]]", "").replace("7 september 1977", "[[7 september 1977]]"));
        String plain = md.replace("[[", "").replace("]]", "");
        assertThat(scan(plain)).filteredOn(m -> m.detectorId().equals("date-of-birth")).hasSize(2);
        // pandas output in a notebook: the index column has no header
        finds("date-of-birth", "     \"text\": [\n      \"   klant_id   email   geboortedatum   iban\\n\",\n"
                + "      \"0  63047  a@example.nl  [[1963-09-26]]  NL91ABNA0417164300\\n\",\n     ]");
        finds("date-of-birth", "   klant_id   email   date_of_birth   aangemaakt\n0  63047  a@example.nl  1963-09-26  2024-01-01\n"
                + "1  63048  b@example.nl  [[1964-10-27]]  2024-01-02\n");
        finds("date-of-birth", "naam;geboortedatum;plaats\nJan Smit;[[12-03-1985]];Utrecht\n");
        finds("date-of-birth", "| Name | Date of birth | City |\n|---|---|---|\n| John Smith | 12/03/1985 | London |\n"
                + "| Ann Lee | [[March 4, 1979]] | Leeds |\n");
        // the column decides, not the header word's nearness: the joined dates are no birth dates
        String report = "id  name        dob         joined\n1   Jan Smit    1985-03-12  2020-01-01\n"
                + "2   Ann Lee     1979-04-03  2021-02-02\n";
        assertThat(scan(report).stream().filter(m -> m.detectorId().equals("date-of-birth"))
                .map(m -> report.substring(m.start(), m.end()))).containsExactly("1985-03-12", "1979-04-03");
        // a blank line ends the table; a header with digits is a log line; a date in another column
        ignores("date-of-birth", "| Naam | Geboren |\n|---|---|\n| Jan | n.b. |\n\n| Release | Datum |\n|---|---|\n| v2 | 12-03-2024 |\n");
        ignores("date-of-birth", "2025-05-26 10:28  INFO  geboortedatum gecontroleerd\n2025-05-26 10:29  INFO  12-03-2024\n");
        ignores("date-of-birth", "| Naam | Geboren | Aangemeld |\n|---|---|---|\n| Piet Jansen | onbekend | n.v.t. |\n"
                + "| Jan Smit | onbekend | 12-03-2024 |\n");
        ignores("date-of-birth", "naam;geboortedatum;plaats;aangemeld\nPiet Jansen;onbekend;Amsterdam;n.v.t.\n"
                + "Jan Smit;onbekend;Utrecht;12-03-2024\n");
    }

    @Test
    void passwordColumnOfATable() {
        String md = "| Systeem | Host | Gebruiker | Wachtwoord |\n|---|---|---|---|\n"
                + "| CRM | 10.1.2.3 | svc_crm | `[[lZYOsVa4z4VE8Rlh2qyRmh]]` |\n| Mail | mail.intern | servicedesk | ******** |\n"
                + "| Wiki | wiki.intern | servicedesk | zie kluis |\n";
        finds("generic-secret", md);
        assertThat(matchesOf("generic-secret", md)).hasSize(1);
        ignores("generic-secret", "| Systeem | Wachtwoord |\n|---|---|\n| CRM | wordt verstrekt |\n| Mail | Welkomstmail |\n"
                + "| Wiki | Onbekend |\n");
        finds("generic-secret", "| Systeem | Wachtwoord |\n|---|---|\n| CRM | `[[aRbbTWHSeLqKFpDv]]` |\n");
        ignores("generic-secret", "| Systeem | Wachtwoord | Host |\n|---|---|---|\n| CRM | zie kluis | lZYOsVa4z4VE8Rlh2qyRmh |\n");
    }

    @Test
    void laravelAndAzureKeysInConfigFiles() {
        finds("generic-secret", "APP_NAME=Shop\nAPP_ENV=production\nAPP_KEY=[[base64:Vn3Lq8Xr2Mt6Kw9Zp4Hd7Sb1Gf5Jc0Ye3Ua8Oi2Nm6Ql=]]\nAPP_DEBUG=false\n");
        finds("generic-secret", "{\"ConnectionStrings\": {\"Blob\": \"DefaultEndpointsProtocol=https;AccountName=shopfiles;"
                + "AccountKey=[[Pq2Wm6Zx0Lr4Tv8Nb1Kh5Sd9Fg3Jy7Uc2Ea6Oi0Mp4Rq8Wl2Zs6Nx0Cb4Vk8Dh2Gs6Jt0Yw4Ie8Ou2Pa6Qm0Tz4==]]\"}}");
        finds("generic-secret", "HostName=acme.azure-devices.net;DeviceId=sensor-7;SharedAccessKey=[[Zt6Wq0Xm4Lp8Zk2Nv7Hb3Gc9Fy5Jd1Ts6Ue0Ao4Mi8K=]]");
        ignores("generic-secret", "APP_KEY = base64:Vn3Lq8Xr2Mt6Kw9Zp4Hd7Sb1Gf5Jc0Ye3Ua8Oi2Nm6Ql=");
        ignores("generic-secret", "APP_KEY=base64:Vn3Lq8Xr2Mt6Kw9Zp4Hd7Sb1Gf5Jc0Ye3Ua8Oi2Nm6Ql=,next");
    }

    @Test
    void messageIdsAreNoMailboxes() {
        String headers = "From: Jan van Leeuwen <vanleeuwen+news@gmail.com>\nMessage-ID: <e147fe0f6a3de371.1364a9fb@mail.example>\n"
                + "In-Reply-To: <a147fe0f6a3de371.1364a9fb@mail.example>\n"
                + "References: <b147fe0f6a3de371.1364a9fb@mail.example>\n <c147fe0f6a3de371.1364a9fb@mail.example>"
                + " <d147fe0f6a3de371.1364a9fb@mail.example>\nReply-To: <piet.jansen@example.nl>\n\n"
                + "Doorgestuurd van <kees@example.nl>.\n";
        assertThat(scan(headers)).filteredOn(m -> m.detectorId().equals("email")).hasSize(3);
        finds("email", "Message-ID: <e147fe0f6a3de371.1364a9fb@mail.example>\nReply-To: <[[piet.jansen@example.nl]]>");
        finds("email", "References: <b1@mail.example>\n\nMail <[[kees@example.nl]]> even.");
        ignores("email", "References: <b147fe0f6a3de371@mail.example>\n\t<c147fe0f6a3de371@mail.example>\n");
        ignores("email", "Nov  3 10:19:00 mx1 postfix/cleanup[2231]: 4F1A2C: message-id=<20251103101900.4F1A2C@mx1.example.nl>");
        // every key messageIdKey knows, and keys that only look like them
        ignores("email", "Content-ID: <image001.png@01D9A1B2.C3D4E5F0>");
        ignores("email", "X-Original-Message-ID: <0f9e8d7c.6b5a@mail.example.com>");
        ignores("email", "msgid=<4F1A2C.20251103@mx1.example.nl>");
        ignores("email", "In-Reply-To: <CAF7x2Lk9q@mail.gmail.com>");
        finds("email", "X-Content-ID: <[[jan.jansen@example.nl]]>");
        finds("email", "Reply-To-References: <[[jan.jansen@example.nl]]>");
        finds("email", "Not-In-Reply-To: <[[jan.jansen@example.nl]]>");
    }

    @Test
    void postcodeOnThePostalLineBeforeATownInCapitals() {
        finds("nl-postcode", "Mijn nieuwe adres: Burgemeester van Roijensingel 133\n[[1012MB]] AMSTERDAM\n");
        finds("nl-postcode", "Postbus 16\r\n[[6711 MB]]  EDE\r\n");
        finds("nl-postcode", "Dorpsstraat 1\n  [[4611 KM]]  BERGEN OP ZOOM\n");
        ignores("nl-postcode", "Geheugen:\n2048 MB RAM\n");
        ignores("nl-postcode", "Schijf: 4096 MB VRIJ\n");
        ignores("nl-postcode", "2048 MB 4096 MB\n");
    }

    @Test
    void randomSecretWithRepeatedCharacters() {
        // 16 random letters and digits with a few repeats: 3.2-3.4 bits per character, a class change at every step
        finds("generic-secret", "INSERT INTO api_client (naam, secret) VALUES ('webshop', '[[hT4nT8kWp4Rh8TkZ]]')\n"
                + "ON CONFLICT (naam) DO UPDATE SET secret = EXCLUDED.secret;");
        finds("generic-secret", "region           = \"eu-west-1\"\ndb_password      = \"[[Zx8vZ3pLm8Kx3vPq]]\"\n");
        finds("weak-password", "db_password      = \"[[WelkomWelkom2024]]\"\n");
        ignores("generic-secret", "secret = \"P@ssw0rdP@ssw0rd\"");
    }

    @Test
    void negatedDocumentWordOnTheLineBefore() {
        ignores("nl-passport", "    @Test\n    fun `sku is not a passport`() {\n        assertEquals(\"RFV440394\", Product.sku)\n    }\n");
        ignores("nl-passport", "// geen paspoort, een artikelcode:\nval code = \"RFV440394\"\n");
        finds("nl-passport", "    @Test\n    fun `reads the passport`() {\n        assertEquals(\"[[RFV440394]]\", patient.paspoort)\n    }\n");
    }

    @Test
    void keyNamedWithoutASecretWord() {
        String swift = "enum Secrets {\n    static let analyticsKey = \"[[hT4nT8kWp4Rh8TkZq2]]\"\n"
                + "    static let cacheKey = \"hT4nT8kWp4Rh8TkZq2\"\n    static let primaryKey = \"id\"\n}\n";
        finds("generic-secret", swift);
        assertThat(matchesOf("generic-secret", swift)).hasSize(1);
        finds("generic-secret", "import os\n\nSTRIPE_KEY = \"[[xK9#mP2$vL5qR8tZ]]\"  # TODO move to vault\n");
        ignores("generic-secret", "const STORAGE_KEY = 'shoppingCartState2024';\nconst i18nKey = 'errors.notFound';\n");
    }

    @Test
    void terraformVariableDefaultNamedLikeASecret() {
        finds("generic-secret", "variable \"db_password\" {\n  type      = string\n  sensitive = true\n"
                + "  default   = \"[[Jt4kW9mQz2XvL7pRn6]]\"\n}\n");
        ignores("generic-secret", "variable \"db_host\" {\n  type    = string\n  default = \"Jt4kW9mQz2XvL7pRn6\"\n}\n");
        ignores("generic-secret", "variable \"db_password\" {\n  type = string\n}\n\nlocals {\n"
                + "  default = \"Jt4kW9mQz2XvL7pRn6\"\n}\n");
        ignores("generic-secret", "variable \"db_password\" {\n  default = \"${var.vault_password}\"\n}\n");
    }

    @Test
    void schemaExampleUnderABirthNamedProperty() {
        String spec = "      properties:\n        geboortedatum:\n          type: string\n          format: date\n"
                + "          example: [[1956-12-28]]\n        aangemaakt:\n          type: string\n          format: date\n"
                + "          description: moment van registratie in het klantsysteem\n          example: 2024-01-15\n";
        finds("date-of-birth", spec);
        assertThat(matchesOf("date-of-birth", spec)).hasSize(1);
        finds("date-of-birth", "    \"birthDate\":\n      type: string\n      example: \"[[1990-01-31]]\"\n");
        ignores("date-of-birth", "geboortedatum:\n  type: object\n  description: de geboortedatum en de bron ervan\n"
                + "  properties:\n    bron:\n      type: string\n      example: 1956-12-28\n");
    }

    @Test
    void aBirthLabelsDateTakenByAnEarlierDateOnTheLine() {
        String chat = "[18:03] bot: new colleague starts monday (born [[26 April 1991]]), meeting moved to 11 oktober 2020";
        finds("date-of-birth", chat);
        assertThat(matchesOf("date-of-birth", chat)).hasSize(1);
        finds("date-of-birth", "geboren [[01-02-1980]] / 01-02-1981");
    }

    @Test
    void lexiconWordsInsideAnEmailAddressAreNoContext() {
        finds("phone-number", "(3, 'Joost van den Berg', 'joost+bank@outlook.com', '[[0636981153]]');");
        ignores("phone-number", "bank 0636981153");
    }
}
