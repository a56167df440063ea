package io.dataguardian.bench.corpus;

import io.dataguardian.bench.corpus.HoldoutValues.V;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second, independently written labelled corpus (the "hold-out"): files shaped like a Dutch
 * company's HR exports, CRM CSVs, client letters, support and web-server logs, Spring/compose/.env
 * configuration, Python and Java source, JSON API payloads, git config, e-mail threads, SQL dumps and
 * prose, with positives and hard negatives planted and labelled in the {@link CorpusGenerator.Corpus}
 * schema, so the accuracy measured on it is out of sample for detectors tuned on the first generator.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.dataguardian.bench.corpus.HoldoutCorpus \
 *      --out DIR --seed N --files 300 [--labels FILE]   (labels default: DIR.labels.json, outside DIR)
 * java -cp ... HoldoutCorpus --self-check [--seed N] [--files N]
 * </pre>
 *
 * <p>Conventions: a PEM private key is labelled as the whole block (BEGIN line to END line); a generic
 * secret as its value (not the key or quotes); a date of birth as the date only; AWS's documented
 * example key pair (AKIAIOSFODNN7EXAMPLE / wJalr...EXAMPLEKEY) is a hard negative (a documented
 * placeholder); example.com / example.nl addresses are positives; private IPv4 and IPv6 link-local
 * addresses and ::1 are positives; an scp-style git remote ({@code git@github.com:org/repo.git}) is a
 * hard negative for e-mail (a user at an SSH host, not a mailbox); a GitHub token inside a URL's
 * userinfo is labelled as a GitHub token (the token span only).
 */
public final class HoldoutCorpus {

    private HoldoutCorpus() {
    }

    /** A planted value at a character offset of the document (value already has the file's line ends). */
    record Planted(int offset, V v, String value) {
    }

    /** A document being written: text and planted values; '\n' in templates becomes the file's line end. */
    static final class Doc {
        final StringBuilder sb = new StringBuilder();
        final String le;
        final List<Planted> planted = new ArrayList<>();

        Doc(String le) {
            this.le = le;
        }

        Doc t(String s) {
            sb.append(s.replace("\n", le));
            return this;
        }

        Doc v(V v) {
            String val = v.value().replace("\n", le);
            planted.add(new Planted(sb.length(), v, val));
            sb.append(val);
            return this;
        }

        /** Parts (String or V) then a line end. */
        Doc line(Object... parts) {
            for (Object p : parts) {
                if (p instanceof V v) {
                    v(v);
                } else if (p != null) {
                    t(String.valueOf(p));
                }
            }
            sb.append(le);
            return this;
        }
    }

    record Template(String dir, String name, String ext, double crlf, BiConsumer<Doc, HoldoutValues> body) {
    }

    static V kind(V v, String prefix) {
        return new V(v.type(), prefix + v.kind(), v.value(), v.positive());
    }

    static V neg(EntityType t, String kind, String v) {
        return HoldoutValues.neg(t, kind, v);
    }

    static V pos(EntityType t, String kind, String v) {
        return HoldoutValues.pos(t, kind, v);
    }

    // ================================================================== filler text

    static final String[] NL_FILLER = {
        "Naar aanleiding van ons telefoongesprek stuur ik u hierbij de gevraagde informatie.",
        "De wijziging wordt binnen vijf werkdagen verwerkt in onze administratie.",
        "Wij verzoeken u vriendelijk de onderstaande gegevens te controleren.",
        "Mocht u vragen hebben, dan kunt u contact opnemen met de afdeling klantenservice.",
        "Het overleg is verplaatst naar donderdagmiddag in vergaderruimte De Brug.",
        "De cliënt heeft aangegeven dat hij één keer per week begeleiding wil ontvangen.",
        "Actiepunt: Joris zorgt voor een nieuwe planning vóór het volgende overleg.",
        "De back-up van de productieomgeving draait voortaan 's nachts om half drie.",
        "Er zijn geen bijzonderheden te melden over de afgelopen periode.",
        "Graag ontvangen wij de ondertekende overeenkomst retour.",
        "De zorgverzekeraar heeft de machtiging goedgekeurd voor de komende twaalf maanden.",
        "Het team heeft besloten de migratie naar de nieuwe server uit te stellen.",
        "Let op: de declaratie moet uiterlijk aan het einde van de maand binnen zijn.",
        "Tijdens het huisbezoek is het zorgplan samen met de cliënt doorgenomen.",
        "Wij betreuren het dat u niet tevreden bent over onze dienstverlening.",
        "Het rooster voor het nieuwe kwartaal staat op het intranet.",
        "Vergeet niet je uren vóór vrijdag in te vullen in het urenregistratiesysteem.",
        "De financiële afdeling heeft de jaarafsluiting afgerond.",
    };

    static final String[] EN_FILLER = {
        "Following up on yesterday's call, please find the requested details below.",
        "The deployment was rolled back after the health checks failed twice.",
        "No customer data was exported during the maintenance window.",
        "Please review the attached checklist before your first day.",
        "We will send a confirmation once the change has been processed.",
        "The on-call engineer acknowledged the alert within four minutes.",
        "Action item: rotate the affected credentials and update the runbook.",
        "The root cause was a misconfigured load balancer rule.",
        "All new employees must complete the security awareness training.",
        "Let us know if anything in this summary is inaccurate.",
    };

    static String nl(HoldoutValues x) {
        return x.pick(NL_FILLER);
    }

    static String en(HoldoutValues x) {
        return x.pick(EN_FILLER);
    }

    // ================================================================== templates

    static void hrCsv(Doc d, HoldoutValues x) {
        d.line("personeelsnr;voornaam;achternaam;bsn;geboortedatum;iban;email;telefoon;straat;postcode;woonplaats;afdeling;in_dienst");
        int rows = x.n(15, 60);
        for (int i = 0; i < rows; i++) {
            String f = x.first();
            String l = x.last();
            V bsn = x.chance(0.8) ? kind(pos(EntityType.BSN, "plain", x.bsnDigits()), "csv-") : kind(x.bsn(), "csv-");
            d.line("P" + x.digits(5), ";", f, ";", l, ";", bsn, ";", kind(x.dobDmy(), "csv-col-"), ";",
                    x.chance(0.9) ? x.iban(true) : "", ";", x.email(f, l), ";", x.chance(0.85) ? x.phone() : "", ";",
                    x.street(), ";", x.postcode(), ";", x.pick(HoldoutValues.CITY), ";",
                    x.pick("Zorg", "ICT", "Financiën", "Facilitair", "HR", "Verkoop"), ";", x.otherDate(false, "hire-date"));
        }
    }

    static void crmCsv(Doc d, HoldoutValues x) {
        d.line("klantnummer;bedrijfsnaam;contactpersoon;email;telefoon;adres;postcode;plaats;kvk_nummer;btw_nummer;laatste_order;ordernummer");
        int rows = x.n(20, 70);
        for (int i = 0; i < rows; i++) {
            String f = x.first();
            String l = x.last();
            String rsin = x.bsnDigits();
            d.line("K" + x.digits(6), ";", l + " " + x.pick("B.V.", "Holding B.V.", "V.O.F.", "& Zn.", "Installatietechniek"), ";",
                    f + " " + l, ";", x.email(f, l), ";", x.phone(), ";", x.street(), ";", x.postcode(), ";", x.pick(HoldoutValues.CITY), ";",
                    x.kvk(), ";", neg(EntityType.BSN, "btw-id-rsin", "NL" + rsin + "B0" + x.n(1, 9)), ";",
                    x.otherDate(false, "order-date"), ";", x.orderNine("order-number-9"));
        }
    }

