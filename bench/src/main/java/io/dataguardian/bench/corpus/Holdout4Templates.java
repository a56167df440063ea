package io.dataguardian.bench.corpus;

import io.dataguardian.bench.corpus.Holdout4Corpus.Doc;
import io.dataguardian.bench.corpus.Holdout4Values.Person;
import io.dataguardian.bench.corpus.Holdout4Values.V;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/** The document templates of {@link Holdout4Corpus}, one per kind, used round robin. */
final class Holdout4Templates {

    record Template(String kind, String dir, String stem, String ext, String eol, BiConsumer<Doc, Holdout4Values> body) {
    }

    private Holdout4Templates() {
    }

    static final List<Template> TEMPLATES = List.of(
            new Template("prose-en-email", "mail", "message", "eml", "CRLF", Holdout4Templates::proseEnEmail),
            new Template("prose-nl-brief", "brieven", "brief", "txt", "MIX", Holdout4Templates::proseNlBrief),
            new Template("chat-export", "chat", "channel-export", "txt", "LF", Holdout4Templates::chatExport),
            new Template("ticket-markdown", "tickets", "ticket", "md", "LF", Holdout4Templates::ticketMarkdown),
            new Template("notulen-nl", "notes", "notulen", "md", "MIX", Holdout4Templates::notulenNl),
            new Template("syslog", "logs/syslog", "auth", "log", "LF", Holdout4Templates::syslog),
            new Template("access-log", "logs/web", "access", "log", "LF", Holdout4Templates::accessLog),
            new Template("jsonl-log", "logs/app", "events", "jsonl", "LF", Holdout4Templates::jsonlLog),
            new Template("java-stacktrace", "logs/app", "server", "log", "LF", Holdout4Templates::javaStack),
            new Template("python-traceback", "logs/worker", "worker", "log", "LF", Holdout4Templates::pythonTrace),
            new Template("k8s-logs", "logs/k8s", "pod", "log", "LF", Holdout4Templates::k8sLogs),
            new Template("audit-trail", "logs/audit", "audit", "log", "LF", Holdout4Templates::auditTrail),
            new Template("csv-nl-semicolon", "exports", "klanten", "csv", "CRLF", Holdout4Templates::csvNl),
            new Template("csv-en-quoted", "exports", "customers", "csv", "MIX", Holdout4Templates::csvEn),
            new Template("tsv-payments", "exports", "betalingen", "tsv", "LF", Holdout4Templates::tsvPayments),
            new Template("csv-hr", "hr", "medewerkers", "csv", "CRLF", Holdout4Templates::csvHr),
            new Template("json-api", "api", "response", "json", "LF", Holdout4Templates::jsonApi),
            new Template("json-orders", "api", "orders-export", "json", "LF", Holdout4Templates::jsonOrders),
            new Template("postman", "postman", "collection", "json", "LF", Holdout4Templates::postman),
            new Template("har", "har", "session", "har", "LF", Holdout4Templates::har),
            new Template("ipynb", "notebooks", "analysis", "ipynb", "LF", Holdout4Templates::ipynb),
            new Template("k8s-manifest", "deploy/k8s", "manifest", "yaml", "LF", Holdout4Templates::k8sManifest),
            new Template("docker-compose", "deploy", "docker-compose", "yml", "LF", Holdout4Templates::dockerCompose),
            new Template("ansible-vars", "ansible/group_vars", "vars", "yml", "LF", Holdout4Templates::ansibleVars),
            new Template("openapi", "api/spec", "openapi", "yaml", "LF", Holdout4Templates::openapi),
            new Template("ci-config", "ci", "pipeline", "yml", "LF", Holdout4Templates::ciConfig),
            new Template("dotenv", "config", "app", "env", "LF", Holdout4Templates::dotenv),
            new Template("ini", "config", "settings", "ini", "CRLF", Holdout4Templates::ini),
            new Template("properties", "config", "application", "properties", "LF", Holdout4Templates::properties),
            new Template("toml", "config", "config", "toml", "LF", Holdout4Templates::toml),
            new Template("go", "src/go", "client", "go", "LF", Holdout4Templates::goSource),
            new Template("csharp", "src/dotnet", "CustomerSeed", "cs", "CRLF", Holdout4Templates::csharp),
            new Template("php", "src/php", "config", "php", "LF", Holdout4Templates::php),
            new Template("typescript", "src/ts", "fixtures", "ts", "LF", Holdout4Templates::typescript),
            new Template("python", "src/py", "settings", "py", "LF", Holdout4Templates::python),
            new Template("java", "src/java", "CustomerTestData", "java", "LF", Holdout4Templates::java),
            new Template("shell", "scripts", "deploy", "sh", "LF", Holdout4Templates::shell),
            new Template("powershell", "scripts", "Provision", "ps1", "CRLF", Holdout4Templates::powershell),
            new Template("sql", "db", "seed", "sql", "LF", Holdout4Templates::sql),
            new Template("terraform", "infra", "main", "tf", "LF", Holdout4Templates::terraform),
            new Template("markdown-table", "docs-internal", "testaccounts", "md", "LF", Holdout4Templates::markdownTable),
            new Template("html-form", "web", "form", "html", "LF", Holdout4Templates::htmlForm),
            new Template("soap-xml", "soap", "request", "xml", "MIX", Holdout4Templates::soapXml),
            new Template("vcard-ics", "contacts", "contacts", "vcf", "CRLF", Holdout4Templates::vcardIcs));

    // ------------------------------------------------------------------ prose

    static void proseEnEmail(Doc d, Holdout4Values v) {
        Person p = v.person();
        d.t("From: " + p.full() + " <").p(v.email(p)).t(">\n");
        d.t("To: ").p(v.emailRole()).nl();
        d.t("Date: " + v.pick("Mon", "Tue", "Wed", "Thu") + ", " + v.n(1, 28) + " Oct 2025 " + v.n(8, 18) + ":" + v.n(10, 59) + ":0" + v.n(0, 9) + " +0100\n");
        d.t("Subject: " + v.pick("Change of bank details", "Re: your invoice", "Question about my account", "Refund request") + "\n");
        d.t("Content-Type: text/plain; charset=utf-8\n\n");
        d.t("Hi,\n\n");
        d.t("Could you please update the account you debit? The new one is ").p(v.iban()).t(". The old one (").n(v.ibanBadCheck())
                .t(" — I may have mistyped it last time) can be closed.\n");
        d.t("My customer number is ").n(v.nineDigitNonBsn("customer-number")).t(" and the last invoice was dated ")
                .n(v.otherDate("invoice-date", 0)).t(".\n\n");
        d.t("The refund can go to the card I paid with, ").p(v.card()).t(", not the one ending in ").n(v.cardMasked()).t(".\n");
        if (v.chance(0.6)) {
            d.t("For the identity check: I was born on ").p(v.dob(v.pick(List.of(5, 6, 2)))).t(" and my passport number is ").p(v.passport()).t(".\n");
        }
        d.t("\nThe number you have on file (").n(v.phoneInvalid()).t(") is incomplete. You can reach me on ").p(v.phone()).t(" or, during office hours, ").p(v.phone()).t(".\n\n");
        d.t("Kind regards,\n" + p.full() + "\n" + v.pick(Holdout4Values.STREETS) + " " + v.n(1, 200) + "\n").p(v.postcode())
                .t(" " + v.pick(Holdout4Values.CITIES) + "\n");
        d.t("Mobile: ").p(v.phone()).nl();
        d.t("\n> On " + v.n(1, 28) + " Oct, ").p(v.emailRole()).t(" wrote:\n> Your ticket ").n(v.nineDigitNonBsn("ticket-number"))
                .t(" has been received. Never send your password by e-mail.\n");
    }

    static void proseNlBrief(Doc d, Holdout4Values v) {
        Person p = v.person();
        d.t("Gemeente " + v.pick(Holdout4Values.CITIES) + "\nAfdeling Burgerzaken\nPostbus " + v.n(100, 9999) + "\n").p(v.postcode())
                .t(" " + v.pick(Holdout4Values.CITIES) + "\n\n");
        d.t("Aan: " + p.full() + "\n" + v.pick(Holdout4Values.STREETS) + " " + v.n(1, 150) + (v.chance(0.3) ? "-bis" : "") + "\n").p(v.postcode())
                .t("  " + v.pick(Holdout4Values.CITIES).toUpperCase(Locale.ROOT) + "\n\n");
        d.t("Datum: ").n(v.otherDate("letter-date", 4)).t("\nOns kenmerk: ").n(v.nineDigitNonBsn("kenmerk")).t("\n");
        d.t("Betreft: aanvraag " + v.pick("parkeervergunning", "bijzondere bijstand", "verhuizing", "reisdocument") + "\n\n");
        d.t("Geachte heer/mevrouw " + p.last() + ",\n\n");
        d.t("Wij hebben uw aanvraag van ").n(v.otherDate("aanvraag-datum", 4)).t(" ontvangen. Wij hebben de volgende gegevens geregistreerd:\n\n");
        d.t("  Burgerservicenummer: ").p(v.bsn()).t("\n");
        d.t("  Geboortedatum:       ").p(v.dob(v.pick(List.of(0, 4, 3)))).t("\n");
        d.t("  Rekeningnummer:      ").p(v.iban()).t("\n");
        if (v.chance(0.5)) {
            d.t("  Identiteitskaart:    ").p(v.idCard()).t(" (geldig tot ").n(v.otherDate("expiry-date", 0)).t(")\n");
        } else {
            d.t("  Paspoort:            ").p(v.passport()).t("\n");
        }
        d.t("  Telefoon:            ").p(v.phone()).t("\n  E-mail:              ").p(v.email(p)).t("\n\n");
        d.t("Het bedrag van € " + v.n(20, 900) + "," + v.n(10, 99) + " wordt binnen 10 werkdagen overgemaakt. Let op: het nummer ")
                .n(v.nineDigitNonBsn("dossiernummer")).t(" is uw dossiernummer, niet uw BSN.\n");
        d.t("Het door u opgegeven nummer ").n(v.phoneInvalid()).t(" is onvolledig. Heeft u vragen? Bel ons op ").p(v.phone()).t(" (maandag t/m vrijdag) of mail naar ").p(v.emailRole()).t(".\n\n");
        d.t("Met vriendelijke groet,\n\nnamens het college van burgemeester en wethouders,\n" + v.pick(Holdout4Values.NL_FIRST) + " "
                + v.pick(Holdout4Values.NL_LAST) + "\nteamleider Burgerzaken\n");
    }

    static void chatExport(Doc d, Holdout4Values v) {
        String[] who = {v.slug(v.pick(Holdout4Values.NL_FIRST)), v.slug(v.pick(Holdout4Values.EN_FIRST)), "deploy-bot"};
        d.t("#ops-incidents — export " + v.recentIso() + "\n\n");
        int n = v.n(6, 11);
        for (int i = 0; i < n; i++) {
            d.t("[" + String.format(Locale.ROOT, "%02d:%02d", v.n(8, 19), v.n(0, 60)) + "] " + who[i % 3] + ": ");
            switch (v.n(0, 12)) {
                case 0 -> d.t("can someone check the box at ").p(v.ip()).t("? it stopped answering after the deploy");
                case 1 -> d.t("temp creds for the staging bucket: ").p(v.awsKeyId()).t(" / ").p(v.awsSecret()).t(" (rotating tonight)");
                case 2 -> d.t("use my token for now: ").p(v.githubToken()).t(" and don't commit it pls");
                case 3 -> d.t("customer called from ").p(v.phone()).t(" (not ").n(v.phoneInvalid()).t(" as in the CRM)").t(", says the payment to ").p(v.iban()).t(" bounced");
                case 4 -> d.t("db password is ").p(EntityType.GENERIC_SECRET, "secret-prose", v.secretPassword().value()).t(" until the vault migration");
                case 5 -> d.t("release ").n(v.version4()).t(" is out, changelog in the wiki");
                case 6 -> d.t("order ").n(v.nineDigitNonBsn("order-number")).t(" failed again, card was ").n(v.cardLuhnFail()).t(" per the log (typo?)");
                case 7 -> d.t("bearer for the test tenant: ").p(v.jwt());
                case 8 -> d.t("ping ").p(v.email()).t(" about the GDPR request, she is the DPO contact");
                case 10 -> d.t("new colleague starts monday (born ").p(v.dob(v.pick(List.of(4, 5, 6)))).t("), meeting moved to ").n(v.otherDate("meeting-date", v.pick(List.of(4, 5, 6))));
                default -> d.t("commit " + v.hex(40) + " fixes it, build " + v.uuid());
            }
            d.nl();
        }
    }

    static void ticketMarkdown(Doc d, Holdout4Values v) {
        Person p = v.person();
        d.t("# SUP-" + v.id(5) + ": " + v.pick("Refund not received", "Login fails after password reset", "Duplicate direct debit") + "\n\n");
        d.t("**Reporter:** " + p.full() + " (").p(v.email(p)).t(")  \n**Priority:** P2  \n**Created:** " + v.timestamp() + "\n\n");
        d.t("## Description\n\nCustomer (BSN ").p(v.bsn()).t(", born ").p(v.dob(1)).t(") reports that the refund to ").p(v.iban())
                .t(" never arrived. Callback number: ").p(v.phone()).t(".\n\n");
        d.t("## Logs\n\n```\n");
        d.t(v.isoTs() + " WARN  PaymentService - refund rejected iban=").n(v.ibanBadCheck()).t(" reason=CHECKSUM\n");
        d.t(v.isoTs() + " INFO  PaymentService - retry with iban=").p(v.ibanCompactV()).t(" amount=" + v.n(10, 500) + ".00\n");
        d.t(v.isoTs() + " DEBUG HttpClient - POST https://psp.example.net/v2/refunds from ").p(v.ip()).t(" took " + v.n(20, 900) + "ms\n");
        d.t("```\n\n## Notes\n\n- The card on file is ").n(v.cardMasked()).t(", the customer quoted ").p(v.card()).t(" on the phone.\n");
        d.t("- Do **not** paste the API key here again; the one from yesterday (`api_key=").p(v.secret()).t("`) has been revoked.\n");
        d.t("- Placeholder in the runbook is `api_key=").n(v.secretPlaceholder()).t("`, that one is fine.\n");
    }

    static void notulenNl(Doc d, Holdout4Values v) {
        d.t("# Notulen projectoverleg " + v.recentIso() + "\n\n**Aanwezig:** ");
        for (int i = 0; i < 3; i++) {
            Person p = v.person();
            d.t(p.full() + " (").p(v.email(p)).t(")" + (i < 2 ? ", " : "\n\n"));
        }
        d.t("## 1. Mededelingen\n\n- Release ").n(v.version4()).t(" staat gepland op ").n(v.otherDate("release-date", 0)).t(".\n");
        d.t("- Nieuwe servers: ").p(v.ip()).t(" en ").p(v.ip()).t("; oude bak ").p(v.ip()).t(" gaat uit.\n");
        d.t("- Factuur ").n(v.nineDigitNonBsn("factuurnummer")).t(" van de hostingpartij is betaald.\n\n");
        d.t("## 2. Privacy-incident\n\nIn de testomgeving stond een export met echte gegevens, o.a. BSN ").p(v.bsn()).t(" en rekeningnummer ")
                .p(v.iban()).t(". De export is verwijderd. Contactpersoon bij de klant: ").p(v.phone()).t(".\n\n");
        d.t("## 3. Actiepunten\n\n| # | Actie | Wie | Deadline |\n|---|-------|-----|----------|\n");
        d.t("| 1 | Wachtwoord van de service-account roteren (was `").p(EntityType.GENERIC_SECRET, "secret-prose", v.secretPassword().value()).t("`) | " + v.pick(Holdout4Values.NL_FIRST) + " | ")
                .n(v.otherDate("deadline", 0)).t(" |\n");
        d.t("| 2 | Afspraak met DPO op ").n(v.otherDate("afspraak-datum", 4)).t(" | " + v.pick(Holdout4Values.NL_FIRST) + " | — |\n");
        d.t("| 3 | Bel leverancier op ").p(v.phone()).t(" | " + v.pick(Holdout4Values.NL_FIRST) + " | — |\n");
    }

    // ------------------------------------------------------------------ logs

    static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    static void syslog(Doc d, Holdout4Values v) {
        String host = v.pick("web-01", "bastion", "db-02", "app-3");
        int n = v.n(10, 18);
        for (int i = 0; i < n; i++) {
            String ts = MONTHS[v.n(0, 12)] + " " + String.format(Locale.ROOT, "%2d %02d:%02d:%02d", v.n(1, 29), v.n(0, 24), v.n(0, 60), v.n(0, 60));
            d.t(ts + " " + host + " ");
            switch (v.n(0, 9)) {
                case 7 -> d.t("billing[" + v.n(100, 9999) + "]: invoice ").n(v.nineDigitNonBsn("invoice-number")).t(" generated, due ").n(v.otherDate("due-date", 1));
                case 8 -> d.t("billing[" + v.n(100, 9999) + "]: card ").n(v.chance(0.5) ? v.cardLuhnFail() : v.cardMasked()).t(" declined, retry for ").p(v.card()).t(" ok");
                case 0 -> d.t("sshd[" + v.n(1000, 65000) + "]: Accepted publickey for deploy from ").p(v.ip()).t(" port " + v.n(1024, 65535) + " ssh2: ED25519 SHA256:" + v.clean(() -> v.chars(Holdout4Values.B64, 43)));
                case 1 -> d.t("sshd[" + v.n(1000, 65000) + "]: Failed password for invalid user admin from ").p(v.ip()).t(" port " + v.n(1024, 65535) + " ssh2");
                case 2 -> d.t("CRON[" + v.n(1000, 65000) + "]: (root) CMD (/usr/local/bin/backup.sh --target ").p(v.ip4()).t(")");
                case 3 -> d.t("postfix/smtp[" + v.n(1000, 65000) + "]: " + v.hex(10).toUpperCase(Locale.ROOT) + ": to=<").p(v.email()).t(">, relay=mx.").t(v.pick(Holdout4Values.ORG_DOMAINS)).t("[").p(v.ip()).t("]:25, status=sent");
                case 4 -> d.t("kernel: [" + v.n(1000, 99999) + "." + v.id(6) + "] eth0: link up, firmware ").n(v.version4());
                case 5 -> d.t("sudo: " + v.slug(v.pick(Holdout4Values.NL_FIRST)) + " : TTY=pts/0 ; PWD=/home ; USER=root ; COMMAND=/usr/bin/mysql -u app --password=").p(v.secretPassword());
                default -> d.t("dhclient[" + v.n(100, 999) + "]: DHCPACK of ").p(v.ip()).t(" from ").p(v.ip());
            }
            d.nl();
        }
    }