    static void clientLetter(Doc d, HoldoutValues x) {
        String org = x.pick("Zorggroep Noord", "Thuiszorg Oost", "GGZ De Linde", "Wijkteam Centrum");
        String dom = x.pick(HoldoutValues.COMPANY_DOMAIN);
        d.line(org);
        d.line(x.street());
        d.line(x.postcode(), " ", x.pick(HoldoutValues.CITY));
        d.line("Tel. ", x.phone(), " | ", x.roleEmail(dom));
        d.line();
        String f = x.first();
        String l = x.last();
        d.line("Aan: dhr./mevr. ", f, " ", l);
        d.line(x.street());
        d.line(x.postcode(), "  ", x.pick(HoldoutValues.CITY));
        d.line();
        d.line(x.pick("Datum: ", "Datum brief: ", x.pick(HoldoutValues.CITY) + ", "), x.otherDate(false, "letter-date"));
        d.line("Betreft: ", x.pick("uw cliëntdossier", "indicatie Wmo", "herbeoordeling zorgplan", "wijziging zorgverzekering"));
        d.line("Ons kenmerk: ZG/" + x.digits(4) + "/" + x.chars(HoldoutValues.UPPER, 2));
        d.line();
        d.line("Geachte heer/mevrouw " + l + ",");
        d.line();
        d.line(nl(x), " ", nl(x));
        d.line();
        switch (x.r.nextInt(3)) {
            case 0 -> {
                d.line("Naam cliënt:      ", f, " ", l);
                d.line("BSN:              ", x.bsn());
                d.line("Geboortedatum:    ", x.dob(false));
            }
            case 1 -> d.line("Het betreft ", f, " ", l, ", geboren op ", x.dob(false), ", burgerservicenummer ", x.bsn(), ".");
            default -> {
                d.line("Cliënt: " + f + " " + l + " (geb. ", x.dobDmy(), ")");
                d.line("BSN ", x.bsn(), " · zorgverzekeraar: " + x.pick("Zilveren Kruis", "CZ", "Menzis", "VGZ"));
            }
        }
        d.line();
        d.line(nl(x));
        if (x.chance(0.4)) {
            d.line("Voor de eigen bijdrage kunt u het bedrag overmaken op ", x.iban(true), " t.n.v. " + org + ".");
        }
        if (x.chance(0.3)) {
            d.line("Ter identificatie hebben wij een kopie gezien van het ", x.chance(0.5) ? "paspoort (documentnummer " : "ID-kaart (nr. ",
                    x.chance(0.5) ? x.passport() : x.idCard(), ").");
        }
        d.line(nl(x), " ", nl(x));
        d.line();
        d.line("Met vriendelijke groet,");
        d.line();
        d.line(x.fullName());
        d.line(x.pick("Wijkverpleegkundige", "Casemanager", "Zorgcoördinator"));
        d.line("E-mail: ", x.email(), " | direct: ", x.phone());
    }

    static final String[] SUBJECTS = {"wachtwoord vergeten", "factuur onjuist", "adreswijziging", "levering vertraagd",
        "account geblokkeerd", "opzegging abonnement", "vraag over incasso", "klacht monteur"};

    static void supportLog(Doc d, HoldoutValues x) {
        int lines = x.n(60, 200);
        for (int i = 0; i < lines; i++) {
            String date = String.format("2025-%02d-%02d", x.n(1, 12), x.n(1, 28));
            String time = String.format(" %02d:%02d:%02d", x.n(7, 19), x.n(0, 59), x.n(0, 59));
            V ts = neg(EntityType.DATE_OF_BIRTH, "log-timestamp", date);
            String tk = "[TICKET-" + x.n(10000, 99999) + "] ";
            int k = x.r.nextInt(30);
            switch (k) {
                case 0, 1, 2 -> d.line(ts, time, " INFO  ", tk, "nieuw ticket kanaal=mail van=", x.email(), " onderwerp=\"", x.pick(SUBJECTS), "\"");
                case 3 -> d.line(ts, time, " INFO  ", tk, "klant vraagt terugbelverzoek op ", x.phone());
                case 4 -> d.line(ts, time, " INFO  ", tk, "webformulier ingediend vanaf ", x.ip());
                case 5 -> d.line(ts, time, " WARN  ", tk, "klant heeft rekeningnummer gewijzigd naar ", x.iban(true));
                case 6 -> d.line(ts, time, " WARN  ", tk, "medewerker noteerde BSN ", x.bsn(), " in vrij tekstveld (AVG-melding aangemaakt)");
                case 7 -> d.line(ts, time, " INFO  ", tk, "verificatie: geboortedatum ", x.dob(false), " klopt met dossier");
                case 8 -> d.line(ts, time, " INFO  ", tk, "factuur ", x.orderNine("invoice-number-9"), " opnieuw verzonden");
                case 9 -> d.line(ts, time, " INFO  ", tk, "bezorgadres bijgewerkt: ", x.street(), ", ", x.postcode(), " ", x.pick(HoldoutValues.CITY));
                case 10 -> d.line(ts, time, " ERROR ", tk, "betaling mislukt, referentie ", x.cardLuhnFail());
                case 11 -> d.line(ts, time, " INFO  ", tk, "agent ", x.first().toLowerCase(), " heeft ticket gesloten (", x.uuid(), ")");
                default -> d.line(ts, time, " INFO  ", tk, x.pick("status gewijzigd naar in behandeling", "wachten op reactie klant",
                        "ticket toegewezen aan team 2e lijn", "SLA-timer gepauzeerd", "automatisch antwoord verzonden", "ticket heropend"));
            }
        }
    }

    static final String[] PATHS = {"/", "/inloggen", "/api/v1/klanten", "/api/v1/orders?page=2", "/static/app.js",
        "/favicon.ico", "/mijn-account/facturen", "/api/v2/afspraken", "/health", "/robots.txt", "/contact"};