    static void accessLog(Doc d, Holdout4Values v) {
        int n = v.n(10, 16);
        for (int i = 0; i < n; i++) {
            d.p(v.ip()).t(" - " + (v.chance(0.2) ? v.slug(v.pick(Holdout4Values.EN_FIRST)) : "-") + " [" + v.n(10, 28) + "/Nov/2025:"
                    + String.format(Locale.ROOT, "%02d:%02d:%02d", v.n(0, 24), v.n(0, 60), v.n(0, 60)) + " +0100] \"");
            switch (v.n(0, 7)) {
                case 0 -> d.t("GET /api/v1/users?email=").p(v.email()).t(" HTTP/1.1\" 200 " + v.n(200, 9000));
                case 1 -> d.t("GET /reset?token=").p(v.jwt()).t(" HTTP/2.0\" 302 0");
                case 2 -> d.t("POST /checkout HTTP/1.1\" 201 " + v.n(100, 999));
                case 3 -> d.t("GET /static/app." + v.hex(8) + ".js HTTP/1.1\" 304 0");
                case 4 -> d.t("GET /orders/").n(v.nineDigitNonBsn("order-id-in-url")).t(" HTTP/1.1\" 404 " + v.n(100, 999));
                case 5 -> d.t("GET /invoices/").n(v.nineDigitNonBsn("invoice-id-in-url")).t("/pdf?date=").n(v.otherDate("invoice-date", 1)).t(" HTTP/1.1\" 200 " + v.n(1000, 90000));
                default -> d.t("GET /health HTTP/1.1\" 200 2");
            }
            d.t(" \"-\" \"" + v.pick("Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "curl/8.5.0", "okhttp/4.12.0", "kube-probe/1.29") + "\"");
            if (v.chance(0.3)) {
                d.t(" xff=").p(v.ip());
            }
            d.nl();
        }
    }

    static void jsonlLog(Doc d, Holdout4Values v) {
        int n = v.n(8, 13);
        for (int i = 0; i < n; i++) {
            d.t("{\"ts\":\"" + v.isoTs() + "\",\"level\":\"" + v.pick("info", "warn", "error") + "\",\"trace_id\":\"" + v.hex(32) + "\",\"seq\":").n(v.nineDigitNonBsn("sequence-number")).t(",");
            switch (v.n(0, 7)) {
                case 0 -> d.t("\"msg\":\"login ok\",\"user\":{\"email\":\"").p(v.email()).t("\",\"ip\":\"").p(v.ip()).t("\"}");
                case 1 -> d.t("\"msg\":\"payment authorised\",\"card\":\"").n(v.cardMasked()).t("\",\"amount_cents\":" + v.n(100, 99999) + ",\"order\":\"").n(v.nineDigitNonBsn("order-id")).t("\"");
                case 2 -> d.t("\"msg\":\"payout created\",\"beneficiary_iban\":\"").p(v.ibanCompactV()).t("\",\"rejected_iban\":\"").n(v.ibanBadCheck()).t("\",\"name\":\"" + v.person().full() + "\"");
                case 3 -> d.t("\"msg\":\"kyc check\",\"bsn\":\"").p(EntityType.BSN, "bsn-plain", v.bsnPlain()).t("\",\"birth_date\":\"").p(v.dob(1)).t("\",\"result\":\"pass\"");
                case 4 -> d.t("\"msg\":\"upstream call\",\"headers\":{\"authorization\":\"Bearer ").p(v.jwt()).t("\"},\"remote\":\"").p(v.ip4()).t(":" + v.n(1000, 9999) + "\"");
                case 5 -> d.t("\"msg\":\"card stored\",\"pan\":\"").p(v.card()).t("\",\"build\":\"").n(v.version4()).t("\"");
                default -> d.t("\"msg\":\"sms sent\",\"to\":\"").p(EntityType.PHONE_NUMBER, "phone-nl-mobile-e164", "+316" + v.n(1, 6) + v.digits(7)).t("\",\"provider_ref\":\"" + v.uuid() + "\"");
            }
            d.t("}\n");
        }
    }

    static void javaStack(Doc d, Holdout4Values v) {
        d.t(v.timestamp() + ",123 ERROR [http-nio-8080-exec-" + v.n(1, 20) + "] n.t.b.PaymentController - Request failed for customer ")
                .p(v.email()).t(" from ").p(v.ip()).nl();
        d.t("nl.tulpbank.payments.ValidationException: IBAN ").n(v.ibanBadCheck()).t(" rejected: checksum mismatch (debtor BSN ").p(v.bsn()).t(")\n");
        String[] frames = {"nl.tulpbank.payments.IbanValidator.validate(IbanValidator.java:", "nl.tulpbank.payments.PaymentService.submit(PaymentService.java:",
            "org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:", "org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:"};
        for (String f : frames) {
            d.t("\tat " + f + v.n(40, 900) + ")\n");
        }
        d.t("\t... " + v.n(20, 80) + " common frames omitted\n");
        d.t("Caused by: java.sql.SQLIntegrityConstraintViolationException: Duplicate entry '").p(v.card()).t("' for key 'cards.pan_uq'\n");
        d.t("\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:" + v.n(100, 200) + ")\n");
        d.t(v.timestamp() + ",456 WARN  [main] o.h.e.j.e.i.JdbcEnvironmentInitiator - jdbc:mysql://").p(v.ip4()).t(":3306/payments?user=app&password=")
                .p(EntityType.GENERIC_SECRET, "secret-query-param", v.secretPassword().value()).nl();
        d.t(v.timestamp() + ",789 INFO  [main] n.t.b.Application - Started in " + v.n(3, 30) + "." + v.n(100, 999) + " seconds (version ").n(v.version4()).t(", heap ").n(v.sizeUnit()).t(")\n");
    }

    static void pythonTrace(Doc d, Holdout4Values v) {
        d.t("[" + v.timestamp() + "] ERROR in worker: task send_invoice failed\nTraceback (most recent call last):\n");
        d.t("  File \"/srv/app/tasks.py\", line " + v.n(10, 300) + ", in send_invoice\n    resp = client.post(url, json=payload)\n");
        d.t("  File \"/usr/lib/python3.12/site-packages/httpx/_client.py\", line " + v.n(1000, 2000) + ", in post\n");
        d.t("httpx.ConnectError: [Errno 111] Connection refused ({'host': '").p(v.ip()).t("', 'port': 8443})\n");
        d.t("payload = {'customer_email': '").p(v.email()).t("', 'iban': '").p(v.iban()).t("', 'phone': '").p(v.phone()).t("', 'invoice_no': '").n(v.nineDigitNonBsn("invoice-number")).t("'}\n");
        d.t("[" + v.timestamp() + "] WARNING settings: SECRET_KEY='").p(v.secret()).t("' loaded from environment\n");
        d.t("[" + v.timestamp() + "] INFO celery.worker: Connected to redis://:").p(EntityType.GENERIC_SECRET, "secret-dsn-password", v.secretPassword().value())
                .t("@").p(v.ip4()).t(":6379/0\n");
        d.t("[" + v.timestamp() + "] INFO retry scheduled, next attempt at " + v.isoTs() + "\n");
    }

    static void k8sLogs(Doc d, Holdout4Values v) {
        String pod = v.pick("api", "billing", "auth") + "-" + v.hex(10) + "-" + v.chars(Holdout4Values.LOWER, 5);
        d.t("$ kubectl logs " + pod + " -n prod --timestamps\n");
        int n = v.n(8, 13);
        for (int i = 0; i < n; i++) {
            d.t(v.isoTs() + " ");
            switch (v.n(0, 8)) {
                case 0 -> d.t("I1130 " + v.n(10, 23) + ":0" + v.n(0, 9) + ":11.0 1 server.go:" + v.n(40, 300) + "] listening on ").p(v.ip4()).t(":8080");
                case 1 -> d.t("ENV AWS_ACCESS_KEY_ID=").p(v.awsKeyId()).t(" AWS_SECRET_ACCESS_KEY=").p(v.awsSecret());
                case 2 -> d.t("level=info msg=\"webhook delivered\" to=").p(v.email()).t(" attempt=" + v.n(1, 4));
                case 3 -> d.t("level=warn msg=\"image pulled\" image=registry.local/api@sha256:" + v.hex(64));
                case 4 -> d.t("level=debug msg=\"config\" GITHUB_TOKEN=").p(v.githubToken()).t(" REDIS_PASSWORD=").n(v.secretPlaceholder());
                case 6 -> d.t("level=info msg=\"gc\" heap=").n(v.sizeUnit()).t(" version=").n(v.version4()).t(" job=").n(v.nineDigitNonBsn("job-id"));
                default -> d.t("level=info msg=\"peer\" addr=[").p(EntityType.IP_ADDRESS, "ipv6", v.ipv6()).t("]:" + v.n(1000, 60000));
            }
            d.nl();
        }
        d.t("$ docker logs --tail 3 pg\n" + v.timestamp() + ".123 UTC [1] LOG:  connection received: host=").p(v.ip()).t(" port=" + v.n(30000, 60000) + "\n");
    }

    static void auditTrail(Doc d, Holdout4Values v) {
        int n = v.n(9, 15);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t(v.isoTs() + " AUDIT case=").n(v.nineDigitNonBsn("case-id")).t(" actor=").p(v.email(p)).t(" src=").p(v.ip()).t(" ");
            switch (v.n(0, 5)) {
                case 0 -> d.t("action=VIEW_RECORD subject_bsn=").p(v.bsn()).t(" reason=\"klantvraag\"");
                case 1 -> d.t("action=UPDATE_IBAN old=").p(v.ibanCompactV()).t(" new=").p(v.ibanCompactV());
                case 2 -> d.t("action=EXPORT rows=" + v.n(10, 9999) + " file=export-" + v.recentIso() + ".csv job=").n(v.nineDigitNonBsn("job-id"));
                case 3 -> d.t("action=RESET_PASSWORD target=").p(v.email()).t(" ticket=").n(v.nineDigitNonBsn("ticket-id"));
                default -> d.t("action=VERIFY_ID doc=").p(v.idCard()).t(" result=ok");
            }
            d.nl();
        }
    }