    static void nginxLog(Doc d, HoldoutValues x) {
        String[] mon = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        int lines = x.n(80, 260);
        for (int i = 0; i < lines; i++) {
            String ts = String.format("[%02d/%s/2025:%02d:%02d:%02d +0100]", x.n(1, 28), x.pick(mon), x.n(0, 23), x.n(0, 59), x.n(0, 59));
            Object path = x.pick(PATHS);
            Object ua = x.chance(0.15) ? x.version4() : null;
            String method = x.chance(0.8) ? "GET" : "POST";
            boolean upstream = x.chance(0.1);
            if (x.chance(0.04)) {
                d.line(x.ip(), " - - ", ts, " \"GET /nieuwsbrief/afmelden?email=", x.email(), " HTTP/1.1\" 302 0 \"-\" \"Mozilla/5.0\"");
                continue;
            }
            d.line(x.ip(), " - - ", ts, " \"", method, " ", path, " HTTP/1.1\" ", x.pick("200", "200", "200", "304", "404", "500", "302"), " ",
                    String.valueOf(x.n(0, 48000)), " \"-\" \"",
                    ua == null ? x.pick("Mozilla/5.0 (Windows NT 10.0; Win64; x64)", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)",
                            "curl/8.5.0", "kube-probe/1.29") : "KlantApp/",
                    ua, ua == null ? "" : " (Android 14)", "\"",
                    upstream ? " upstream=" : "", upstream ? x.ipv4() : null);
        }
    }

    static void appLog(Doc d, HoldoutValues x) {
        int lines = x.n(80, 220);
        String[] loggers = {"n.z.crm.KlantService", "n.z.auth.LoginController", "o.h.e.j.s.SqlExceptionHelper", "n.z.pay.BetaalService",
            "n.z.api.RequestLogger", "c.z.h.HikariDataSource"};
        for (int i = 0; i < lines; i++) {
            String date = String.format("2025-%02d-%02d", x.n(1, 12), x.n(1, 28));
            V ts = neg(EntityType.DATE_OF_BIRTH, "log-timestamp", date);
            String pre = String.format(" %02d:%02d:%02d.%03d  ", x.n(0, 23), x.n(0, 59), x.n(0, 59), x.n(0, 999));
            String lg = "[nio-8080-exec-" + x.n(1, 10) + "] " + x.pick(loggers) + " : ";
            switch (x.r.nextInt(40)) {
                case 0, 1 -> d.line(ts, pre, "WARN 1 --- ", lg, "Login mislukt voor ", x.email(), " vanaf ", x.ip());
                case 2 -> d.line(ts, pre, "DEBUG 1 --- ", lg, "Authorization: Bearer ", x.jwt());
                case 3 -> d.line(ts, pre, "INFO 1 --- ", lg, "request_id=", x.uuid(), " duur=" + x.n(3, 900) + "ms");
                case 4 -> d.line(ts, pre, "INFO 1 --- ", lg, "Started KlantApplication (build ", x.gitSha(), ", versie ", x.version4(), ")");
                case 5 -> d.line(ts, pre, "ERROR 1 --- ", lg, "Betaling geweigerd voor kaart ", x.card(), " (code 05)");
                case 6 -> d.line(ts, pre, "DEBUG 1 --- ", lg, "Verbinden met jdbc:postgresql://", x.ipv4(), ":5432/crm?user=crm_app&password=", x.secret(false));
                case 7 -> d.line(ts, pre, "INFO 1 --- ", lg, "Klant bijgewerkt: telefoon=", x.phone(), " postcode=", x.postcode());
                case 8 -> d.line(ts, pre, "WARN 1 --- ", lg, "Validatie mislukt: ongeldig IBAN ", x.ibanBroken());
                case 9 -> d.line(ts, pre, "WARN 1 --- ", lg, "Validatie mislukt: BSN ", x.orderNine("bsn-typo-11proof-fail"), " voldoet niet aan 11-proef");
                case 10 -> d.line(ts, pre, "INFO 1 --- ", lg, "Config geladen: db.password=", x.placeholder());
                case 11 -> {
                    d.line(ts, pre, "ERROR 1 --- ", lg, "Onverwachte fout bij opslaan klant");
                    d.line("java.lang.IllegalStateException: Transaction silently rolled back");
                    d.line("\tat org.springframework.transaction.support.AbstractPlatformTransactionManager.commit(AbstractPlatformTransactionManager.java:752)");
                    d.line("\tat nl.zorg.crm.KlantService.opslaan(KlantService.java:" + x.n(40, 400) + ")");
                }
                case 12 -> d.line(ts, pre, "INFO 1 --- ", lg, "event ontvangen, gebeurtenistijd ", neg(EntityType.DATE_OF_BIRTH, "iso-timestamp", x.timestampIso()));
                default -> d.line(ts, pre, "INFO 1 --- ", lg, x.pick("HikariPool-1 - Start completed.", "Sessie verlopen, gebruiker uitgelogd",
                        "Cache opgewarmd in 812 ms", "Geplande taak herinneringen verzonden", "GET /api/v1/klanten 200", "Health check OK"));
            }
        }
    }

    static V pwOrPlaceholder(HoldoutValues x, boolean symbols) {
        int k = x.r.nextInt(10);
        return k < 6 ? x.secret(symbols) : k < 9 ? x.placeholder() : x.lowEntropy();
    }

    static void applicationYml(Doc d, HoldoutValues x) {
        String q = x.chance(0.5) ? "\"" : "";
        d.line("server:");
        d.line("  port: 8080");
        d.line("  address: ", x.ipv4());
        d.line("spring:");
        d.line("  application:");
        d.line("    name: klantportaal");
        d.line("  datasource:");
        d.line("    url: jdbc:postgresql://db." + x.pick("intern", "prod", "acc") + ".local:5432/crm");
        d.line("    username: crm_app");
        d.line("    password: ", q, pwOrPlaceholder(x, false), q);
        d.line("  mail:");
        d.line("    host: smtp." + x.pick(HoldoutValues.COMPANY_DOMAIN));
        d.line("    username: ", x.roleEmail(x.pick(HoldoutValues.COMPANY_DOMAIN)));
        d.line("    password: ", q, pwOrPlaceholder(x, false), q);
        d.line("# TODO naar vault verplaatsen (zie ticket OPS-" + x.n(100, 999) + ")");
        d.line("security:");
        d.line("  jwt:");
        d.line("    secret: ", x.chance(0.6) ? x.secretHex() : x.placeholder());
        d.line("    expiration: 3600");
        if (x.chance(0.6)) {
            d.line("cloud:");
            d.line("  aws:");
            d.line("    region: eu-west-1");
            d.line("    credentials:");
            if (x.chance(0.15)) {
                d.line("      access-key: ", neg(EntityType.AWS_ACCESS_KEY, "aws-doc-example", "AKIAIOSFODNN7EXAMPLE"));
                d.line("      secret-key: ", neg(EntityType.AWS_SECRET_KEY, "aws-doc-example", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
            } else {
                d.line("      access-key: ", x.awsKeyId());
                d.line("      secret-key: ", x.awsSecret());
            }
        }
        d.line("management:");
        d.line("  endpoints.web.exposure.include: health,info");
        d.line("logging:");
        d.line("  level.nl.zorg: DEBUG");
        d.line("info:");
        d.line("  app.version: ", x.version4());
        d.line("  contact: ", x.roleEmail(x.pick(HoldoutValues.COMPANY_DOMAIN)));
    }

    static void dockerCompose(Doc d, HoldoutValues x) {
        d.line("version: \"3.8\"");
        d.line("services:");
        d.line("  db:");
        d.line("    image: postgres:16.2");
        d.line("    environment:");
        d.line("      POSTGRES_USER: crm");
        d.line("      POSTGRES_PASSWORD: ", pwOrPlaceholder(x, false));
        d.line("    networks:");
        d.line("      backend:");
        d.line("        ipv4_address: ", x.ipv4());
        d.line("  app:");
        d.line("    image: registry.gitlab.com/zorg/klantportaal:", x.pick("1.4.2", "2.0.0-rc1", "latest"));
        d.line("    environment:");
        d.line("      - SPRING_PROFILES_ACTIVE=prod");
        d.line("      - SPRING_DATASOURCE_PASSWORD=", pwOrPlaceholder(x, false));
        if (x.chance(0.5)) {
            d.line("      - GITHUB_TOKEN=", x.githubToken());
        }
        if (x.chance(0.5)) {
            d.line("      - AWS_ACCESS_KEY_ID=", x.awsKeyId());
            d.line("      - AWS_SECRET_ACCESS_KEY=", x.awsSecret());
        }
        d.line("      - MAIL_FROM=", x.roleEmail(x.pick(HoldoutValues.COMPANY_DOMAIN)));
        d.line("    depends_on:");
        d.line("      - db");
        d.line("networks:");
        d.line("  backend:");
        d.line("    driver: bridge");
    }

    static void envFile(Doc d, HoldoutValues x) {
        d.line("# Lokale ontwikkelomgeving - NIET committen");
        d.line("APP_ENV=", x.pick("production", "staging", "development"));
        d.line("APP_URL=https://portaal." + x.pick(HoldoutValues.COMPANY_DOMAIN));
        d.line("DB_HOST=", x.ipv4());
        d.line("DB_PORT=5432");
        d.line("DB_USER=portal");
        d.line("DB_PASSWORD=", pwOrPlaceholder(x, false));
        d.line("REDIS_URL=redis://", x.ipv4(), ":6379/0");
        d.line();
        d.line("SMTP_USER=", x.roleEmail(x.pick(HoldoutValues.COMPANY_DOMAIN)));
        d.line("SMTP_PASSWORD=\"", pwOrPlaceholder(x, true), "\"");
        if (x.chance(0.7)) {
            d.line("AWS_ACCESS_KEY_ID=", x.awsKeyId());
            d.line("AWS_SECRET_ACCESS_KEY=", x.awsSecret());
            d.line("AWS_DEFAULT_REGION=eu-central-1");
        }
        d.line("STRIPE_API_KEY=", x.chance(0.7) ? pos(EntityType.GENERIC_SECRET, "prefixed", "sk_live_" + x.chars(HoldoutValues.ALNUM, 24)) : x.placeholder());
        d.line("SENTRY_DSN=https://sentry.io/" + x.n(100000, 999999));
        d.line("JWT_SECRET=", x.chance(0.7) ? x.secretHex() : x.placeholder());
        if (x.chance(0.5)) {
            d.line("GH_TOKEN=", x.githubToken());
        }
        d.line("API_KEY=", pwOrPlaceholder(x, false));
        d.line("FEATURE_NIEUWE_CHECKOUT=true");
        d.line("BUILD_SHA=", x.gitSha());
    }

    static void pythonSource(Doc d, HoldoutValues x) {
        d.line("\"\"\"Django settings voor het klantportaal.\"\"\"");
        d.line("import os");
        d.line();
        d.line("DEBUG = False");
        d.line("SECRET_KEY = '", x.chance(0.7) ? x.secret(true) : neg(EntityType.GENERIC_SECRET, "placeholder", "django-insecure-changeme"), "'");
        d.line("ALLOWED_HOSTS = ['portaal.", x.pick(HoldoutValues.COMPANY_DOMAIN), "', '", x.ipv4(), "']");
        d.line();
        d.line("ADMINS = [(\"", x.fullName(), "\", \"", x.email(), "\")]");
        d.line();
        d.line("DATABASES = {");
        d.line("    'default': {");
        d.line("        'ENGINE': 'django.db.backends.postgresql',");
        d.line("        'NAME': 'portaal',");
        d.line("        'USER': 'portaal',");
        if (x.chance(0.5)) {
            d.line("        'PASSWORD': '", pwOrPlaceholder(x, true), "',");
        } else {
            d.line("        'PASSWORD': os.environ.get('DB_PASSWORD', '", x.placeholder(), "'),");
        }
        d.line("        'HOST': '", x.ipv4(), "',");
        d.line("    }");
        d.line("}");
        d.line();
        d.line("EMAIL_HOST_USER = '", x.roleEmail(x.pick(HoldoutValues.COMPANY_DOMAIN)), "'");
        d.line("EMAIL_HOST_PASSWORD = '", pwOrPlaceholder(x, true), "'");
        if (x.chance(0.5)) {
            d.line("AWS_ACCESS_KEY_ID = \"", x.awsKeyId(), "\"");
            d.line("aws_secret_access_key = \"", x.awsSecret(), "\"");
        }
        d.line("secret_token = '", x.secret(false), "'");
        d.line();
        d.line("# testklant voor de acceptatieomgeving");
        d.line("TEST_KLANT = {");
        d.line("    'naam': '", x.fullName(), "',");
        d.line("    'bsn': '", x.bsn(), "',");
        d.line("    'iban': '", x.iban(true), "',");
        d.line("    'geboortedatum': '", x.dobIso(), "',");
        d.line("    'telefoon': '", x.phone(), "',");
        d.line("}");
        d.line();
        d.line("def checksum(data):");
        d.line("    # verwacht: ", x.sha256());
        d.line("    return hashlib.sha256(data).hexdigest()");
    }

    static void javaSource(Doc d, HoldoutValues x) {
        d.line("package nl.zorg.portaal.config;");
        d.line();
        d.line("import java.util.UUID;");
        d.line();
        d.line("/** Integratie-instellingen. Contact: ", x.email(), " */");
        d.line("public final class IntegratieConfig {");
        d.line();
        d.line("    private static final String API_KEY = \"", x.secret(false), "\";");
        d.line("    private static final String DB_PASSWORD = \"", pwOrPlaceholder(x, true), "\";");
        d.line("    static final UUID TENANT = UUID.fromString(\"", x.uuid(), "\");");
        d.line("    static final String VERSIE = \"", x.version4(), "\";");
        if (x.chance(0.4)) {
            d.line("    static final String GITHUB_TOKEN = \"", x.githubToken(), "\";");
        }
        if (x.chance(0.3)) {
            d.line("    // service-token voor de koppeling met het planningssysteem");
            d.line("    static final String BEARER = \"", x.jwt(), "\";");
        }
        d.line();
        d.line("    @Override");
        d.line("    public String toString() {");
        d.line("        return \"IntegratieConfig\";");
        d.line("    }");
        d.line("}");
        d.line();
        d.line("class KlantValidatorTest {");
        d.line("    @Test");
        d.line("    void geldigBsn() {");
        d.line("        assertTrue(validator.isGeldigBsn(\"", pos(EntityType.BSN, "plain", x.bsnDigits()), "\"));");
        d.line("        assertFalse(validator.isGeldigBsn(\"", x.orderNine("test-invalid-bsn"), "\"));");
        d.line("    }");
        d.line("    @Test");
        d.line("    void iban() {");
        d.line("        assertTrue(validator.isGeldigIban(\"", x.iban(true), "\"));");
        d.line("        assertFalse(validator.isGeldigIban(\"", x.ibanBroken(), "\"));");
        d.line("    }");
        d.line("    @Test");
        d.line("    void kaart() {");
        d.line("        assertTrue(luhn(\"", x.card(), "\"));");
        d.line("        assertFalse(luhn(\"", x.cardLuhnFail(), "\"));");
        d.line("    }");
        d.line("}");
    }

    static void jsonPayload(Doc d, HoldoutValues x) {
        d.line("{");
        d.line("  \"requestId\": \"", x.uuid(), "\",");
        d.line("  \"gegenereerd\": \"", neg(EntityType.DATE_OF_BIRTH, "iso-timestamp", x.timestampIso()), "\",");
        d.line("  \"klanten\": [");
        int n = x.n(3, 15);
        for (int i = 0; i < n; i++) {
            String f = x.first();
            String l = x.last();
            d.line("    {");
            d.line("      \"id\": ", String.valueOf(x.n(1000, 99999)), ",");
            d.line("      \"voornaam\": \"", f, "\",");
            d.line("      \"achternaam\": \"", l, "\",");
            d.line("      \"bsn\": \"", x.bsn(), "\",");
            d.line("      \"geboortedatum\": \"", kind(x.dobIso(), "json-key-"), "\",");
            d.line("      \"email\": \"", x.email(f, l), "\",");
            d.line("      \"telefoon\": \"", x.phone(), "\",");
            d.line("      \"iban\": \"", x.iban(true), "\",");
            d.line("      \"adres\": {\"straat\": \"", x.street(), "\", \"postcode\": \"", x.postcode(), "\", \"plaats\": \"", x.pick(HoldoutValues.CITY), "\"},");
            d.line("      \"laatsteOrder\": {\"ordernummer\": ", x.orderNine("order-number-9"), ", \"datum\": \"", x.otherDate(false, "order-date"), "\"},");
            d.line("      \"klantSinds\": \"", x.otherDate(false, "customer-since"), "\"");
            d.line("    }", i < n - 1 ? "," : "");
        }
        d.line("  ],");
        if (x.chance(0.3)) {
            d.line("  \"serviceAccount\": {\"client_email\": \"", x.roleEmail(x.pick(HoldoutValues.COMPANY_DOMAIN)), "\", \"private_key\": \"",
                    x.privateKey("\\n"), "\\n\"},");
        }
        d.line("  \"apiKey\": \"", pwOrPlaceholder(x, false), "\"");
        d.line("}");
    }

    static void gitConfig(Doc d, HoldoutValues x) {
        String f = x.first();
        String l = x.last();
        d.line("[core]");
        d.line("\trepositoryformatversion = 0");
        d.line("\tfilemode = true");
        d.line("[user]");
        d.line("\tname = ", f, " ", l);
        d.line("\temail = ", x.email(f, l));
        d.line("[remote \"origin\"]");
        if (x.chance(0.6)) {
            d.line("\turl = https://", HoldoutValues.slug(f), ":", x.githubToken(), "@github.com/zorg-it/klantportaal.git");
        } else {
            // scp-style SSH remote: user@host, not a mailbox (labelled a hard negative, see the class comment)
            d.line("\turl = ", neg(EntityType.EMAIL, "ssh-remote-user-at-host", "git@github.com"), ":zorg-it/klantportaal.git");
        }
        d.line("\tfetch = +refs/heads/*:refs/remotes/origin/*");
        d.line("[branch \"main\"]");
        d.line("\tremote = origin");
        d.line("\tmerge = refs/heads/main");
        d.line("# laatste commit ", x.gitSha());
        if (x.chance(0.5)) {
            d.line("[credential \"https://gitlab.intern\"]");
            d.line("\tusername = deploy");
            d.line("\tpassword = ", pwOrPlaceholder(x, false));
        }
    }

    static void emailThread(Doc d, HoldoutValues x) {
        String f1 = x.first();
        String l1 = x.last();
        String f2 = x.first();
        String l2 = x.last();
        d.line("From: ", f1, " ", l1, " <", x.email(f1, l1), ">");
        d.line("To: ", x.roleEmail(x.pick(HoldoutValues.COMPANY_DOMAIN)));
        if (x.chance(0.5)) {
            d.line("Cc: ", f2, " ", l2, " <", x.email(f2, l2), ">");
        }
        d.line("Date: Tue, ", String.valueOf(x.n(1, 28)), " Oct 2025 ", String.format("%02d:%02d:%02d", x.n(7, 20), x.n(0, 59), x.n(0, 59)), " +0200");
        d.line("Subject: Re: ", x.pick(SUBJECTS));
        d.line("Content-Type: text/plain; charset=UTF-8");
        d.line();
        d.line("Beste ", f2, ",");
        d.line();
        d.line(nl(x));
        switch (x.r.nextInt(5)) {
            case 0 -> d.line("Mijn nieuwe rekeningnummer is ", x.iban(true), ", wilt u dat aanpassen?");
            case 1 -> d.line("U kunt mij het beste bereiken op ", x.phone(), " (na 17.00 uur).");
            case 2 -> d.line("Mijn BSN is ", x.bsn(), " en ik ben geboren op ", x.dob(false), ".");
            case 3 -> d.line("Wilt u de creditcard ", x.card(), " blokkeren? Die is gestolen.");
            default -> d.line("Mijn paspoortnummer is ", x.passport(), ", geldig tot ", x.otherDate(false, "expiry-date"), ".");
        }
        d.line(nl(x));
        d.line();
        d.line("Groet,");
        d.line(f1);
        d.line();
        d.line("Op ", x.otherDate(false, "quote-date"), " om 10:14 schreef ", f2, " ", l2, " <", x.email(f2, l2), ">:");
        d.line("> ", nl(x));
        d.line("> ", nl(x));
        d.line("> Klantnummer: K" + x.digits(6) + ", dossier ", x.orderNine("dossier-number-9"));
        d.line(">");
        d.line("> Met vriendelijke groet,");
        d.line("> ", f2, " ", l2);
        d.line("> Klantenservice | T ", x.phone(), " | ", x.pick("www.", "") + x.pick(HoldoutValues.COMPANY_DOMAIN));
    }

    static void incidentMd(Doc d, HoldoutValues x) {
        d.line("# Incident report INC-" + x.n(1000, 9999));
        d.line();
        d.line("**Date:** ", x.otherDate(true, "incident-date"), "  ");
        d.line("**Owner:** ", x.fullName(), " (", x.email(), ")");
        d.line();
        d.line("## Summary");
        d.line();
        d.line(en(x), " ", en(x));
        d.line();
        d.line("## Timeline");
        d.line();
        int n = x.n(4, 10);
        for (int i = 0; i < n; i++) {
            String hh = String.format("%02d:%02d", x.n(0, 23), x.n(0, 59));
            switch (x.r.nextInt(8)) {
                case 0 -> d.line("- ", hh, " suspicious logins from ", x.ip(), " and ", x.ip());
                case 1 -> d.line("- ", hh, " leaked key found in a public gist: `", x.awsKeyId(), "`");
                case 2 -> d.line("- ", hh, " deployed hotfix ", x.version4(), " (commit ", x.gitSha(), ")");
                case 3 -> d.line("- ", hh, " token `", x.githubToken(), "` revoked");
                case 4 -> d.line("- ", hh, " escalated to the on-call phone ", x.phone());
                default -> d.line("- ", hh, " ", en(x));
            }
        }
        d.line();
        d.line("## Leaked configuration (redacted after the incident)");
        d.line();
        d.line("```ini");
        d.line("[default]");
        d.line("aws_access_key_id = ", x.chance(0.15) ? neg(EntityType.AWS_ACCESS_KEY, "aws-doc-example", "AKIAIOSFODNN7EXAMPLE") : x.awsKeyId());
        d.line("aws_secret_access_key = ", x.awsSecret());
        d.line("```");
        d.line();
        if (x.chance(0.4)) {
            d.line("The deploy key was also in the repository:");
            d.line();
            d.line("```");
            d.line(x.privateKey("\n"));
            d.line("```");
            d.line();
            d.line("Its public half (kept for reference):");
            d.line();
            d.line("```");
            d.line(x.publicBlock());
            d.line("```");
        }
        d.line();
        d.line("## Follow-up");
        d.line();
        d.line("- " + en(x));
        d.line("- Replace `password=", x.placeholder(), "` defaults in the Helm chart.");
        d.line("- Artifact checksum: ", x.sha256());
    }

    static void paymentsCsv(Doc d, HoldoutValues x) {
        d.line("datum;omschrijving;bedrag;tegenrekening;kaart;referentie;status");
        int rows = x.n(30, 100);
        for (int i = 0; i < rows; i++) {
            String amount = (x.chance(0.3) ? "-" : "") + x.n(1, 4999) + "," + x.digits(2);
            Object card;
            int k = x.r.nextInt(10);
            if (k < 6) {
                card = neg(EntityType.CREDIT_CARD, "masked", "**** **** **** " + x.digits(4));
            } else if (k < 7) {
                card = x.card();
            } else if (k < 8) {
                card = x.cardLuhnFail();
            } else {
                card = "";
            }
            Object iban = x.chance(0.9) ? x.iban(true) : x.ibanBroken();
            d.line(x.otherDate(false, "transaction-date"), ";", x.pick("Albert Heijn", "Huur kantoor", "Salaris", "NS Zakelijk", "Bol.com", "Belastingdienst"),
                    ";", amount, ";", iban, ";", card, ";", "TRX" + x.digits(10), ";", x.pick("verwerkt", "geweigerd", "in behandeling"));
        }
    }

    static void propertiesFile(Doc d, HoldoutValues x) {
        d.line("# gegenereerd door deploy-script, ", x.otherDate(false, "generated-date"));
        d.line("spring.datasource.url=jdbc:mysql://", x.ipv4(), ":3306/planning");
        d.line("spring.datasource.username=planning");
        d.line("spring.datasource.password=", pwOrPlaceholder(x, false));
        d.line("spring.mail.username=", x.roleEmail(x.pick(HoldoutValues.COMPANY_DOMAIN)));
        d.line("spring.mail.password=", pwOrPlaceholder(x, false));
        d.line("koppeling.planning.api_key=", x.secret(false));
        d.line("koppeling.planning.base-url=https://api.planning.example.nl/v2");
        d.line("app.build.commit=", x.gitSha());
        d.line("app.build.version=", x.version4());
        d.line("app.support.telefoon=", x.phone());
        if (x.chance(0.4)) {
            d.line("aws.accessKeyId=", x.awsKeyId());
            d.line("aws.secretKey=", x.awsSecret());
        }
        d.line("app.tenant-id=", x.uuid());
    }

    static void sqlDump(Doc d, HoldoutValues x) {
        d.line("-- PostgreSQL database dump");
        d.line("-- Dumped from database version 15.6");
        d.line();
        d.line("CREATE TABLE clienten (id integer, naam text, bsn varchar(11), geboortedatum date, email text, telefoon text, iban text, postcode varchar(7));");
        d.line();
        int n = x.n(10, 50);
        boolean columns = x.chance(0.5);
        for (int i = 0; i < n; i++) {
            d.line("INSERT INTO clienten ", columns ? "(id, naam, bsn, geboortedatum, email, telefoon, iban, postcode) " : "", "VALUES (", String.valueOf(i + 1), ", '", x.fullName().replace("'", "''"), "', '", x.bsn(), "', '", kind(x.dobIso(), columns ? "sql-insert-cols-" : "sql-values-only-"),
                    "', '", x.email(), "', '", x.phone(), "', '", x.iban(true), "', '", x.postcode(), "');");
        }
        d.line();
        d.line("INSERT INTO facturen (nummer, datum, bedrag) VALUES (", x.orderNine("invoice-number-9"), ", '", x.otherDate(false, "invoice-date"), "', 129.95);");
        d.line("-- Completed on ", neg(EntityType.DATE_OF_BIRTH, "log-timestamp", String.format("2025-%02d-%02d", x.n(1, 12), x.n(1, 28))));
    }

    static void proseNl(Doc d, HoldoutValues x) {
        d.line("# Notulen teamoverleg ", x.pick("ICT", "Zorg", "Facilitair"));
        d.line();
        d.line("Datum: ", x.otherDate(false, "meeting-date"));
        d.line("Aanwezig: " + x.fullName() + ", " + x.fullName() + ", " + x.fullName());
        d.line();
        int n = x.n(8, 25);
        for (int i = 0; i < n; i++) {
            switch (x.r.nextInt(14)) {
                case 0 -> d.line("- Release ", x.version4(), " staat gepland; ", nl(x).toLowerCase());
                case 1 -> d.line("- Factuur ", x.orderNine("invoice-number-9"), " is nog niet betaald, KvK-nummer leverancier ", x.kvk(), ".");
                case 2 -> d.line("- Nieuwe collega bereikbaar via ", x.email(), " of ", x.phone(), ".");
                case 3 -> d.line("- Zending met trackingcode 3SABC" + x.chars(HoldoutValues.UPPER, 4) + " is onderweg.");
                case 4 -> d.line("- De server op ", x.ip(), " wordt uitgefaseerd.");
                case 5 -> d.line("- Wachtwoordbeleid: minimaal 12 tekens, geen `", x.lowEntropy(), "` meer.");
                case 6 -> d.line("- Verjaardag van " + x.first() + " gevierd; ", nl(x).toLowerCase());
                default -> d.line("- ", nl(x));
            }
        }
        d.line();
        d.line("Volgende vergadering: ", x.otherDate(false, "meeting-date"), ".");
    }

    static void hrNotesEn(Doc d, HoldoutValues x) {
        String f = x.first();
        String l = x.last();
        d.line("ONBOARDING RECORD - CONFIDENTIAL");
        d.line();
        d.line("Employee: ", f, " ", l);
        d.line("Start date: ", x.otherDate(true, "start-date"));
        d.line(x.pick("Date of birth: ", "DOB: ", "Born on "), x.dob(true));
        d.line("Personal e-mail: ", x.email(f, l));
        d.line("Mobile: ", x.phone());
        d.line("Home address: ", x.street(), ", ", x.postcode(), " ", x.pick(HoldoutValues.CITY));
        d.line("BSN (citizen service number): ", x.bsn());
        d.line("Salary account: ", x.iban(true));
        if (x.chance(0.5)) {
            d.line("Passport no. ", x.passport(), " (expires ", x.otherDate(true, "expiry-date"), ")");
        } else {
            d.line("Dutch ID card number: ", x.idCard());
        }
        d.line();
        d.line("Notes:");
        int n = x.n(3, 8);
        for (int i = 0; i < n; i++) {
            d.line("- ", en(x));
        }
        d.line("- Laptop asset tag NB-" + x.n(1000, 9999) + ", serial " + x.chars(HoldoutValues.UPPER, 3) + x.n(100, 999));
        d.line("- Employee number E" + x.digits(6) + "; badge ", x.orderNine("badge-number-9"));
    }


    static void ansibleVars(Doc d, HoldoutValues x) {
        d.line("---");
        d.line("# group_vars/", x.pick("productie", "acceptatie", "test"), ".yml");
        d.line("app_user: deploy");
        d.line("app_hosts:");
        int n = x.n(2, 5);
        for (int i = 0; i < n; i++) {
            d.line("  - ", x.ip());
        }
        d.line("db_password: \"", pwOrPlaceholder(x, true), "\"");
        d.line("admin_email: ", x.email());
        d.line("deploy_ssh_key: |");
        V key = x.privateKey("\n  ");
        d.line("  ", new V(key.type(), key.kind().replace("-escaped", "-yaml-indented"), key.value(), true));
        d.line("authorized_keys:");
        d.line("  - \"", neg(EntityType.PRIVATE_KEY, "ssh-public-key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA" + x.chars(HoldoutValues.ALNUM, 44)
                + " " + HoldoutValues.slug(x.first()) + "@laptop"), "\"");
        if (x.chance(0.5)) {
            d.line("github_deploy_token: ", x.githubToken());
        }
        d.line("api_token: ", x.chance(0.5) ? x.jwt() : x.placeholder());
        d.line("release: ", x.version4());
    }

    static void idVerificationCsv(Doc d, HoldoutValues x) {
        d.line("medewerker;documenttype;documentnummer;nationaliteit;geboortedatum;geldig_tot;gecontroleerd_door");
        int rows = x.n(10, 40);
        for (int i = 0; i < rows; i++) {
            boolean pass = x.chance(0.5);
            d.line(x.fullName(), ";", pass ? "paspoort" : "identiteitskaart", ";", kind(pass ? x.passport() : x.idCard(), "csv-col-"), ";",
                    x.pick("NLD", "NLD", "NLD", "BEL", "DEU"), ";", kind(x.dobDmy(), "csv-col-"), ";", x.otherDate(false, "expiry-date"), ";",
                    x.first());
        }
    }

    static void ciWorkflow(Doc d, HoldoutValues x) {
        d.line("name: deploy");
        d.line("on:");
        d.line("  push:");
        d.line("    branches: [main]");
        d.line("env:");
        d.line("  REGISTRY_PASSWORD: ", pwOrPlaceholder(x, false));
        d.line("  GITHUB_TOKEN: ", x.chance(0.6) ? x.githubToken() : neg(EntityType.GITHUB_TOKEN, "placeholder", "${{ secrets.GITHUB_TOKEN }}"));
        d.line("  AWS_ACCESS_KEY_ID: ", x.awsKeyId());
        d.line("  AWS_SECRET_ACCESS_KEY: ", x.awsSecret());
        d.line("jobs:");
        d.line("  deploy:");
        d.line("    runs-on: ubuntu-22.04");
        d.line("    steps:");
        d.line("      - uses: actions/checkout@v4");
        d.line("      - name: smoke test");
        d.line("        run: |");
        d.line("          curl -fsS -H \"Authorization: Bearer ", x.jwt(), "\" https://api.", x.pick(HoldoutValues.COMPANY_DOMAIN), "/health");
        d.line("          echo \"deployed ", x.gitSha(), " to ", x.ipv4(), "\"");
        d.line("      - name: notify");
        d.line("        run: ./notify.sh --to ", x.roleEmail(x.pick(HoldoutValues.COMPANY_DOMAIN)));
    }

    static void englishJson(Doc d, HoldoutValues x) {
        d.line("{");
        d.line("  \"meta\": {\"requestId\": \"", x.uuid(), "\", \"apiVersion\": \"", x.version4(), "\", \"generatedAt\": \"",
                neg(EntityType.DATE_OF_BIRTH, "iso-timestamp", x.timestampIso()), "\"},");
        d.line("  \"data\": [");
        int n = x.n(3, 12);
        for (int i = 0; i < n; i++) {
            String f = x.first();
            String l = x.last();
            d.line("    {");
            d.line("      \"customerId\": \"C-", x.digits(6), "\",");
            d.line("      \"firstName\": \"", f, "\", \"lastName\": \"", l, "\",");
            d.line("      \"", x.pick("dateOfBirth", "birthDate", "dob", "date_of_birth"), "\": \"", kind(x.chance(0.7) ? x.dobIso() : x.dob(true), "json-key-"), "\",");
            d.line("      \"email\": \"", x.email(f, l), "\",");
            d.line("      \"phone\": \"", x.phone(), "\",");
            d.line("      \"address\": {\"street\": \"", x.street(), "\", \"postalCode\": \"", x.postcode(), "\", \"city\": \"", x.pick(HoldoutValues.CITY), "\", \"country\": \"NL\"},");
            if (x.chance(0.5)) {
                d.line("      \"billing\": {\"iban\": \"", x.iban(false), "\", \"mandateId\": \"MD-", x.digits(8), "\"},");
            } else {
                d.line("      \"billing\": {\"card\": {\"number\": \"", x.card(), "\", \"expiry\": \"", String.format("%02d/%02d", x.n(1, 12), x.n(26, 31)), "\"}},");
            }
            d.line("      \"lastLogin\": {\"ip\": \"", x.ip(), "\", \"at\": \"", neg(EntityType.DATE_OF_BIRTH, "iso-timestamp", x.timestampIso()), "\"},");
            d.line("      \"createdAt\": \"", x.otherDate(true, "created-date"), "\"");
            d.line("    }", i < n - 1 ? "," : "");
        }
        d.line("  ]");
        d.line("}");
    }

    static void englishCsv(Doc d, HoldoutValues x) {
        d.line("customer_id,first_name,last_name,date_of_birth,email,phone,street,postal_code,city,card_number,signup_date,order_ref");
        int rows = x.n(20, 60);
        for (int i = 0; i < rows; i++) {
            String f = x.first();
            String l = x.last();
            Object card = x.chance(0.3) ? x.card() : neg(EntityType.CREDIT_CARD, "masked", "XXXX-XXXX-XXXX-" + x.digits(4));
            d.line(String.valueOf(x.n(100000, 999999)), ",", f, ",\"", l, "\",\"", kind(x.chance(0.5) ? x.dobIso() : x.dob(true), "csv-col-"), "\",",
                    x.email(f, l), ",\"", x.phone(), "\",\"", x.street(), "\",", x.postcode(), ",", x.pick(HoldoutValues.CITY), ",\"", card, "\",",
                    x.otherDate(true, "signup-date"), ",", x.orderNine("order-number-9"));
        }
    }

    static void chatTranscript(Doc d, HoldoutValues x) {
        String agent = x.first();
        String cust = x.first();
        d.line("Chat transcript #" + x.n(100000, 999999) + " - channel: web - started ", neg(EntityType.DATE_OF_BIRTH, "iso-timestamp", x.timestampIso()));
        d.line("Customer IP: ", x.ip());
        d.line();
        int turns = x.n(4, 9);
        int m = 0;
        for (int i = 0; i < turns; i++) {
            String t1 = String.format("[%02d:%02d] ", 10 + m / 60, m % 60);
            m += x.n(1, 3);
            String t2 = String.format("[%02d:%02d] ", 10 + m / 60, m % 60);
            m += x.n(1, 3);
            switch (x.r.nextInt(7)) {
                case 0 -> {
                    d.line(t1, agent, ": For verification, can you confirm your date of birth?");
                    d.line(t2, cust, ": sure, it's ", kind(x.dob(true), "dialog-next-line-"));
                }
                case 1 -> d.line(t1, cust, ": my card number is ", x.card(), ", it was charged twice");
                case 2 -> d.line(t1, cust, ": you can call me back on ", x.phone());
                case 3 -> d.line(t1, cust, ": my e-mail is ", x.email(cust, x.last()));
                case 4 -> d.line(t1, cust, ": the passport number on the booking is ", x.passport());
                case 5 -> d.line(t1, agent, ": your order ", x.orderNine("order-number-9"), " shipped on ", x.otherDate(true, "ship-date"));
                default -> d.line(t1, x.chance(0.5) ? agent : cust, ": ", en(x));
            }
        }
        d.line(String.format("[%02d:%02d] ", 10 + m / 60, m % 60), agent, ": Thanks for contacting us, have a nice day!");
    }

    static final String[] CODE_LINES = {
        "        int retries = 3;",
        "        Duration timeout = Duration.ofSeconds(30);",
        "        String sql = \"SELECT id, naam FROM klant WHERE id = ? AND actief = true\";",
        "        LocalDate start = LocalDate.of(2024, 1, 15);",
        "        BigDecimal bedrag = BigDecimal.valueOf(129995, 2);",
        "        String password = request.getParameter(\"password\");",
        "        if (password == null || password.isBlank()) {",
        "            throw new IllegalArgumentException(\"wachtwoord ontbreekt\");",
        "        }",
        "        props.put(\"password\", System.getenv(\"DB_PASSWORD\"));",
        "        String apiKey = config.get(\"apiKey\");",
        "        log.debug(\"verwerkt {} regels in {} ms\", count, elapsed);",
        "        for (int i = 0; i < batch.size(); i += 500) {",
        "        return repository.findByPostcodeAndHuisnummer(postcode, huisnummer);",
        "        Map<String, Object> body = Map.of(\"status\", \"ok\", \"count\", 42);",
        "        executor.scheduleAtFixedRate(this::flush, 0, 15, TimeUnit.MINUTES);",
        "        var response = client.send(request, HttpResponse.BodyHandlers.ofString());",
        "        // TODO: paginering toevoegen (max 1000 per pagina)",
        "        int port = 8443;",
        "        char[] buffer = new char[8192];",
    };

    static void cleanCode(Doc d, HoldoutValues x) {
        d.line("package nl.zorg.portaal.service;");
        d.line();
        d.line("import java.time.Duration;");
        d.line("import java.time.LocalDate;");
        d.line();
        d.line("/** Verwerkt mutaties uit de nachtelijke batch. */");
        d.line("public class MutatieService", x.digits(2), " {");
        d.line();
        d.line("    private static final String PASSWORD_FIELD = \"", neg(EntityType.GENERIC_SECRET, "low-entropy", "password"), "\";");
        d.line("    private static final String CHECKSUM = \"", x.sha256(), "\";");
        d.line("    private static final long MAX_ORDER = ", x.orderNine("constant-9"), "L;");
        d.line("    private static final String SCHEMA_VERSION = \"", x.version4(), "\";");
        int methods = x.n(6, 14);
        for (int m = 0; m < methods; m++) {
            d.line();
            d.line("    public void verwerk" + x.pick("Batch", "Regel", "Mutatie", "Export", "Import", "Herinnering") + m + "(Context ctx) {");
            int lines = x.n(5, 15);
            for (int i = 0; i < lines; i++) {
                if (x.chance(0.05)) {
                    d.line("        UUID id = UUID.fromString(\"", x.uuid(), "\");");
                } else if (x.chance(0.03)) {
                    d.line("        String token = \"", x.placeholder(), "\"; // wordt bij deploy vervangen");
                } else {
                    d.line(x.pick(CODE_LINES));
                }
            }
            d.line("    }");
        }
        d.line("}");
    }

    static final String[] POLICY = {
        "Wij verwerken persoonsgegevens uitsluitend voor de doeleinden die in deze verklaring zijn beschreven.",
        "De bewaartermijn voor cliëntdossiers bedraagt vijftien jaar na beëindiging van de behandeling (art. 7:454 BW).",
        "Betrokkenen hebben recht op inzage, rectificatie en verwijdering van hun gegevens (artikelen 15 tot en met 17 AVG).",
        "Een datalek wordt binnen 72 uur gemeld bij de Autoriteit Persoonsgegevens.",
        "Het budget voor informatiebeveiliging is verhoogd naar € 1.250.000 per jaar.",
        "Ongeveer 12,5% van de medewerkers heeft de training nog niet afgerond.",
        "Zie paragraaf 4.2.1 voor de procedure bij het vervangen van een laptop.",
        "De verwerkersovereenkomst met de hostingpartij is verlengd tot en met het einde van het jaar.",
        "Camerabeelden worden na 28 dagen automatisch verwijderd.",
        "Medewerkers ondertekenen bij indiensttreding een geheimhoudingsverklaring.",
    };

    static void cleanPolicy(Doc d, HoldoutValues x) {
        d.line("# Privacyverklaring en informatiebeveiligingsbeleid");
        d.line();
        d.line("Versie ", x.version4(), ", vastgesteld op ", x.otherDate(false, "policy-date"), ".");
        d.line();
        int sections = x.n(5, 10);
        for (int sct = 1; sct <= sections; sct++) {
            d.line("## Artikel " + sct);
            d.line();
            int n = x.n(3, 8);
            for (int i = 0; i < n; i++) {
                d.line(sct + "." + (i + 1) + " " + x.pick(POLICY));
            }
            if (x.chance(0.2)) {
                d.line("Dossiernummer AP: ", x.orderNine("dossier-number-9"), "; KvK ", x.kvk(), ".");
            }
            d.line();
        }
        d.line("Vragen? Neem contact op met onze functionaris gegevensbescherming via ", x.roleEmail(x.pick(HoldoutValues.COMPANY_DOMAIN)),
                " of ", x.phone(), ".");
    }

    static final List<Template> TEMPLATES = List.of(
            new Template("src", "MutatieService", "java", 0.1, HoldoutCorpus::cleanCode),
            new Template("docs", "privacybeleid", "md", 0.2, HoldoutCorpus::cleanPolicy),
            new Template("api", "customers", "json", 0.0, HoldoutCorpus::englishJson),
            new Template("exports", "customers", "csv", 0.3, HoldoutCorpus::englishCsv),
            new Template("support", "chat", "txt", 0.2, HoldoutCorpus::chatTranscript),
            new Template("ops", "group_vars", "yml", 0.0, HoldoutCorpus::ansibleVars),
            new Template("hr", "id-controle", "csv", 0.5, HoldoutCorpus::idVerificationCsv),
            new Template("ci", "deploy", "yml", 0.0, HoldoutCorpus::ciWorkflow),
            new Template("hr", "personeel-export", "csv", 0.5, HoldoutCorpus::hrCsv),
            new Template("crm", "klanten", "csv", 0.5, HoldoutCorpus::crmCsv),
            new Template("zorg", "brief-client", "txt", 0.2, HoldoutCorpus::clientLetter),
            new Template("support", "tickets", "log", 0.0, HoldoutCorpus::supportLog),
            new Template("logs", "access", "log", 0.0, HoldoutCorpus::nginxLog),
            new Template("logs", "app", "log", 0.1, HoldoutCorpus::appLog),
            new Template("config", "application", "yml", 0.0, HoldoutCorpus::applicationYml),
            new Template("deploy", "docker-compose", "yml", 0.0, HoldoutCorpus::dockerCompose),
            new Template("env", "service", "env", 0.1, HoldoutCorpus::envFile),
            new Template("src", "settings", "py", 0.0, HoldoutCorpus::pythonSource),
            new Template("src", "IntegratieConfig", "java", 0.2, HoldoutCorpus::javaSource),
            new Template("api", "klanten", "json", 0.0, HoldoutCorpus::jsonPayload),
            new Template("git", "config", "gitconfig", 0.0, HoldoutCorpus::gitConfig),
            new Template("mail", "thread", "eml", 0.6, HoldoutCorpus::emailThread),
            new Template("docs", "incident", "md", 0.0, HoldoutCorpus::incidentMd),
            new Template("finance", "transacties", "csv", 0.7, HoldoutCorpus::paymentsCsv),
            new Template("config", "koppeling", "properties", 0.1, HoldoutCorpus::propertiesFile),
            new Template("db", "dump", "sql", 0.0, HoldoutCorpus::sqlDump),
            new Template("notities", "overleg", "md", 0.2, HoldoutCorpus::proseNl),
            new Template("hr", "onboarding", "txt", 0.3, HoldoutCorpus::hrNotesEn));

    // ================================================================== generation

    record Generated(String path, String format, Doc doc) {
    }

    static Generated generate(long seed, int index) {
        Random r = new Random(seed * 1_000_003L + index * 7919L + 17);
        HoldoutValues x = new HoldoutValues(r);
        Template t = TEMPLATES.get(index % TEMPLATES.size());
        Doc d = new Doc(r.nextDouble() < t.crlf() ? "\r\n" : "\n");
        t.body().accept(d, x);
        String path = t.dir() + "/" + t.name() + "-" + String.format("%04d", index) + "." + t.ext();
        return new Generated(path, t.ext(), d);
    }

    static CorpusGenerator.FileLabels labels(Generated g) {
        String text = g.doc().sb.toString();
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        List<Label> pos = new ArrayList<>();
        List<Label> neg = new ArrayList<>();
        for (Planted p : g.doc().planted) {
            int s = p.offset();
            int e = s + p.value().length();
            int line = lineOf(starts, s);
            int endLine = lineOf(starts, Math.max(s, e - 1));
            Label l = new Label(p.v().type(), p.v().kind(), line, s - starts.get(line - 1) + 1, endLine,
                    e - starts.get(endLine - 1) + 1, s, e - s);
            (p.v().positive() ? pos : neg).add(l);
        }
        return new CorpusGenerator.FileLabels(g.path(), g.format(), g.doc().le.equals("\n") ? "LF" : "CRLF", text.length(), pos, neg);
    }

    private static int lineOf(List<Integer> starts, int off) {
        int lo = 0;
        int hi = starts.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts.get(mid) <= off) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    static Map<String, String> parseArgs(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String k = args[i].substring(2);
                if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    m.put(k, args[++i]);
                } else {
                    m.put(k, "true");
                }
            }
        }
        return m;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> o = parseArgs(args);
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        int files = Integer.parseInt(o.getOrDefault("files", "300"));
        if (o.containsKey("self-check")) {
            Path dir = Files.createTempDirectory("holdout-selfcheck");
            Corpus c = write(dir, dir.resolveSibling(dir.getFileName() + ".labels.json"), seed, files);
            int errors = selfCheck(dir, c);
            System.out.println(errors == 0 ? "self-check OK" : "self-check FAILED: " + errors + " errors");
            System.exit(errors == 0 ? 0 : 1);
        }
        if (!o.containsKey("out")) {
            System.err.println("usage: HoldoutCorpus --out DIR [--seed N] [--files N] [--labels FILE] | --self-check [--seed N] [--files N]");
            System.exit(2);
        }
        Path out = Path.of(o.get("out"));
        Path labels = Path.of(o.getOrDefault("labels", out.toAbsolutePath().normalize() + ".labels.json"));
        Corpus c = write(out, labels, seed, files);
        System.out.printf("wrote %d files, %d chars, %d positives, %d negatives to %s; labels %s%n", files, c.corpus().totalChars(),
                c.corpus().positivesByType().values().stream().mapToInt(Integer::intValue).sum(),
                c.corpus().negativesByType().values().stream().mapToInt(Integer::intValue).sum(), out, labels);
    }

    record Corpus(CorpusGenerator.Corpus corpus, List<Generated> docs) {
    }

    static Corpus write(Path out, Path labelsPath, long seed, int files) throws IOException {
        List<CorpusGenerator.FileLabels> fl = new ArrayList<>();
        List<Generated> docs = new ArrayList<>();
        Map<String, Integer> posBy = new TreeMap<>();
        Map<String, Integer> negBy = new TreeMap<>();
        long total = 0;
        for (int i = 0; i < files; i++) {
            Generated g = generate(seed, i);
            Path p = out.resolve(g.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, g.doc().sb, StandardCharsets.UTF_8);
            CorpusGenerator.FileLabels l = labels(g);
            l.positives().forEach(x -> posBy.merge(x.type().name(), 1, Integer::sum));
            l.negatives().forEach(x -> negBy.merge(x.type().name(), 1, Integer::sum));
            total += l.chars();
            fl.add(l);
            docs.add(g);
        }
        CorpusGenerator.Corpus c = new CorpusGenerator.Corpus("HoldoutCorpus", 1, seed, files, total, posBy, negBy, fl);
        if (labelsPath.getParent() != null) {
            Files.createDirectories(labelsPath.getParent());
        }
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(labelsPath.toFile(), c);
        return new Corpus(c, docs);
    }

    // ================================================================== self-check

    static final Pattern NINE = Pattern.compile("(?<![\\d.\\-A-Za-z])\\d{9}(?![\\d.\\-])");

    static int selfCheck(Path dir, Corpus c) throws IOException {
        int errors = 0;
        JsonMapper mapper = JsonMapper.builder().build();
        CorpusGenerator.Corpus back = mapper.readValue(
                dir.resolveSibling(dir.getFileName() + ".labels.json").toFile(), CorpusGenerator.Corpus.class);
        if (back.fileLabels().size() != c.docs().size()) {
            errors++;
        }
        Map<String, Integer> checked = new TreeMap<>();
        for (int i = 0; i < c.docs().size(); i++) {
            Generated g = c.docs().get(i);
            CorpusGenerator.FileLabels fl = back.fileLabels().get(i);
            String text = Files.readString(dir.resolve(fl.path()), StandardCharsets.UTF_8);
            List<Label> all = new ArrayList<>(fl.positives());
            all.addAll(fl.negatives());
            List<Planted> planted = new ArrayList<>();
            g.doc().planted.stream().filter(p -> p.v().positive()).forEach(planted::add);
            g.doc().planted.stream().filter(p -> !p.v().positive()).forEach(planted::add);
            String[] lines = text.split("\n", -1);
            boolean[] covered = new boolean[text.length()];
            for (int j = 0; j < all.size(); j++) {
                Label l = all.get(j);
                Planted p = planted.get(j);
                String span = text.substring(l.offset(), l.offset() + l.length());
                if (!span.equals(p.value())) {
                    errors += report("span mismatch " + fl.path() + " " + l);
                }
                // line/column agree with the offset
                int lineStart = 0;
                for (int k = 0; k < l.line() - 1; k++) {
                    lineStart += lines[k].length() + 1;
                }
                if (lineStart + l.column() - 1 != l.offset()) {
                    errors += report("line/column mismatch " + fl.path() + " " + l);
                }
                for (int k = l.offset(); k < l.offset() + l.length(); k++) {
                    if (covered[k]) {
                        errors += report("overlapping labels " + fl.path() + " " + l);
                        break;
                    }
                    covered[k] = true;
                }
                String why = validate(p.v(), span, mapper);
                if (why != null) {
                    errors += report("invalid " + (p.v().positive() ? "positive " : "negative ") + p.v().type() + ":" + p.v().kind() + " in " + fl.path() + ": " + why);
                }
                checked.merge((p.v().positive() ? "+" : "-") + p.v().type(), 1, Integer::sum);
            }
            // no unlabelled 11-proof 9-digit runs and no unlabelled Luhn-valid 13-19 digit runs
            Matcher m = NINE.matcher(text);
            while (m.find()) {
                if (!covered[m.start()] && HoldoutValues.elfProef(m.group())) {
                    errors += report("unlabelled 11-proof number in " + fl.path() + " at " + m.start());
                }
            }
        }
        System.out.println("checked labels: " + checked);
        return errors;
    }

    private static int report(String s) {
        System.out.println("  " + s);
        return 1;
    }

    static String validate(V v, String span, JsonMapper mapper) {
        String compact = span.replace(" ", "").replace("-", "").replace(".", "");
        switch (v.type()) {
            case BSN -> {
                if (v.positive() != HoldoutValues.elfProef(compact) && !v.kind().startsWith("btw") && !v.kind().startsWith("kvk")) {
                    return "11-proof " + HoldoutValues.elfProef(compact);
                }
            }
            case IBAN -> {
                if (v.positive() != HoldoutValues.ibanValid(span)) {
                    return "mod-97";
                }
            }
            case CREDIT_CARD -> {
                if (!v.kind().equals("masked") && v.positive() != HoldoutValues.luhn(compact)) {
                    return "luhn";
                }
            }
            case PHONE_NUMBER -> {
                if (!HoldoutValues.phoneValid(span)) {
                    return "libphonenumber says invalid";
                }
            }
            case GITHUB_TOKEN -> {
                if (v.kind().endsWith("-crc") && !HoldoutValues.ghChecksumOk(span)) {
                    return "crc";
                }
            }
            case JWT -> {
                try {
                    String[] parts = span.split("\\.");
                    if (parts.length != 3) {
                        return "parts";
                    }
                    mapper.readTree(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
                    mapper.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    return "header/payload not JSON: " + e.getMessage();
                }
            }
            case GENERIC_SECRET -> {
                if (v.positive() && (span.length() < 8 || HoldoutValues.entropy(span) < 3.5)) {
                    return "entropy " + HoldoutValues.entropy(span);
                }
                if (v.kind().equals("low-entropy") && HoldoutValues.entropy(span) >= 3.5) {
                    return "low-entropy value has entropy " + HoldoutValues.entropy(span);
                }
            }
            case AWS_ACCESS_KEY -> {
                if (v.positive() && !span.matches("(AKIA|ASIA)[A-Z2-7]{16}")) {
                    return "shape";
                }
            }
            case AWS_SECRET_KEY -> {
                if (span.length() != 40) {
                    return "length";
                }
            }
            case PASSPORT_NUMBER, ID_CARD_NUMBER -> {
                if (!span.matches("[A-NP-Z]{2}[A-NP-Z0-9]{6}[0-9]")) {
                    return "shape";
                }
            }
            case POSTCODE -> {
                if (!span.matches("[1-9][0-9]{3} ?[A-Z]{2}")) {
                    return "shape";
                }
            }
            default -> {
            }
        }
        return null;
    }
}