    // ------------------------------------------------------------------ CSV

    static void csvNl(Doc d, Holdout4Values v) {
        d.t("klantnr;naam;bsn;geboortedatum;iban;postcode;woonplaats;telefoon;email;laatste_order;orderdatum\n");
        int n = v.n(5, 9);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t(v.id(6) + ";" + p.full() + ";").p(v.bsn()).t(";").p(v.dob(v.pick(List.of(0, 2, 3)))).t(";").p(v.iban()).t(";").p(v.postcode())
                    .t(";" + v.pick(Holdout4Values.CITIES) + ";").p(v.phone()).t(";").p(v.email(p)).t(";").n(v.nineDigitNonBsn("order-number")).t(";").n(v.otherDate("order-date", 0)).nl();
        }
        d.t("totaal;" + n + " klanten;;;;;;;;;\n");
    }

    static void csvEn(Doc d, Holdout4Values v) {
        d.t("\"id\",\"name\",\"email\",\"card_number\",\"expiry\",\"billing_postcode\",\"ip\",\"signup_date\",\"order_ref\",\"notes\"\n");
        int n = v.n(6, 10);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t(v.id(5) + ",\"" + p.last() + ", " + p.first() + "\",\"").p(v.email(p)).t("\",\"");
            if (v.chance(0.7)) {
                d.p(v.card());
            } else if (v.chance(0.5)) {
                d.n(v.cardMasked());
            } else {
                d.n(v.cardLuhnFail());
            }
            d.t("\",\"" + String.format(Locale.ROOT, "%02d/%02d", v.n(1, 13), v.n(26, 31)) + "\",\"").p(v.postcode()).t("\",").p(v.ip()).t(",")
                    .n(v.otherDate("signup-date", 1)).t(",").n(v.nineDigitNonBsn("order-ref")).t(",\"" + v.pick("VIP", "called re: refund, said \"\"ok\"\"", "", "moved abroad") + "\"\n");
        }
    }

    static void tsvPayments(Doc d, Holdout4Values v) {
        d.t("boekdatum\tvaluta\trekening\ttegenrekening\tnaam\tbedrag\tomschrijving\tkenmerk\n");
        int n = v.n(7, 12);
        for (int i = 0; i < n; i++) {
            d.t(v.recentIso() + "\t").n(v.otherDate("value-date", 1)).t("\t").p(v.ibanCompactV()).t("\t");
            if (v.chance(0.85)) {
                d.p(v.ibanCompactV());
            } else {
                d.n(v.ibanBadCheck());
            }
            d.t("\t" + v.person().full() + "\t" + (v.chance(0.5) ? "-" : "") + v.n(1, 2000) + "," + v.n(10, 99) + "\t"
                    + v.pick("Huur", "Salaris", "Terugbetaling", "Factuur", "Zorgverzekering") + "\t").n(v.nineDigitNonBsn("betalingskenmerk")).nl();
        }
    }

    static void csvHr(Doc d, Holdout4Values v) {
        d.t("Employee ID,First Name,Last Name,Date of Birth,Passport No,Personal Email,Mobile,Start Date,Salary IBAN,Badge,Corporate Card\n");
        int n = v.n(5, 9);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t("E" + v.id(5) + "," + p.first() + "," + p.last() + ",").p(v.dob(v.pick(List.of(1, 2)))).t(",").p(v.passport()).t(",").p(v.email(p))
                    .t(",").p(v.phone()).t(",").n(v.otherDate("start-date", 1)).t(",").p(v.ibanCompactV()).t(",").n(v.nineDigitNonBsn("badge-number")).t(",");
            if (v.chance(0.5)) {
                d.p(v.card());
            } else {
                d.n(v.cardMasked());
            }
            d.nl();
        }
        d.t("# template row: E00000,First,Last,YYYY-MM-DD,").n(v.docNumberInvalid()).t(",name@domain,06-XXXXXXXX,,\n");
    }

    // ------------------------------------------------------------------ JSON

    static void jsonApi(Doc d, Holdout4Values v) {
        d.t("{\n  \"status\": \"ok\",\n  \"request_id\": \"" + v.uuid() + "\",\n  \"data\": {\n    \"customers\": [\n");
        int n = v.n(2, 4);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t("      {\n        \"id\": " + v.id(7) + ",\n        \"customerNumber\": \"").n(v.nineDigitNonBsn("customer-number")).t("\",\n        \"memberSince\": \"").n(v.otherDate("member-since", 1)).t("\",\n        \"name\": \"" + p.full() + "\",\n        \"contact\": {\"email\": \"").p(v.email(p))
                    .t("\", \"phone\": \"").p(v.phone()).t("\"},\n        \"birthDate\": \"").p(v.dob(1)).t("\",\n        \"address\": {\"street\": \""
                            + v.pick(Holdout4Values.STREETS) + " " + v.n(1, 99) + "\", \"postalCode\": \"").p(v.postcode()).t("\", \"city\": \"" + v.pick(Holdout4Values.CITIES)
                            + "\"},\n        \"accounts\": [\"").p(v.ibanCompactV()).t("\"],\n        \"lastLoginIp\": \"").p(v.ip()).t("\",\n        \"createdAt\": \"" + v.isoTs() + "\"\n      }" + (i < n - 1 ? "," : "") + "\n");
        }
        d.t("    ]\n  },\n  \"meta\": {\"api_version\": \"").n(v.version4()).t("\", \"page\": 1, \"etag\": \"" + v.hex(40) + "\"}\n}\n");
    }

    static void jsonOrders(Doc d, Holdout4Values v) {
        d.t("[\n");
        int n = v.n(3, 6);
        for (int i = 0; i < n; i++) {
            d.t("  {\"orderId\": \"").n(v.nineDigitNonBsn("order-id")).t("\", \"placed\": \"").n(v.otherDate("order-date", 1)).t("\", \"payment\": {\"method\": \"card\", \"pan\": \"");
            if (v.chance(0.6)) {
                d.p(v.card());
            } else {
                d.n(v.cardMasked());
            }
            d.t("\", \"holder\": \"" + v.person().full() + "\"}, \"shipTo\": {\"zip\": \"").p(v.postcode()).t("\", \"phone\": \"").p(v.phone())
                    .t("\"}, \"clientIp\": \"").p(v.ip()).t("\", \"sku\": \"").n(v.docNumberInvalid()).t("\", \"items\": [" + v.n(1, 9) + ", " + v.n(1, 9) + "]}" + (i < n - 1 ? "," : "") + "\n");
        }
        d.t("]\n");
    }

    static void postman(Doc d, Holdout4Values v) {
        d.t("{\n  \"info\": {\"_postman_id\": \"" + v.uuid() + "\", \"name\": \"Partner API\", \"schema\": \"https://schema.getpostman.com/json/collection/v2.1.0/collection.json\"},\n");
        d.t("  \"item\": [\n    {\n      \"name\": \"Create customer\",\n      \"request\": {\n        \"method\": \"POST\",\n        \"header\": [\n");
        d.t("          {\"key\": \"Authorization\", \"value\": \"Bearer ").p(v.jwt()).t("\"},\n");
        d.t("          {\"key\": \"X-Api-Key\", \"value\": \"").p(EntityType.GENERIC_SECRET, "secret-kv-pair", v.secret().value()).t("\"}\n        ],\n");
        Person p = v.person();
        d.t("        \"body\": {\"mode\": \"raw\", \"raw\": \"{\\\"email\\\": \\\"").p(v.email(p)).t("\\\", \\\"iban\\\": \\\"").p(v.ibanCompactV())
                .t("\\\", \\\"bsn\\\": \\\"").p(EntityType.BSN, "bsn-plain", v.bsnPlain()).t("\\\"}\"},\n");
        d.t("        \"url\": \"https://api.partner.local/v1/customers\"\n      }\n    }\n  ],\n");
        d.t("  \"variable\": [\n    {\"key\": \"api_token\", \"value\": \"").p(v.githubToken()).t("\"},\n    {\"key\": \"password\", \"value\": \"").n(v.secretNegative())
                .t("\"},\n    {\"key\": \"client_secret\", \"value\": \"").p(EntityType.GENERIC_SECRET, "secret-kv-pair", v.secret().value()).t("\"}\n  ]\n}\n");
    }

    static void har(Doc d, Holdout4Values v) {
        d.t("{\"log\": {\"version\": \"1.2\", \"creator\": {\"name\": \"Firefox\", \"version\": \"128.0\"}, \"entries\": [\n");
        int n = v.n(2, 4);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t("  {\"startedDateTime\": \"" + v.isoTs() + "\", \"serverIPAddress\": \"").p(v.ip()).t("\", \"request\": {\"method\": \"POST\", \"url\": \"https://shop.")
                    .t(v.pick(Holdout4Values.ORG_DOMAINS)).t("/api/login\", \"headers\": [{\"name\": \"Cookie\", \"value\": \"session=").p(v.jwt())
                    .t("\"}], \"postData\": {\"mimeType\": \"application/x-www-form-urlencoded\", \"text\": \"username=").p(v.email(p)).t("&password=")
                    .p(EntityType.GENERIC_SECRET, "secret-form-field", v.secretPassword().value()).t("\"}}, \"response\": {\"status\": 200, \"content\": {\"text\": \"{\\\"phone\\\":\\\"")
                    .p(v.phone()).t("\\\",\\\"hash\\\":\\\"" + v.hex(64) + "\\\"}\"}}}" + (i < n - 1 ? "," : "") + "\n");
        }
        d.t("]}}\n");
    }

    static void ipynb(Doc d, Holdout4Values v) {
        d.t("{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": 1,\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n");
        d.t("    \"import boto3, pandas as pd\\n\",\n    \"s3 = boto3.client('s3', aws_access_key_id='").p(v.awsKeyId()).t("',\\n\",\n");
        d.t("    \"                  aws_secret_access_key='").p(v.awsSecret()).t("')\\n\",\n    \"df = pd.read_csv('s3://exports/klanten.csv')\"\n   ]\n  },\n");
        d.t("  {\n   \"cell_type\": \"code\",\n   \"execution_count\": 2,\n   \"metadata\": {},\n   \"outputs\": [\n    {\n     \"output_type\": \"execute_result\",\n     \"data\": {\"text/plain\": [\n");
        d.t("      \"   klant_id            email          bsn   geboortedatum\\n\",\n");
        int n = v.n(3, 6);
        for (int i = 0; i < n; i++) {
            d.t("      \"" + i + "  " + v.id(6) + "  ").p(v.email()).t("  ").p(EntityType.BSN, "bsn-plain", v.bsnPlain()).t("  ").p(v.dob(1)).t("\\n\",\n");
        }
        d.t("      \"[" + n + " rows x 4 columns]\"\n     ]}\n    }\n   ],\n   \"source\": [\"df.head()\"]\n  },\n");
        d.t("  {\n   \"cell_type\": \"markdown\",\n   \"metadata\": {},\n   \"source\": [\"Model checkpoint `" + v.hex(40) + "`, dataset version ").n(v.version4()).t("\"]\n  }\n ],\n");
        d.t(" \"metadata\": {\"kernelspec\": {\"name\": \"python3\"}},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n");
    }

    // ------------------------------------------------------------------ YAML

    static String indentNl(String indent) {
        return "\n" + indent;
    }

    static void k8sManifest(Doc d, Holdout4Values v) {
        d.t("apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + v.pick("billing", "api", "worker") + "-credentials\n  namespace: prod\ntype: Opaque\nstringData:\n");
        d.t("  DB_PASSWORD: \"").p(v.secret()).t("\"\n  SMTP_PASSWORD: ").p(v.secretPassword()).t("\n  API_TOKEN: ").p(v.githubToken()).t("\n");
        d.t("  tls.key: |\n    ").p(v.privateKey(indentNl("    "))).t("\n  tls.crt: |\n    ").n(v.publicPem(indentNl("    "))).t("\n---\n");
        d.t("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.local/api:").n(v.version4()).t("\n");
        d.t("          env:\n            - name: DB_HOST\n              value: \"").p(v.ip()).t("\"\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef: {name: billing-credentials, key: DB_PASSWORD}\n");
        d.t("            - name: ADMIN_EMAIL\n              value: ").p(v.emailRole()).t("\n            - name: SESSION_SECRET\n              value: \"").n(v.secretPlaceholder()).t("\"\n");
    }

    static void dockerCompose(Doc d, Holdout4Values v) {
        d.t("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: ").p(v.secretPassword()).t("\n");
        d.t("    ports:\n      - \"5432:5432\"\n  api:\n    build: .\n    environment:\n      - DATABASE_URL=postgres://app:").p(EntityType.GENERIC_SECRET, "secret-dsn-password", v.secretPassword().value())
                .t("@db:5432/app\n      - JWT_SECRET=").p(v.secret()).t("\n      - MAIL_FROM=").p(v.emailRole()).t("\n      - STRIPE_API_KEY=${STRIPE_API_KEY}\n");
        d.t("      - AWS_ACCESS_KEY_ID=").p(v.awsKeyId()).t("\n      - AWS_SECRET_ACCESS_KEY=").p(v.awsSecret()).t("\n      - REDIS_PASSWORD=").n(v.secretNegative()).t("\n");
        d.t("    networks:\n      backend:\n        ipv4_address: ").p(v.ip()).t("\n  mailhog:\n    image: mailhog/mailhog:v1.0.1\n    mem_limit: ").n(v.sizeUnit()).t("\nnetworks:\n  backend:\n    ipam:\n      config:\n        - subnet: ")
                .p(EntityType.IP_ADDRESS, "ipv4-network", "172." + v.n(16, 32) + ".0.0").t("/16\n");
    }

    static void ansibleVars(Doc d, Holdout4Values v) {
        d.t("---\n# group_vars/webservers.yml\nntp_servers:\n  - ").p(v.ip()).t("\n  - ").p(v.ip()).t("\nmysql_root_password: \"{{ vault_mysql_root_password }}\"\n");
        d.t("app_db_password: ").p(v.secretPassword()).t("   # TODO move to vault\nbackup_password: \"").n(v.secretNegative()).t("\"\n");
        d.t("admin_users:\n");
        int n = v.n(2, 5);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t("  - name: " + Holdout4Values.slug(p.first()) + "\n    comment: \"" + p.full() + "\"\n    email: ").p(v.email(p)).t("\n    phone: \"").p(v.phone()).t("\"\n");
            if (v.chance(0.5)) {
                d.t("    ssh_key: \"").n(v.sshPublicKey()).t(" " + Holdout4Values.slug(p.first()) + "-laptop\"\n");
            }
        }
        d.t("password_min_length: 12\napi_token: \"").n(v.secretNegative()).t("\"\nswap_size: ").n(v.sizeUnit()).t("\ndeploy_key: |\n  ").p(v.privateKey(indentNl("  "))).t("\npackage_version: ").n(v.version4()).t("\n");
    }

    static void openapi(Doc d, Holdout4Values v) {
        d.t("openapi: 3.0.3\ninfo:\n  title: Klantregister API\n  version: 2.4.0\n  contact:\n    email: ").p(v.emailRole()).t("\nservers:\n  - url: https://api.register.local/v2\n");
        d.t("components:\n  schemas:\n    Klant:\n      type: object\n      properties:\n        bsn:\n          type: string\n          pattern: '^[0-9]{9}$'\n          example: \"").p(EntityType.BSN, "bsn-plain", v.bsnPlain()).t("\"\n");
        d.t("        geboortedatum:\n          type: string\n          format: date\n          example: ").p(v.dob(1)).t("\n");
        d.t("        iban:\n          type: string\n          example: ").p(v.ibanCompactV()).t("\n        telefoon:\n          type: string\n          example: \"").p(v.phone()).t("\"\n");
        d.t("        postcode:\n          type: string\n          example: ").p(EntityType.POSTCODE, "postcode-compact", v.postcodeCompact()).t("\n");
        d.t("    Factuur:\n      properties:\n        factuurnummer:\n          example: \"").n(v.nineDigitNonBsn("factuurnummer")).t("\"\n        factuurdatum:\n          example: \"").n(v.otherDate("invoice-date", 1)).t("\"\n");
        d.t("  securitySchemes:\n    bearer:\n      type: http\n      scheme: bearer\n      bearerFormat: JWT\n      x-example-token: ").p(v.jwt()).t("\n");
    }

    static void ciConfig(Doc d, Holdout4Values v) {
        if (v.chance(0.5)) {
            d.t("name: release\non:\n  push:\n    tags: ['v*']\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      REGISTRY_TOKEN: ${{ secrets.REGISTRY_TOKEN }}\n");
            d.t("      NPM_TOKEN: ").p(v.secret()).t("\n      GH_TOKEN: ").p(v.githubToken()).t("\n    steps:\n      - uses: actions/checkout@v4\n");
            d.t("      - run: ./gradlew publish -Psigning.password=").n(v.secretNegative()).t("\n      - run: curl -H \"Authorization: token ").p(v.githubToken()).t("\" https://api.github.com/user\n");
        } else {
            d.t("stages: [test, deploy]\nvariables:\n  DOCKER_HOST: tcp://").p(v.ip4()).t(":2375\n  POSTGRES_PASSWORD: ").p(v.secretPassword()).t("\n  SONAR_TOKEN: $SONAR_TOKEN\n");
            d.t("deploy:\n  stage: deploy\n  script:\n    - export AWS_ACCESS_KEY_ID=").p(v.awsKeyId()).t("\n    - export AWS_SECRET_ACCESS_KEY=").p(v.awsSecret())
                    .t("\n    - aws s3 sync dist/ s3://site-" + v.hex(6) + "\n  only: [main]\n");
        }
        d.t("# example token format: ").n(v.githubTokenBad()).t(", session format: ").n(v.jwtLike()).t("\n# commit " + v.hex(40) + " — notify ").p(v.emailRole()).nl();
    }

    // ------------------------------------------------------------------ config files

    static void dotenv(Doc d, Holdout4Values v) {
        d.t("# generated " + v.timestamp() + "\nAPP_ENV=production\nAPP_KEY=base64:").p(EntityType.GENERIC_SECRET, "secret-app-key", v.clean(() -> v.chars(Holdout4Values.B64, 43)) + "=").nl();
        d.t("DB_HOST=").p(v.ip()).t("\nDB_PASSWORD=").p(v.secretPassword()).t("\nDB_PASSWORD_OLD=").n(v.secretNegative()).nl();
        d.t("MAIL_USERNAME=").p(v.emailRole()).t("\nMAIL_PASSWORD=\"").p(v.secret()).t("\"\n");
        d.t("AWS_ACCESS_KEY_ID=").p(v.awsKeyId()).t("\nAWS_SECRET_ACCESS_KEY=").p(v.awsSecret()).t("\nAWS_DEFAULT_REGION=eu-west-1\n");
        d.t("GITHUB_TOKEN=").p(v.githubToken()).t("\nSENTRY_DSN=https://").n(new V(EntityType.EMAIL, "url-userinfo", v.hex(32) + "@o" + v.id(6) + ".ingest.sentry.io")).t("/" + v.id(7) + "\n");
        d.t("GITHUB_TOKEN_EXAMPLE=");
        V bad = v.githubTokenBad();
        if (Holdout4Values.genericSecretValid(bad.value())) {
            d.p(EntityType.GENERIC_SECRET, "secret-token-not-github-shape", bad.value());
        } else {
            d.n(bad);
        }
        d.t("\nAWS_ACCESS_KEY_ID_TEST=").n(v.awsKeyIdBad()).t("\nAPI_KEY=").n(v.secretNegative()).t("\nTOKEN_TTL=3600\nSUPPORT_PHONE=\"").p(v.phone()).t("\"\nRELEASE=").n(v.version4()).t("\nSESSION_SECRET=").n(v.secretPlaceholder()).nl();
    }

    static void ini(Doc d, Holdout4Values v) {
        d.t("; sync-agent configuration\n[server]\nhost = ").p(v.ip()).t("\nport = 8443\n\n[database]\nuser = sync\npassword = ").p(v.secretPassword()).t("\n\n");
        d.t("[smtp]\nfrom = ").p(v.emailRole()).t("\nrelay = ").p(v.ip()).t("\npassword = ").n(v.secretNegative()).t("\n\n");
        d.t("[api]\napi_key = ").p(v.secret()).t("\ntimeout = 30\n\n[contact]\nname = " + v.person().full() + "\nphone = ").p(v.phone()).t("\nemail = ").p(v.email()).t("\n");
        d.t("\n[ldap]\nbase_dn = dc=corp,dc=local\nschema_oid = ").n(v.oid()).nl();
    }

    static void properties(Doc d, Holdout4Values v) {
        d.t("# Spring Boot\nspring.datasource.url=jdbc:postgresql://").p(v.ip4()).t(":5432/crm\nspring.datasource.username=crm\nspring.datasource.password=").p(v.secretPassword()).nl();
        d.t("spring.mail.host=smtp.office365.com\nspring.mail.username=").p(v.emailRole()).t("\nspring.mail.password=").n(v.secretNegative()).nl();
        d.t("app.jwt.secret=").p(v.secret()).t("\napp.security.oauth2.client-secret=").p(v.secret()).nl();
        d.t("app.support.phone=").p(v.phone()).t("\napp.support.iban=").p(v.ibanCompactV()).t("\napp.build.version=").n(v.version4()).nl();
        d.t("app.api.token=").n(v.secretNegative()).t("\napp.legacy.iban=").n(v.ibanBadCheck()).t("\nmanagement.endpoints.web.exposure.include=health,info\nlogging.level.root=INFO\napp.upload.max-size=").n(v.sizeUnit()).nl();
    }

    static void toml(Doc d, Holdout4Values v) {
        d.t("[app]\nname = \"ledger\"\nversion = \"").n(v.version4()).t("\"\n\n[database]\nurl = \"postgres://ledger@").p(v.ip4()).t("/ledger\"\npassword = \"").p(v.secret()).t("\"\n\n");
        d.t("[github]\ntoken = \"").p(v.githubToken()).t("\"\n\n[signing]\nprivate_key = \"").p(v.privateKey("\\n")).t("\"\n\n");
        d.t("[[owners]]\nname = \"" + v.person().full() + "\"\nemail = \"").p(v.email()).t("\"\n\n[[owners]]\nname = \"" + v.person().full() + "\"\nemail = \"").p(v.email()).t("\"\n");
        d.t("\n[cache]\nredis_password = \"").n(v.secretNegative()).t("\"\n");
    }

    // ------------------------------------------------------------------ source

    static void goSource(Doc d, Holdout4Values v) {
        d.t("package client\n\nimport (\n\t\"net/http\"\n\t\"time\"\n)\n\n// TODO(" + Holdout4Values.slug(v.pick(Holdout4Values.NL_FIRST)) + "): read from env\nconst (\n");
        d.t("\tapiToken = \"").p(v.secret()).t("\"\n\tbaseURL  = \"https://").p(v.ip4()).t(":8443/v1\"\n\tghToken  = \"").p(v.githubToken()).t("\"\n)\n\n");
        d.t("var testCustomer = Customer{\n\tName:  \"" + v.person().full() + "\",\n\tEmail: \"").p(v.email()).t("\",\n\tIBAN:  \"").p(v.ibanCompactV()).t("\",\n\tBSN:   \"")
                .p(EntityType.BSN, "bsn-plain", v.bsnPlain()).t("\",\n\tPhone: \"").p(v.phone()).t("\",\n\tOrder: ").n(v.nineDigitNonBsn("order-id")).t(",\n}\n\n");
        d.t("var invalidInputs = []string{\"").n(v.nineDigitNonBsn("bsn-11proof-fail")).t("\", \"").n(v.ibanBadCheck()).t("\", \"").n(v.cardLuhnFail()).t("\", \"").n(v.phoneInvalid()).t("\", \"").n(v.docNumberInvalid()).t("\"}\n\n");
        d.t("func New() *http.Client {\n\treturn &http.Client{Timeout: 10 * time.Second} // build ").n(v.version4()).t("\n}\n");
    }

    static void csharp(Doc d, Holdout4Values v) {
        d.t("using System;\n\nnamespace Crm.Tests\n{\n    public static class CustomerSeed\n    {\n");
        d.t("        private const string ConnectionString = \"Server=").p(v.ip4()).t(";Database=crm;User Id=sa;Password=").p(EntityType.GENERIC_SECRET, "secret-connstring", v.secretPassword().value()).t(";\";\n");
        d.t("        private const string StorageKey = \"").p(EntityType.GENERIC_SECRET, "secret-other-key-name", v.secret().value()).t("\";\n\n        public static readonly Customer[] All =\n        {\n");
        int n = v.n(2, 4);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t("            new Customer { Name = \"" + p.full() + "\", Email = \"").p(v.email(p)).t("\", Card = \"").p(v.card()).t("\", BirthDate = DateTime.Parse(\"").p(v.dob(1))
                    .t("\"), Postcode = \"").p(v.postcode()).t("\" },\n");
        }
        d.t("            new Customer { Name = \"Masked\", Card = \"").n(v.cardMasked()).t("\", Bsn = \"").n(v.nineDigitNonBsn("bsn-11proof-fail")).t("\" },\n");
        d.t("            new Customer { Name = \"Declined\", Card = \"").n(v.cardLuhnFail()).t("\" },\n        };\n    }\n}\n");
    }

    static void php(Doc d, Holdout4Values v) {
        d.t("<?php\n\nreturn [\n    'db' => [\n        'host' => '").p(v.ip()).t("',\n        'username' => 'shop',\n        'password' => '").p(v.secretPassword()).t("',\n    ],\n");
        d.t("    'mollie_api_key' => '").p(v.secret()).t("',\n    'mail' => ['from' => '").p(v.emailRole()).t("', 'password' => getenv('MAIL_PASSWORD')],\n");
        d.t("    'merchant' => [\n        'iban' => '").p(v.iban()).t("',\n        'kvk' => '" + v.id(8) + "',\n        'phone' => '").p(v.phone()).t("',\n        'postcode' => '").p(v.postcode()).t("',\n    ],\n");
        d.t("    'legacy_secret' => '").n(v.secretNegative()).t("',\n    'jwt_public' => \"").n(v.publicPem("\\n")).t("\",\n];\n");
    }

    static void typescript(Doc d, Holdout4Values v) {
        d.t("import { Customer } from '../src/model';\n\nexport const API_KEY = '").p(v.secret()).t("';\nexport const SESSION = '").p(v.jwt()).t("';\n\n");
        d.t("export const customers: Customer[] = [\n");
        int n = v.n(2, 5);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t("  { id: '" + v.uuid() + "', name: '" + p.full() + "', email: '").p(v.email(p)).t("', phone: '").p(v.phone()).t("', dateOfBirth: '").p(v.dob(1))
                    .t("', iban: '").p(v.ibanCompactV()).t("' },\n");
        }
        d.t("];\n\n// not a secret, just a commit: " + v.hex(40) + "\nexport const invalidIban = '").n(v.ibanBadCheck()).t("';\nexport const password = '").n(v.secretNegative()).t("';\nexport const notAJwt = '").n(v.jwtLike()).t("';\nexport const releases = ['").n(v.version4()).t("', '").n(v.version4()).t("'];\n");
    }

    static void python(Doc d, Holdout4Values v) {
        d.t("import os\n\nDEBUG = False\nSECRET_KEY = \"").p(v.secret()).t("\"\nALLOWED_HOSTS = [\"").p(v.ip()).t("\", \"app.internal\"]\n\n");
        d.t("DATABASES = {\n    \"default\": {\n        \"ENGINE\": \"django.db.backends.postgresql\",\n        \"HOST\": \"").p(v.ip()).t("\",\n        \"PASSWORD\": os.environ.get(\"DB_PASSWORD\", \"")
                .n(v.secretNegative()).t("\"),\n    }\n}\n\n");
        d.t("AWS_ACCESS_KEY_ID = \"").p(v.awsKeyId()).t("\"\nAWS_SECRET_ACCESS_KEY = \"").p(v.awsSecret()).t("\"\n\nADMINS = [(\"" + v.person().full() + "\", \"").p(v.email()).t("\")]\n");
        d.t("TEST_BSN = \"").p(EntityType.BSN, "bsn-plain", v.bsnPlain()).t("\"\nNOT_A_BSN = \"").n(v.nineDigitNonBsn("bsn-11proof-fail")).t("\"  # fails the 11-proof on purpose\n");
        d.t("BAD_CARD = \"").n(v.cardLuhnFail()).t("\"\nMASKED = \"").n(v.cardMasked()).t("\"\nINVALID_IBAN = \"").n(v.ibanBadCheck()).t("\"\nTEST_CARD = \"").p(v.card()).t("\"\nVERSION = \"").n(v.version4()).t("\"\n");
    }

    static void java(Doc d, Holdout4Values v) {
        d.t("package nl.example.crm;\n\nimport static org.junit.jupiter.api.Assertions.*;\n\nclass CustomerTestData {\n\n");
        d.t("    static final String PRIVATE_KEY = \"").p(v.privateKey("\\n\"\n            + \"")).t("\";\n\n");
        int n = v.n(2, 4);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t("    static final Customer C" + i + " = Customer.builder().name(\"" + p.full() + "\").email(\"").p(v.email(p)).t("\").bsn(\"").p(v.bsn()).t("\").birthDate(LocalDate.parse(\"").p(v.dob(1))
                    .t("\")).passportNumber(\"").p(v.passport()).t("\").build();\n");
        }
        d.t("\n    @Test\n    void rejectsBadCard() {\n        assertFalse(Luhn.valid(\"").n(v.cardLuhnFail()).t("\"));\n        assertTrue(Luhn.valid(\"").p(v.card()).t("\"));\n    }\n}\n");
    }

    static void shell(Doc d, Holdout4Values v) {
        d.t("#!/usr/bin/env bash\nset -euo pipefail\n\nexport VAULT_ADDR=https://").p(v.ip4()).t(":8200\nexport VAULT_TOKEN=").p(EntityType.GENERIC_SECRET, "secret-prefixed", "hvs." + v.clean(() -> v.chars(Holdout4Values.ALNUM, 24))).nl();
        d.t("export GITHUB_TOKEN=\"").p(v.githubToken()).t("\"\nDB_PASS='").p(v.secretPassword()).t("'\nADMIN_PASSWORD=\"${ADMIN_PASSWORD:-").n(v.secretPlaceholder()).t("}\"\n\n");
        d.t("curl -fsS -H \"Authorization: Bearer ").p(v.jwt()).t("\" \\\n  -d '{\"email\":\"").p(v.email()).t("\",\"phone\":\"").p(v.phone()).t("\"}' \\\n  https://api.internal/v1/contacts\n\n");
        d.t("ssh -i ~/.ssh/deploy deploy@").p(v.ip4()).t(" 'sudo systemctl restart app'\n");
        d.t("echo \"deployed $(git rev-parse HEAD) at $(date -Iseconds)\" | mail -s deploy ").p(v.emailRole()).nl();
    }

    static void powershell(Doc d, Holdout4Values v) {
        d.t("# Provision test users\n$ErrorActionPreference = 'Stop'\n$server = '").p(v.ip()).t("'\n$password = ConvertTo-SecureString '").p(EntityType.GENERIC_SECRET, "secret-ps-securestring", v.secretPassword().value()).t("' -AsPlainText -Force\n");
        d.t("$env:AZURE_CLIENT_SECRET = '").p(v.secret()).t("'\n$env:API_TOKEN = $null\n\n$users = @(\n");
        int n = v.n(2, 4);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t("    @{ Name = '" + p.full() + "'; Mail = '").p(v.email(p)).t("'; Mobile = '").p(v.phone()).t("'; EmployeeId = '").n(v.nineDigitNonBsn("employee-id")).t("' }\n");
        }
        d.t(")\nforeach ($u in $users) {\n    New-ADUser -Name $u.Name -EmailAddress $u.Mail -AccountPassword $password -Server $server\n}\n");
        d.t("Write-Host \"Done. Default password for reset is ").n(v.secretNegative()).t("\"\n");
    }

    static void sql(Doc d, Holdout4Values v) {
        d.t("-- seed data for acceptance\nCREATE TABLE klant (id INT PRIMARY KEY, naam VARCHAR(100), bsn CHAR(9), geboortedatum DATE, iban VARCHAR(34), email VARCHAR(200), telefoon VARCHAR(20));\n\n");
        d.t("INSERT INTO klant (id, naam, bsn, geboortedatum, iban, email, telefoon) VALUES\n");
        int n = v.n(3, 6);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t("  (" + (i + 1) + ", '" + p.full().replace("'", "''") + "', '").p(EntityType.BSN, "bsn-plain", v.bsnPlain()).t("', '").p(v.dob(1)).t("', '").p(v.ibanCompactV())
                    .t("', '").p(v.email(p)).t("', '").p(v.phone()).t("')" + (i < n - 1 ? "," : ";") + "\n");
        }
        d.t("\nINSERT INTO bestelling (ordernr, klant_id, besteld_op, kaart, build) VALUES\n");
        int m = v.n(3, 7);
        for (int i = 0; i < m; i++) {
            d.t("  (").n(v.nineDigitNonBsn("order-number")).t(", " + v.n(1, n + 1) + ", '").n(v.otherDate("order-date", 1)).t("', '").n(v.chance(0.5) ? v.cardMasked() : v.cardLuhnFail())
                    .t("', '").n(v.version4()).t("')" + (i < m - 1 ? "," : ";") + "\n");
        }
        d.t("\nUPDATE factuur SET status = 'paid' WHERE factuurnummer = ").n(v.nineDigitNonBsn("factuurnummer")).t(" AND datum = '").n(v.otherDate("invoice-date", 1)).t("';\n");
        d.t("CREATE USER reporting WITH PASSWORD '").p(v.secretPassword()).t("';\n-- GRANT for ").p(v.ip()).nl();
    }

    static void terraform(Doc d, Holdout4Values v) {
        d.t("provider \"aws\" {\n  region     = \"eu-central-1\"\n  access_key = \"").p(v.awsKeyId()).t("\"\n  secret_key = \"").p(v.awsSecret()).t("\"\n}\n\n");
        d.t("variable \"api_token\" {\n  default = \"").n(v.secretNegative()).t("\"\n}\n\n");
        d.t("variable \"db_password\" {\n  type      = string\n  sensitive = true\n  default   = \"").p(EntityType.GENERIC_SECRET, "secret-tf-variable-default", v.secret().value()).t("\"\n}\n\n");
        d.t("resource \"aws_security_group_rule\" \"office\" {\n  type        = \"ingress\"\n  cidr_blocks = [\"").p(v.ip4()).t("/32\", \"").p(v.ip4()).t("/32\"]\n  from_port   = 443\n  to_port     = 443\n}\n\n");
        d.t("resource \"aws_db_instance\" \"main\" {\n  engine_version = \"").n(v.version4()).t("\"\n  password       = var.db_password\n  tags = { owner = \"").p(v.emailRole()).t("\" }\n}\n");
        d.t("\nresource \"tls_private_key\" \"legacy\" {\n  # imported: ").p(v.privateKey("\n  # ")).t("\n}\n");
    }

    // ------------------------------------------------------------------ markup

    static void markdownTable(Doc d, Holdout4Values v) {
        d.t("# Testaccounts acceptatie\n\n> Alleen voor ACC. Niet delen buiten het team.\n\n| Naam | E-mail | BSN | Geb. datum | IBAN | Wachtwoord |\n|------|--------|-----|-----------|------|------------|\n");
        int n = v.n(3, 6);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t("| " + p.full() + " | ").p(v.email(p)).t(" | ").p(v.bsn()).t(" | ").p(v.dob(0)).t(" | ").p(v.iban()).t(" | `").p(EntityType.GENERIC_SECRET, "secret-table-cell", v.secretPassword().value()).t("` |\n");
        }
        d.t("| Template | (e-mail) | ").n(v.nineDigitNonBsn("bsn-11proof-fail")).t(" | dd-mm-jjjj | ").n(v.ibanBadCheck()).t(" | `").n(v.secretPlaceholder()).t("` |\n\n");
        d.t("Gebruik de API zo:\n\n```bash\ncurl -u admin:").p(EntityType.GENERIC_SECRET, "secret-basic-auth", v.secretPassword().value()).t(" https://").p(v.ip4()).t("/api/health\n```\n");
    }

    static void htmlForm(Doc d, Holdout4Values v) {
        Person p = v.person();
        d.t("<!DOCTYPE html>\n<html lang=\"nl\">\n<head><meta charset=\"utf-8\"><title>Wijzig gegevens</title></head>\n<body>\n<form method=\"post\" action=\"/profiel\">\n");
        d.t("  <input type=\"hidden\" name=\"csrf\" value=\"" + v.hex(32) + "\">\n  <label>Naam <input name=\"naam\" value=\"" + p.full() + "\"></label>\n");
        d.t("  <label>E-mail <input type=\"email\" name=\"email\" value=\"").p(v.email(p)).t("\"></label>\n  <label>Telefoon <input type=\"tel\" name=\"tel\" value=\"").p(v.phone()).t("\"></label>\n");
        d.t("  <label>Geboortedatum <input type=\"date\" name=\"geboortedatum\" value=\"").p(v.dob(1)).t("\"></label>\n  <label>Postcode <input name=\"postcode\" value=\"").p(v.postcode()).t("\"></label>\n");
        d.t("  <label>IBAN <input name=\"iban\" value=\"").p(v.iban()).t("\" placeholder=\"").n(new V(EntityType.IBAN, "iban-placeholder", "NL00 BANK 0123 4567 89")).t("\"></label>\n  <label>Wachtwoord <input type=\"password\" name=\"password\" value=\"\" placeholder=\"").n(v.secretPlaceholder()).t("\"></label>\n");
        d.t("</form>\n<p>Vragen? <a href=\"mailto:").p(v.emailRole()).t("\">mail ons</a> of bel <a href=\"tel:").p(EntityType.PHONE_NUMBER, "phone-nl-landline-e164", "+31" + v.pick(Holdout4Values.NL_AREA2) + v.subscriber(7)).t("\">ons</a>.</p>\n");
        d.t("<p>Klantnummer ").n(v.nineDigitNonBsn("klantnummer")).t(", laatste wijziging ").n(v.otherDate("change-date", 0)).t(".</p>\n");
        d.t("<!-- build ").n(v.version4()).t(" / " + v.hex(40) + " -->\n</body>\n</html>\n");
    }

    static void soapXml(Doc d, Holdout4Values v) {
        Person p = v.person();
        d.t("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:bg=\"urn:basisregistratie:v2\">\n");
        d.t("  <soapenv:Header>\n    <wsse:Security><wsse:UsernameToken><wsse:Username>svc-brp</wsse:Username><wsse:Password>").p(EntityType.GENERIC_SECRET, "secret-xml-element", v.secretPassword().value())
                .t("</wsse:Password></wsse:UsernameToken></wsse:Security>\n  </soapenv:Header>\n  <soapenv:Body>\n    <bg:PersoonAanvraag>\n");
        d.t("      <bg:Burgerservicenummer>").p(EntityType.BSN, "bsn-plain", v.bsnPlain()).t("</bg:Burgerservicenummer>\n      <bg:Geboortedatum>").p(v.dob(1)).t("</bg:Geboortedatum>\n");
        d.t("      <bg:Naam>" + p.full() + "</bg:Naam>\n      <bg:Postcode>").p(EntityType.POSTCODE, "postcode-compact", v.postcodeCompact()).t("</bg:Postcode>\n      <bg:Rekening iban=\"").p(v.ibanCompactV()).t("\"/>\n");
        d.t("      <bg:Document soort=\"paspoort\" nummer=\"").p(v.passport()).t("\"/>\n      <bg:Referentie>").n(v.nineDigitNonBsn("referentie")).t("</bg:Referentie>\n");
        d.t("      <bg:AanvraagDatum>").n(v.otherDate("request-date", 1)).t("</bg:AanvraagDatum>\n      <bg:ClientIp>").p(v.ip()).t("</bg:ClientIp>\n    </bg:PersoonAanvraag>\n  </soapenv:Body>\n</soapenv:Envelope>\n");
    }

    static void vcardIcs(Doc d, Holdout4Values v) {
        int n = v.n(2, 4);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t("BEGIN:VCARD\nVERSION:3.0\nFN:" + p.full() + "\nN:" + p.last() + ";" + p.first() + ";;;\nEMAIL;TYPE=INTERNET:").p(v.email(p)).t("\nTEL;TYPE=CELL:").p(v.phone()).t("\n");
            d.t("ADR;TYPE=HOME:;;" + v.pick(Holdout4Values.STREETS) + " " + v.n(1, 200) + ";" + v.pick(Holdout4Values.CITIES) + ";;").p(v.postcode()).t(";Nederland\nBDAY:").p(v.dob(1)).t("\nEND:VCARD\n");
        }
        d.t("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Agenda//NL\nBEGIN:VEVENT\nUID:" + v.uuid() + "\nDTSTART:" + v.recentIso().replace("-", "") + "T090000Z\n");
        d.t("SUMMARY:Intakegesprek\nORGANIZER;CN=Balie:mailto:").p(v.emailRole()).t("\nATTENDEE;CN=Klant:mailto:").p(v.email()).t("\nDESCRIPTION:Afspraak op ").n(v.otherDate("appointment-date", 0))
                .t(" om " + v.n(9, 17) + ":00. Dossier ").n(v.nineDigitNonBsn("dossiernummer")).t(". Neem uw ID-kaart mee (nr. ").p(v.idCard()).t("). Bel bij verhindering ").p(v.phone()).t(".\nEND:VEVENT\nEND:VCALENDAR\n");
    }
}
