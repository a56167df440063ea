package io.dataguardian.bench.corpus;

import static io.dataguardian.bench.corpus.EntityType.AWS_ACCESS_KEY;
import static io.dataguardian.bench.corpus.EntityType.AWS_SECRET_KEY;
import static io.dataguardian.bench.corpus.EntityType.BSN;
import static io.dataguardian.bench.corpus.EntityType.CREDIT_CARD;
import static io.dataguardian.bench.corpus.EntityType.DATE_OF_BIRTH;
import static io.dataguardian.bench.corpus.EntityType.EMAIL;
import static io.dataguardian.bench.corpus.EntityType.GENERIC_SECRET;
import static io.dataguardian.bench.corpus.EntityType.GITHUB_TOKEN;
import static io.dataguardian.bench.corpus.EntityType.IBAN;
import static io.dataguardian.bench.corpus.EntityType.ID_CARD_NUMBER;
import static io.dataguardian.bench.corpus.EntityType.IP_ADDRESS;
import static io.dataguardian.bench.corpus.EntityType.JWT;
import static io.dataguardian.bench.corpus.EntityType.PASSPORT_NUMBER;
import static io.dataguardian.bench.corpus.EntityType.PHONE_NUMBER;
import static io.dataguardian.bench.corpus.EntityType.POSTCODE;
import static io.dataguardian.bench.corpus.EntityType.PRIVATE_KEY;

import io.dataguardian.bench.corpus.Holdout2Corpus.Doc;
import io.dataguardian.bench.corpus.Holdout2Corpus.Kind;
import io.dataguardian.bench.corpus.Holdout2Values.Person;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** The document templates of {@link Holdout2Corpus}. */
final class Holdout2Templates {

    private Holdout2Templates() {
    }

    static List<Kind> kinds() {
        return List.of(
                new Kind("k8s-manifest", "deploy/k8s", "yaml", false, Holdout2Templates::k8s),
                new Kind("helm-values", "deploy/helm", "yaml", false, Holdout2Templates::helm),
                new Kind("terraform", "infra", "tf", false, Holdout2Templates::terraform),
                new Kind("tfvars", "infra", "tfvars", false, Holdout2Templates::tfvars),
                new Kind("app-config", "config", "toml", false, Holdout2Templates::toml),
                new Kind("ini", "config", "ini", false, Holdout2Templates::ini),
                new Kind("web-config", "dotnet", "config", true, Holdout2Templates::webConfig),
                new Kind("maven-settings", "build", "xml", false, Holdout2Templates::mavenSettings),
                new Kind("json-lines", "logs", "jsonl", false, Holdout2Templates::jsonLines),
                new Kind("logfmt", "logs", "log", false, Holdout2Templates::logfmt),
                new Kind("syslog", "logs/syslog", "log", false, Holdout2Templates::syslog),
                new Kind("apache", "logs/httpd", "log", false, Holdout2Templates::apache),
                new Kind("iis-w3c", "logs/iis", "log", true, Holdout2Templates::iis),
                new Kind("tsv-export", "exports", "tsv", false, Holdout2Templates::tsv),
                new Kind("excel-csv", "exports", "csv", true, Holdout2Templates::excelCsv),
                new Kind("md-table", "notes", "md", false, Holdout2Templates::mdTable),
                new Kind("notebook", "analysis", "ipynb", false, Holdout2Templates::notebook),
                new Kind("shell", "scripts", "sh", false, Holdout2Templates::shell),
                new Kind("dockerfile", "docker", "=Dockerfile", false, Holdout2Templates::dockerfile),
                new Kind("typescript", "src/ts", "ts", false, Holdout2Templates::typescript),
                new Kind("php", "src/php", "php", false, Holdout2Templates::php),
                new Kind("go", "src/go", "go", false, Holdout2Templates::go),
                new Kind("csharp", "src/cs", "cs", true, Holdout2Templates::csharp),
                new Kind("sql-inserts", "db", "sql", false, Holdout2Templates::sql),
                new Kind("transcript", "support", "txt", false, Holdout2Templates::transcript),
                new Kind("zorg-brief", "brieven", "txt", false, Holdout2Templates::zorgBrief),
                new Kind("overheid-brief", "brieven", "txt", true, Holdout2Templates::overheidBrief),
                new Kind("verwijsbrief", "brieven", "txt", false, Holdout2Templates::verwijsbrief),
                new Kind("onboarding-mail", "hr", "txt", false, Holdout2Templates::onboarding),
                new Kind("intake-form", "formulieren", "txt", false, Holdout2Templates::form),
                new Kind("http-dump", "debug", "http", false, Holdout2Templates::httpDump),
                new Kind("aws-credentials", "home", "=.aws/credentials", false, Holdout2Templates::awsCredentials),
                new Kind("netrc-npmrc", "home", "=.netrc", false, Holdout2Templates::netrc),
                new Kind("git-log", "vcs", "txt", false, Holdout2Templates::gitLog),
                new Kind("key-dump", "keys", "txt", false, Holdout2Templates::keyDump),
                new Kind("order-export", "exports", "json", false, Holdout2Templates::orderExport));
    }

    // ---------------------------------------------------------------- shared bits

    static String urlSafe(Holdout2Values v) {
        return v.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", v.between(16, 26));
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static void dob(Doc d, Holdout2Values v, LocalDate date, boolean dutch) {
        d.p(DATE_OF_BIRTH, dutch ? "dob-nl" : "dob-en", v.dobText(date, dutch));
    }

    static String ts(Holdout2Values v) {
        return String.format(Locale.ROOT, "2025-%02d-%02dT%02d:%02d:%02d.%03dZ", v.between(1, 12), v.between(1, 28), v.between(0, 23),
                v.between(0, 59), v.between(0, 59), v.between(0, 999));
    }

    static String nlDate(LocalDate d) {
        return String.format(Locale.ROOT, "%02d-%02d-%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    /** A single address, sometimes with a port. */
    static void ip(Doc d, Holdout2Values v) {
        if (v.r.nextInt(3) == 0) {
            d.p(IP_ADDRESS, "ipv6", v.ipv6());
        } else {
            d.p(IP_ADDRESS, "ipv4", v.ipv4());
        }
    }

    static void cidrNeg(Doc d, Holdout2Values v) {
        d.n(IP_ADDRESS, "cidr-network", v.pick(new String[] {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "10." + v.between(0, 255) + ".0.0/16",
            "100.64.0.0/10", "192.168." + v.between(0, 255) + ".0/24"}));
    }

    static void versionNeg(Doc d, Holdout2Values v) {
        d.n(IP_ADDRESS, "version-4part", v.between(1, 9) + "." + v.between(0, 20) + "." + v.between(0, 9) + "." + v.between(0, 99));
    }

    static void placeholderNeg(Doc d, Holdout2Values v) {
        d.n(GENERIC_SECRET, "placeholder", v.placeholder());
    }

    static void orderIdNeg(Doc d, Holdout2Values v) {
        d.n(BSN, "bsn-11proof-fail", v.bsnFailRaw());
    }

    static String shaHex(Holdout2Values v) {
        return v.hex(40);
    }

    // ---------------------------------------------------------------- config / infra

    static void k8s(Doc d, Holdout2Values v) {
        String app = v.pick(new String[] {"billing", "klantportaal", "intake-api", "payroll"});
        String pw = urlSafe(v);
        d.t("apiVersion: v1\nkind: Secret\nmetadata:\n  name: " + app + "-db\n  namespace: prod\n  labels:\n    app.kubernetes.io/version: \"");
        versionNeg(d, v);
        d.t("\"\ntype: Opaque\ndata:\n  username: " + b64(app) + "\n  password: ");
        d.p(GENERIC_SECRET, "k8s-b64", b64(pw));
        d.t("\nstringData:\n  SMTP_PASSWORD: \"");
        d.p(GENERIC_SECRET, "k8s-stringdata", urlSafe(v));
        d.t("\"\n  GITHUB_TOKEN: ");
        d.p(GITHUB_TOKEN, "k8s", v.githubToken());
        d.t("\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + app + "\n  annotations:\n    deployment.kubernetes.io/revision: \"" + v.between(2, 90)
                + "\"\n    git-commit: " + shaHex(v) + "\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: " + app
                + "\n          image: registry.internal/" + app + "@sha256:" + v.hex(64) + "\n          resources:\n            limits:\n              memory: 512Mi\n          env:\n            - name: DB_HOST\n              value: \"");
        d.p(IP_ADDRESS, "ipv4", v.ipv4());
        d.t("\"\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef: {name: " + app + "-db, key: password}\n            - name: API_KEY\n              value: \"");
        placeholderNeg(d, v);
        d.t("\"\n            - name: AWS_ACCESS_KEY_ID\n              value: ");
        d.p(AWS_ACCESS_KEY, "k8s-env", v.awsKeyId());
        d.t("\n            - name: AWS_SECRET_ACCESS_KEY\n              value: ");
        d.p(AWS_SECRET_KEY, "k8s-env", v.awsSecret());
        d.t("\n            - name: SUPPORT_MAIL\n              value: ");
        d.p(EMAIL, "plain", "support@" + v.pick(Holdout2Values.DOMAIN));
        d.t("\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-office\nspec:\n  ingress:\n    - from:\n        - ipBlock:\n            cidr: ");
        cidrNeg(d, v);
        d.t("\n        - ipBlock:\n            cidr: ");
        cidrNeg(d, v);
        d.t("\n");
    }

    static void helm(Doc d, Holdout2Values v) {
        d.t("# Default values for the chart.\nreplicaCount: 2\nimage:\n  repository: ghcr.io/acme/portal\n  tag: \"");
        d.n(IP_ADDRESS, "version-4part", v.between(1, 4) + "." + v.between(0, 12) + "." + v.between(0, 9) + "." + v.between(100, 250));
        d.t("\"\n\npostgresql:\n  auth:\n    username: portal\n    password: \"");
        d.p(GENERIC_SECRET, "helm", urlSafe(v));
        d.t("\"\n    existingSecret: \"\"\n  primary:\n    persistence:\n      size: 8Gi\n\nredis:\n  auth:\n    password: ");
        placeholderNeg(d, v);
        d.t("\n\ningress:\n  enabled: true\n  annotations:\n    nginx.ingress.kubernetes.io/whitelist-source-range: \"");
        cidrNeg(d, v);
        d.t(",");
        d.p(IP_ADDRESS, "ipv4-host", v.ipv4() + "/32");
        d.t("\"\n  hosts:\n    - host: portal.example-zorg.nl\n\nsmtp:\n  host: smtp.sendgrid.net\n  user: apikey\n  password: ");
        d.p(GENERIC_SECRET, "helm-sendgrid", "SG." + v.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 22) + "." + v.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 43));
        d.t("\n  from: \"Klantenservice <");
        d.p(EMAIL, "plain", "noreply@" + v.pick(Holdout2Values.DOMAIN));
        d.t(">\"\n\nsentry:\n  dsn: https://");
        d.n(EMAIL, "sentry-dsn", v.hex(32) + "@o" + v.digits(6) + ".ingest.sentry.io");
        d.t("/" + v.digits(7) + "\n\nadmin:\n  email: ");
        d.p(EMAIL, "plain", v.email(v.pick(Holdout2Values.FIRST), v.pick(Holdout2Values.LAST)));
        d.t("\n  phone: \"");
        d.p(PHONE_NUMBER, "helm", v.phoneNl());
        d.t("\"\n\nresources:\n  limits:\n    cpu: 500m\n    memory: ");
        d.n(POSTCODE, "unit", v.pick(new String[] {"1024", "2048", "4096"}) + " MB");
        d.t("\n  podAnnotations:\n    checksum/config: " + v.hex(64) + "\n");
    }

    static void terraform(Doc d, Holdout2Values v) {
        d.t("terraform {\n  required_version = \">= 1.5.0\"\n  backend \"s3\" {\n    bucket = \"tf-state-" + v.hex(8) + "\"\n    key    = \"prod/terraform.tfstate\"\n    region = \"eu-west-1\"\n  }\n}\n\nprovider \"aws\" {\n  region     = \"eu-west-1\"\n  access_key = \"");
        d.p(AWS_ACCESS_KEY, "tf", v.awsKeyId());
        d.t("\"\n  secret_key = \"");
        d.p(AWS_SECRET_KEY, "tf", v.awsSecret());
        d.t("\"\n}\n\n# example from the AWS docs, kept for reference\n# access_key = \"");
        d.n(AWS_ACCESS_KEY, "aws-doc-example", "AKIAIOSFODNN7EXAMPLE");
        d.t("\"\n# secret_key = \"");
        d.n(AWS_SECRET_KEY, "aws-doc-example", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        d.t("\"\n\nresource \"aws_vpc\" \"main\" {\n  cidr_block = \"");
        cidrNeg(d, v);
        d.t("\"\n}\n\nresource \"aws_db_instance\" \"crm\" {\n  identifier        = \"crm-prod\"\n  engine            = \"postgres\"\n  engine_version    = \"15.4\"\n  username          = \"crm_admin\"\n  password          = \"");
        d.p(GENERIC_SECRET, "tf", urlSafe(v));
        d.t("\"\n  allocated_storage = 100\n}\n\nresource \"aws_security_group_rule\" \"bastion\" {\n  type        = \"ingress\"\n  cidr_blocks = [\"");
        d.p(IP_ADDRESS, "ipv4-host", v.ipv4() + "/32");
        d.t("\"]\n}\n\nvariable \"db_password\" {\n  type      = string\n  sensitive = true\n  default   = \"");
        placeholderNeg(d, v);
        d.t("\"\n}\n\nresource \"github_actions_secret\" \"deploy\" {\n  repository      = \"portal\"\n  secret_name     = \"DEPLOY_TOKEN\"\n  plaintext_value = \"");
        d.p(GITHUB_TOKEN, "tf", v.githubToken());
        d.t("\"\n}\n\noutput \"vpc_id\" {\n  value = aws_vpc.main.id\n}\n");
    }

    static void tfvars(Doc d, Holdout2Values v) {
        d.t("environment      = \"acceptance\"\nowner_email      = \"");
        d.p(EMAIL, "plain", v.email(v.pick(Holdout2Values.FIRST), v.pick(Holdout2Values.LAST)));
        d.t("\"\noncall_phone     = \"");
        d.p(PHONE_NUMBER, "tfvars", v.phone());
        d.t("\"\nadmin_cidrs      = [\"");
        cidrNeg(d, v);
        d.t("\", \"");
        d.p(IP_ADDRESS, "ipv4-host", v.ipv4() + "/32");
        d.t("\"]\ndb_password      = \"");
        d.p(GENERIC_SECRET, "tfvars", urlSafe(v));
        d.t("\"\ncloudflare_api_token = \"");
        d.p(GENERIC_SECRET, "tfvars-token", v.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 40));
        d.t("\"\ndatadog_api_key  = \"");
        d.p(GENERIC_SECRET, "tfvars-apikey", v.hex(32));
        d.t("\"\nami_id           = \"ami-" + v.hex(17) + "\"\nkms_key_id       = \"" + v.uuid() + "\"\nslack_webhook    = \"");
        placeholderNeg(d, v);
        d.t("\"\ninstance_count   = " + v.between(2, 9) + "\n");
    }

    static void toml(Doc d, Holdout2Values v) {
        d.t("# service configuration\ntitle = \"notificatie-service\"\nversion = \"");
        versionNeg(d, v);
        d.t("\"\n\n[server]\nbind = \"");
        d.p(IP_ADDRESS, "ipv4-port", v.ipv4());
        d.t(":" + v.between(1024, 9999) + "\"\nworkers = 4\n\n[database]\nurl = \"postgres://notify:");
        d.p(GENERIC_SECRET, "conn-url", urlSafe(v));
        d.t("@db.internal:5432/notify\"\npool_size = 10\n\n[smtp]\nhost = \"smtp.mailgun.org\"\nusername = \"");
        d.p(EMAIL, "plain", "postmaster@mg." + v.pick(Holdout2Values.DOMAIN));
        d.t("\"\npassword = '");
        d.p(GENERIC_SECRET, "toml", urlSafe(v));
        d.t("'\n\n[github]\ntoken = \"");
        d.p(GITHUB_TOKEN, "toml", v.githubToken());
        d.t("\"\n\n[sms]\nprovider = \"messagebird\"\naccess_key = \"");
        placeholderNeg(d, v);
        d.t("\"\ntest_recipient = \"");
        d.p(PHONE_NUMBER, "toml", v.phoneNl());
        d.t("\"\n\n[limits]\nmax_upload = \"");
        d.n(POSTCODE, "unit", v.between(1000, 9999) + " KB");
        d.t("\"\ncommit = \"" + shaHex(v) + "\"\n");
    }

    static void ini(Doc d, Holdout2Values v) {
        d.t("; my.cnf for the reporting replica\n[client]\nuser=report\npassword=");
        d.p(GENERIC_SECRET, "ini", urlSafe(v));
        d.t("\nhost=");
        d.p(IP_ADDRESS, "ipv4", v.ipv4());
        d.t("\nport=3306\n\n[mysqld]\nbind-address = 0.0.0.0\nserver-id = " + v.between(1, 99999) + "\ninnodb_buffer_pool_size = 2G\n\n[mail]\nsmtp_user = ");
        d.p(EMAIL, "plain", v.email(v.pick(Holdout2Values.FIRST), v.pick(Holdout2Values.LAST)));
        d.t("\nsmtp_pass = ");
        placeholderNeg(d, v);
        d.t("\n\n[odbc_dsn_finance]\nDriver=ODBC Driver 18 for SQL Server\nServer=tcp:");
        d.p(IP_ADDRESS, "ipv4-port", v.ipv4());
        d.t(",1433\nUID=finance_ro\nPWD=");
        d.p(GENERIC_SECRET, "ini-pwd", urlSafe(v));
        d.t("\n\n[api]\napikey = ");
        d.p(GENERIC_SECRET, "ini-apikey", v.hex(32));
        d.t("\nbuild = " + v.uuid() + "\n");
    }

    static void webConfig(Doc d, Holdout2Values v) {
        d.t("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <connectionStrings>\n    <add name=\"Crm\" connectionString=\"Server=");
        d.p(IP_ADDRESS, "ipv4", v.ipv4());
        d.t(";Database=Crm;User Id=crm_app;Password=");
        d.p(GENERIC_SECRET, "connstr", urlSafe(v));
        d.t(";TrustServerCertificate=True\" providerName=\"System.Data.SqlClient\" />\n    <add name=\"Audit\" connectionString=\"Server=sql02;Database=Audit;Integrated Security=SSPI\" />\n  </connectionStrings>\n  <appSettings>\n    <add key=\"SmtpPassword\" value=\"");
        d.p(GENERIC_SECRET, "xml-attr", urlSafe(v));
        d.t("\" />\n    <add key=\"PaymentApiKey\" value=\"");
        placeholderNeg(d, v);
        d.t("\" />\n    <add key=\"HelpdeskPhone\" value=\"");
        d.p(PHONE_NUMBER, "xml", v.phoneNl());
        d.t("\" />\n    <add key=\"AssemblyBuild\" value=\"");
        versionNeg(d, v);
        d.t("\" />\n    <add key=\"AwsAccessKey\" value=\"");
        d.p(AWS_ACCESS_KEY, "xml", v.awsKeyId());
        d.t("\" />\n  </appSettings>\n  <system.web>\n    <machineKey validationKey=\"" + v.hex(64).toUpperCase(Locale.ROOT) + "\" validation=\"HMACSHA256\" />\n  </system.web>\n</configuration>\n");
    }

    static void mavenSettings(Doc d, Holdout2Values v) {
        d.t("<settings xmlns=\"http://maven.apache.org/SETTINGS/1.0.0\">\n  <servers>\n    <server>\n      <id>nexus-releases</id>\n      <username>deploy</username>\n      <password>");
        d.p(GENERIC_SECRET, "xml-element", urlSafe(v));
        d.t("</password>\n    </server>\n    <server>\n      <id>github</id>\n      <username>ci-bot</username>\n      <password>");
        d.p(GITHUB_TOKEN, "maven", v.githubToken());
        d.t("</password>\n    </server>\n    <server>\n      <id>nexus-snapshots</id>\n      <username>deploy</username>\n      <password>");
        d.n(GENERIC_SECRET, "placeholder", "${env.NEXUS_PASSWORD}");
        d.t("</password>\n    </server>\n  </servers>\n  <proxies>\n    <proxy>\n      <host>");
        d.p(IP_ADDRESS, "ipv4", v.ipv4());
        d.t("</host>\n      <port>3128</port>\n      <nonProxyHosts>localhost|*.intern.nl</nonProxyHosts>\n    </proxy>\n  </proxies>\n  <profiles>\n    <profile>\n      <properties>\n        <sonar.login>");
        d.p(GENERIC_SECRET, "xml-element-token", "squ_" + v.hex(40));
        d.t("</sonar.login>\n        <gpg.passphrase>");
        d.n(GENERIC_SECRET, "placeholder", "${env.GPG_PASSPHRASE}");
        d.t("</gpg.passphrase>\n        <project.version>");
        versionNeg(d, v);
        d.t("</project.version>\n      </properties>\n    </profile>\n  </profiles>\n</settings>\n");
    }

    // ---------------------------------------------------------------- logs

    static void jsonLines(Doc d, Holdout2Values v) {
        int n = v.between(8, 14);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t("{\"ts\":\"" + ts(v) + "\",\"level\":\"" + v.pick(new String[] {"info", "warn", "error"}) + "\",\"trace_id\":\"" + v.hex(32) + "\",");
            switch (v.r.nextInt(7)) {
                case 0 -> {
                    d.t("\"msg\":\"login\",\"user\":\"");
                    d.p(EMAIL, "jsonl", p.email());
                    d.t("\",\"remote_addr\":\"");
                    ip(d, v);
                    d.t("\"");
                }
                case 1 -> {
                    d.t("\"msg\":\"payment failed\",\"order_id\":");
                    orderIdNeg(d, v);
                    d.t(",\"iban\":\"");
                    d.p(IBAN, "jsonl", v.iban());
                    d.t("\"");
                }
                case 2 -> {
                    d.t("\"msg\":\"upstream call\",\"headers\":{\"authorization\":\"Bearer ");
                    d.p(JWT, "jsonl-bearer", v.jwt());
                    d.t("\"}");
                }
                case 3 -> {
                    d.t("\"msg\":\"profile updated\",\"changes\":{\"birthDate\":\"");
                    d.p(DATE_OF_BIRTH, "json-iso", p.dob().toString());
                    d.t("\",\"postcode\":\"");
                    d.p(POSTCODE, "json", p.postcode());
                    d.t("\"}");
                }
                case 4 -> {
                    d.t("\"msg\":\"card declined\",\"pan\":\"");
                    d.p(CREDIT_CARD, "jsonl", v.card());
                    d.t("\",\"auth_code\":\"" + v.digits(6) + "\"");
                }
                case 5 -> {
                    d.t("\"msg\":\"citizen lookup\",\"bsn\":\"");
                    d.p(BSN, "jsonl", Holdout2Values.bsnFormat(v.bsnRaw(), 0));
                    d.t("\",\"duration_ms\":" + v.between(3, 900));
                }
                default -> {
                    d.t("\"msg\":\"job done\",\"job\":\"" + v.uuid() + "\",\"shipment\":\"");
                    d.n(BSN, "tracking", v.bsnFailRaw());
                    d.t("\",\"build\":\"");
                    versionNeg(d, v);
                    d.t("\"");
                }
            }
            d.t("}\n");
        }
    }

    static void logfmt(Doc d, Holdout2Values v) {
        int n = v.between(8, 14);
        for (int i = 0; i < n; i++) {
            d.t("time=" + ts(v) + " level=" + v.pick(new String[] {"info", "debug", "warn"}) + " ");
            switch (v.r.nextInt(6)) {
                case 0 -> {
                    d.t("msg=\"request\" method=GET path=/api/v2/klanten/" + v.between(1000, 99999) + " status=200 client_ip=");
                    ip(d, v);
                    d.t(" dur=" + v.between(1, 400) + "ms");
                }
                case 1 -> {
                    d.t("msg=\"config loaded\" db_password=");
                    d.p(GENERIC_SECRET, "logfmt", urlSafe(v));
                    d.t(" redis_password=");
                    placeholderNeg(d, v);
                }
                case 2 -> {
                    d.t("msg=\"sms sent\" to=\"");
                    d.p(PHONE_NUMBER, "logfmt", v.phone());
                    d.t("\" provider=twilio sid=SM" + v.hex(32));
                }
                case 3 -> {
                    d.t("msg=\"mandate created\" rekening=");
                    d.p(IBAN, "logfmt", v.ibanCompact());
                    d.t(" kvk=");
                    d.n(BSN, "kvk-8", v.between(10000000, 99999999) + "");
                }
                case 4 -> {
                    d.t("msg=\"assumed role\" access_key_id=");
                    d.p(AWS_ACCESS_KEY, "logfmt", v.awsKeyId());
                    d.t(" expires=" + ts(v));
                }
                default -> {
                    d.t("msg=\"retry\" attempt=" + v.between(1, 5) + " commit=" + shaHex(v) + " request_id=" + v.uuid());
                }
            }
            d.t("\n");
        }
    }

    static void syslog(Doc d, Holdout2Values v) {
        String host = v.pick(new String[] {"web01", "bastion", "mail-gw", "db-replica"});
        int n = v.between(8, 14);
        for (int i = 0; i < n; i++) {
            d.t(v.pick(new String[] {"Jan", "Feb", "Mar", "Apr", "Nov"}) + " " + String.format(Locale.ROOT, "%2d %02d:%02d:%02d ", v.between(1, 28), v.between(0, 23), v.between(0, 59), v.between(0, 59)) + host + " ");
            switch (v.r.nextInt(6)) {
                case 0 -> {
                    d.t("sshd[" + v.between(300, 65000) + "]: Failed password for invalid user admin from ");
                    d.p(IP_ADDRESS, "ipv4", v.ipv4());
                    d.t(" port " + v.between(1024, 65535) + " ssh2");
                }
                case 1 -> {
                    d.t("sshd[" + v.between(300, 65000) + "]: Accepted publickey for deploy from ");
                    d.p(IP_ADDRESS, "ipv6", v.ipv6());
                    d.t(" port " + v.between(1024, 65535) + " ssh2: ED25519 SHA256:" + v.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 43));
                }
                case 2 -> {
                    d.t("postfix/smtp[" + v.between(300, 65000) + "]: " + v.hex(10).toUpperCase(Locale.ROOT) + ": to=<");
                    d.p(EMAIL, "syslog", v.email(v.pick(Holdout2Values.FIRST), v.pick(Holdout2Values.LAST)));
                    d.t(">, relay=mx.example.net[");
                    d.p(IP_ADDRESS, "ipv4", v.ipv4());
                    d.t("]:25, delay=0.4, status=sent (250 2.0.0 OK)");
                }
                case 3 -> {
                    d.t("sudo[" + v.between(300, 65000) + "]: deploy : TTY=pts/0 ; PWD=/opt/app ; USER=root ; COMMAND=/usr/bin/mysql -u root --password=");
                    d.p(GENERIC_SECRET, "cli-flag", urlSafe(v));
                }
                case 4 -> {
                    d.t("kernel: [" + v.between(1000, 99999) + "." + v.digits(6) + "] UFW BLOCK IN=eth0 SRC=");
                    d.p(IP_ADDRESS, "ipv4", v.ipv4());
                    d.t(" DST=");
                    d.p(IP_ADDRESS, "ipv4", v.ipv4());
                    d.t(" LEN=60 TTL=52 PROTO=TCP SPT=" + v.between(1024, 65535) + " DPT=22");
                }
                default -> {
                    d.t("systemd[1]: Started Session " + v.between(100, 9999) + " of user deploy. (unit id " + v.bsnFailRaw() + ")");
                }
            }
            d.t("\n");
        }
    }

    static void apache(Doc d, Holdout2Values v) {
        int n = v.between(8, 14);
        for (int i = 0; i < n; i++) {
            if (v.r.nextInt(4) == 0) {
                d.t("[" + v.pick(new String[] {"Mon", "Tue", "Wed"}) + " Mar " + String.format(Locale.ROOT, "%02d %02d:%02d:%02d", v.between(1, 28), v.between(0, 23), v.between(0, 59), v.between(0, 59))
                        + ".123456 2025] [php:error] [pid " + v.between(100, 9999) + "] [client ");
                d.p(IP_ADDRESS, "ipv4-port", v.ipv4());
                d.t(":" + v.between(1024, 65535) + "] PHP Warning:  mysqli_connect(): (HY000/1045): Access denied for user 'shop'@'localhost' (using password: YES) in /var/www/html/db.php on line 12\n");
                continue;
            }
            d.p(IP_ADDRESS, "ipv4", v.ipv4());
            d.t(" - ");
            if (v.r.nextInt(3) == 0) {
                d.p(EMAIL, "apache-user", v.email(v.pick(Holdout2Values.FIRST), v.pick(Holdout2Values.LAST)));
            } else {
                d.t("-");
            }
            d.t(" [" + String.format(Locale.ROOT, "%02d", v.between(1, 28)) + "/Mar/2025:" + String.format(Locale.ROOT, "%02d:%02d:%02d", v.between(0, 23), v.between(0, 59), v.between(0, 59)) + " +0100] \"GET ");
            switch (v.r.nextInt(4)) {
                case 0 -> {
                    d.t("/wachtwoord-reset?email=");
                    d.p(EMAIL, "url-encoded-no", v.email(v.pick(Holdout2Values.FIRST), v.pick(Holdout2Values.LAST)).replace("+", "-"));
                    d.t("&token=");
                    d.p(GENERIC_SECRET, "url-reset-token", v.hex(16));
                }
                case 1 -> {
                    d.t("/api/session?access_token=");
                    d.p(JWT, "url-param", v.jwt());
                }
                case 2 -> d.t("/static/app." + v.hex(8) + ".js?v=" + v.between(1, 9) + "." + v.between(0, 9) + "." + v.between(0, 9));
                default -> {
                    d.t("/bestelling/");
                    orderIdNeg(d, v);
                }
            }
            d.t(" HTTP/1.1\" " + v.pick(new String[] {"200", "302", "404"}) + " " + v.between(200, 90000) + " \"-\" \"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/");
            d.n(IP_ADDRESS, "ua-version", v.between(100, 131) + ".0." + v.between(1000, 6999) + "." + v.between(10, 250));
            d.t(" Safari/537.36\"\n");
        }
    }

    static void iis(Doc d, Holdout2Values v) {
        d.t("#Software: Microsoft Internet Information Services 10.0\n#Version: 1.0\n#Date: 2025-03-" + String.format(Locale.ROOT, "%02d", v.between(1, 28)) + " 00:00:01\n#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status time-taken\n");
        int n = v.between(8, 14);
        for (int i = 0; i < n; i++) {
            d.t("2025-03-" + String.format(Locale.ROOT, "%02d %02d:%02d:%02d ", v.between(1, 28), v.between(0, 23), v.between(0, 59), v.between(0, 59)));
            d.p(IP_ADDRESS, "ipv4", v.ipv4());
            d.t(" " + v.pick(new String[] {"GET", "POST"}) + " /Portaal/Dossier.aspx ");
            switch (v.r.nextInt(3)) {
                case 0 -> {
                    d.t("bsn=");
                    d.p(BSN, "url-query", v.bsnRaw());
                    d.t("&tab=2");
                }
                case 1 -> {
                    d.t("id=");
                    orderIdNeg(d, v);
                }
                default -> d.t("-");
            }
            d.t(" 443 ");
            if (v.r.nextBoolean()) {
                d.t("INTRA\\" + v.pick(Holdout2Values.FIRST).toLowerCase(Locale.ROOT));
            } else {
                d.t("-");
            }
            d.t(" ");
            ip(d, v);
            d.t(" Mozilla/5.0+(Windows+NT+10.0;+Win64;+x64;+rv:128.0)+Gecko/20100101+Firefox/128.0 200 " + v.between(10, 900) + "\n");
        }
    }

    // ---------------------------------------------------------------- tabular

    static void tsv(Doc d, Holdout2Values v) {
        d.t("relatienr\tnaam\tgeboortedatum\tbsn\tiban\tpostcode\twoonplaats\ttelefoon\temail\tklant_sinds\n");
        int n = v.between(6, 12);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t(v.between(100000, 999999) + "\t" + p.name() + "\t");
            d.p(DATE_OF_BIRTH, "tsv-nl", nlDate(p.dob()));
            d.t("\t");
            d.p(BSN, "tsv", v.bsn());
            d.t("\t");
            d.p(IBAN, "tsv", v.iban());
            d.t("\t");
            d.p(POSTCODE, "tsv", p.postcode());
            d.t("\t" + p.city() + "\t");
            d.p(PHONE_NUMBER, "tsv", p.phone());
            d.t("\t");
            d.p(EMAIL, "tsv", p.email());
            d.t("\t");
            d.n(DATE_OF_BIRTH, "customer-since", nlDate(v.recentDate()));
            d.t("\n");
        }
    }

    static void excelCsv(Doc d, Holdout2Values v) {
        d.t("\"Klantnummer\",\"Naam\",\"Adres\",\"Geboortedatum\",\"Rekeningnummer\",\"Opmerking\",\"Factuurnummer\"\n");
        int n = v.between(6, 12);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t(v.between(10000, 99999) + ",\"" + p.last() + ", " + p.first() + "\",\"" + p.street() + "\n");
            d.p(POSTCODE, "csv-multiline", p.postcode());
            d.t(" " + p.city().toUpperCase(Locale.ROOT) + "\",");
            d.p(DATE_OF_BIRTH, "csv-nl", v.dobText(p.dob(), true));
            d.t(",\"");
            d.p(IBAN, "csv-quoted", v.iban());
            d.t("\",\"");
            switch (v.r.nextInt(4)) {
                case 0 -> {
                    d.t("Belt liever op ");
                    d.p(PHONE_NUMBER, "csv-note", p.phone());
                    d.t(", niet mailen");
                }
                case 1 -> {
                    d.t("Nieuw rekeningnr. per 1-1, oud: ");
                    d.n(IBAN, "iban-bad-check", v.ibanBad());
                    d.t(" (klopt niet)");
                }
                case 2 -> {
                    d.t("Zegt \"\"bel me niet\"\"; mail: ");
                    d.p(EMAIL, "csv-note", p.email());
                }
                default -> d.t("Akkoord, \"\"geen\"\" opmerkingen");
            }
            d.t("\",");
            d.n(BSN, "invoice-no", v.bsnFailRaw());
            d.t("\n");
        }
    }

    static void mdTable(Doc d, Holdout2Values v) {
        d.t("# Overdracht servicedesk week " + v.between(1, 52) + "\n\n| Ticket | Klant | Contact | Geboren | Status |\n|---|---|---|---|---|\n");
        int n = v.between(4, 8);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t("| INC" + v.digits(7) + " | " + p.name() + " | ");
            if (v.r.nextBoolean()) {
                d.p(PHONE_NUMBER, "md", p.phone());
            } else {
                d.t("`");
                d.p(EMAIL, "md-code", p.email());
                d.t("`");
            }
            d.t(" | ");
            dob(d, v, p.dob(), true);
            d.t(" | " + v.pick(new String[] {"open", "wacht op klant", "opgelost"}) + " |\n");
        }
        d.t("\n## Toegang\n\n| Systeem | Host | Gebruiker | Wachtwoord |\n|---|---|---|---|\n| CRM | ");
        d.p(IP_ADDRESS, "ipv4", v.ipv4());
        d.t(" | svc_crm | `");
        d.p(GENERIC_SECRET, "md-table", urlSafe(v));
        d.t("` |\n| Mailserver | mail.intern | servicedesk | ");
        d.n(GENERIC_SECRET, "masked", "********");
        d.t(" |\n| Wiki | wiki.intern | servicedesk | zie kluis |\n\nVersie tooling: ");
        versionNeg(d, v);
        d.t(", release notes in commit " + v.hex(7) + ".\n");
    }

    static void notebook(Doc d, Holdout2Values v) {
        d.t("{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": 1,\n   \"metadata\": {},\n   \"outputs\": [],\n   \"source\": [\n    \"import boto3\\n\",\n    \"s3 = boto3.client('s3', aws_access_key_id='");
        d.p(AWS_ACCESS_KEY, "notebook", v.awsKeyId());
        d.t("', aws_secret_access_key='");
        d.p(AWS_SECRET_KEY, "notebook", v.awsSecret());
        d.t("')\\n\"\n   ]\n  },\n  {\n   \"cell_type\": \"code\",\n   \"execution_count\": 2,\n   \"metadata\": {},\n   \"outputs\": [\n    {\n     \"name\": \"stdout\",\n     \"output_type\": \"stream\",\n     \"text\": [\n");
        int n = v.between(3, 6);
        d.t("      \"   klant_id            email         geboortedatum      iban\\n\",\n");
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t("      \"" + i + "  " + v.between(10000, 99999) + "  ");
            d.p(EMAIL, "notebook", p.email());
            d.t("  ");
            d.p(DATE_OF_BIRTH, "notebook-iso", p.dob().toString());
            d.t("  ");
            d.p(IBAN, "notebook", v.ibanCompact());
            d.t("\\n\"" + (i + 1 < n ? "," : "") + "\n");
        }
        d.t("     ]\n    }\n   ],\n   \"source\": [\n    \"df = pd.read_sql('select * from klanten', 'postgresql://analist:");
        d.p(GENERIC_SECRET, "conn-url", urlSafe(v));
        d.t("@");
        d.p(IP_ADDRESS, "ipv4", v.ipv4());
        d.t("/dwh')\\n\",\n    \"df.head()\"\n   ]\n  }\n ],\n \"metadata\": {\n  \"kernelspec\": {\"name\": \"python3\"},\n  \"language_info\": {\"version\": \"3.11.4\"},\n  \"widgets\": {\"state_id\": \"" + v.uuid() + "\"}\n },\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n");
    }

    // ---------------------------------------------------------------- scripts and sources

    static void shell(Doc d, Holdout2Values v) {
        d.t("#!/usr/bin/env bash\nset -euo pipefail\n\n# nightly export naar de datawarehouse\nexport PGPASSWORD='");
        d.p(GENERIC_SECRET, "export", urlSafe(v));
        d.t("'\nexport AWS_ACCESS_KEY_ID=");
        d.p(AWS_ACCESS_KEY, "export", v.awsKeyId());
        d.t("\nexport AWS_SECRET_ACCESS_KEY=\"");
        d.p(AWS_SECRET_KEY, "export", v.awsSecret());
        d.t("\"\nexport GH_TOKEN=");
        d.p(GITHUB_TOKEN, "export", v.githubToken());
        d.t("\nexport SLACK_TOKEN=\"");
        placeholderNeg(d, v);
        d.t("\"\nDB_HOST=");
        d.p(IP_ADDRESS, "ipv4", v.ipv4());
        d.t("\n\npg_dump -h \"$DB_HOST\" -U export crm > /tmp/crm.sql\nmysql -h db2 -u backup -p");
        d.p(GENERIC_SECRET, "cli-p-attached", urlSafe(v));
        d.t(" -e 'select 1'\ncurl -sf -u admin:");
        d.p(GENERIC_SECRET, "curl-basic", urlSafe(v));
        d.t(" https://nexus.intern/service/rest/v1/status\ncurl -H \"Authorization: Bearer ");
        d.p(JWT, "curl-bearer", v.jwt());
        d.t("\" https://api.intern/v1/export\nredis-cli -a \"$REDIS_PASSWORD\" ping\necho \"klaar, mail naar ");
        d.p(EMAIL, "plain", v.email(v.pick(Holdout2Values.FIRST), v.pick(Holdout2Values.LAST)));
        d.t("\"\n# checksum " + v.hex(64) + "\n");
    }

    static void dockerfile(Doc d, Holdout2Values v) {
        d.t("FROM eclipse-temurin:21-jre@sha256:" + v.hex(64) + "\nLABEL maintainer=\"");
        d.p(EMAIL, "plain", v.email(v.pick(Holdout2Values.FIRST), v.pick(Holdout2Values.LAST)));
        d.t("\" version=\"");
        versionNeg(d, v);
        d.t("\"\nARG NPM_TOKEN=");
        d.p(GENERIC_SECRET, "dockerfile-arg", "npm_" + v.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 36));
        d.t("\nENV SPRING_DATASOURCE_PASSWORD=");
        d.p(GENERIC_SECRET, "dockerfile-env", urlSafe(v));
        d.t(" \\\n    SPRING_PROFILES_ACTIVE=prod \\\n    JWT_SECRET=");
        placeholderNeg(d, v);
        d.t("\nRUN echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > ~/.npmrc\nRUN git clone https://x-access-token:");
        d.p(GITHUB_TOKEN, "git-url", v.githubToken());
        d.t("@github.com/acme/shared-config.git /opt/config\nCOPY target/app.jar /app/app.jar\nEXPOSE 8080\nHEALTHCHECK CMD curl -f http://localhost:8080/actuator/health || exit 1\nENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]\n");
    }

    static void typescript(Doc d, Holdout2Values v) {
        d.t("import axios from 'axios';\n\n// TODO: move to vault\nconst STRIPE_SECRET = '");
        d.p(GENERIC_SECRET, "ts-const", "sk_live_" + v.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 24));
        d.t("';\nexport const config = {\n  apiBase: 'https://api.example-shop.nl/v3',\n  clientSecret: \"");
        d.p(GENERIC_SECRET, "ts-prop", urlSafe(v));
        d.t("\",\n  sessionSecret: process.env.SESSION_SECRET ?? '");
        placeholderNeg(d, v);
        d.t("',\n  requestId: '" + v.uuid() + "',\n};\n\ndescribe('klant', () => {\n  it('valideert het rekeningnummer', () => {\n    expect(isValidIban('");
        d.p(IBAN, "ts-test", v.iban());
        d.t("')).toBe(true);\n    expect(isValidIban('");
        d.n(IBAN, "iban-bad-check", v.ibanBad());
        d.t("')).toBe(false);\n  });\n  it('formatteert telefoon', () => {\n    expect(formatPhone('");
        d.p(PHONE_NUMBER, "ts-test", v.phoneNl());
        d.t("')).toMatchSnapshot();\n  });\n});\n\nconst headers = { Cookie: `session=");
        d.p(JWT, "cookie", v.jwt());
        d.t("; theme=dark` };\nconst pkg = '");
        d.n(EMAIL, "npm-spec", "lodash@4.17." + v.between(1, 21));
        d.t("';\nconst mail = 'klantenservice@' + domain;\n");
    }

    static void php(Doc d, Holdout2Values v) {
        d.t("<?php\n// wp-config.php (productie)\ndefine('DB_NAME', 'shop');\ndefine('DB_USER', 'shop');\ndefine('DB_PASSWORD', '");
        d.p(GENERIC_SECRET, "php-define", urlSafe(v));
        d.t("');\ndefine('DB_HOST', '");
        d.p(IP_ADDRESS, "ipv4-port", v.ipv4());
        d.t(":3306');\ndefine('AUTH_KEY', '");
        placeholderNeg(d, v);
        d.t("');\n\n$mollie = ['api_key' => '");
        d.p(GENERIC_SECRET, "php-array", "live_" + v.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 30));
        d.t("'];\n\n$testKlant = [\n    'naam' => '" + v.pick(Holdout2Values.FIRST) + " " + v.pick(Holdout2Values.LAST) + "',\n    'email' => '");
        d.p(EMAIL, "php", v.email(v.pick(Holdout2Values.FIRST), v.pick(Holdout2Values.LAST)));
        d.t("',\n    'kaart' => '");
        d.p(CREDIT_CARD, "php", v.card());
        d.t("',\n    'ordernr' => ");
        orderIdNeg(d, v);
        d.t(",\n];\n$version = '");
        versionNeg(d, v);
        d.t("';\n");
    }

    static void go(Doc d, Holdout2Values v) {
        d.t("package config\n\nimport \"os\"\n\nconst (\n\tdefaultDSN   = \"host=");
        d.p(IP_ADDRESS, "ipv4", v.ipv4());
        d.t(" user=app password=");
        d.p(GENERIC_SECRET, "dsn-kv", urlSafe(v));
        d.t(" dbname=app sslmode=require\"\n\tgithubToken  = \"");
        d.p(GITHUB_TOKEN, "go-const", v.githubToken());
        d.t("\"\n\tbuildCommit  = \"" + shaHex(v) + "\"\n\tsigningKey   = `");
        String k = v.pick(new String[] {"RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY"});
        d.p(PRIVATE_KEY, k.toLowerCase(Locale.ROOT).replace(' ', '-'), v.pem(k));
        d.t("`\n\tcaCert       = `");
        d.n(PRIVATE_KEY, "certificate", v.pem("CERTIFICATE"));
        d.t("`\n)\n\nfunc APIKey() string {\n\tif k := os.Getenv(\"API_KEY\"); k != \"\" {\n\t\treturn k\n\t}\n\treturn \"");
        placeholderNeg(d, v);
        d.t("\"\n}\n\nvar allowed = []string{\"");
        cidrNeg(d, v);
        d.t("\", \"");
        d.p(IP_ADDRESS, "ipv6", v.ipv6());
        d.t("\"}\n");
    }

    static void csharp(Doc d, Holdout2Values v) {
        d.t("using System.Reflection;\n\n[assembly: AssemblyVersion(\"");
        versionNeg(d, v);
        d.t("\")]\n[assembly: AssemblyFileVersion(\"");
        versionNeg(d, v);
        d.t("\")]\n\nnamespace Acme.Payroll.Tests\n{\n    public class MedewerkerTests\n    {\n        private const string ConnStr = \"Data Source=");
        d.p(IP_ADDRESS, "ipv4", v.ipv4());
        d.t(";Initial Catalog=Payroll;User ID=sa;Password=");
        d.p(GENERIC_SECRET, "connstr", urlSafe(v));
        d.t(";\";\n\n        [Fact]\n        public void Bsn_Is_Valid()\n        {\n            var m = new Medewerker { Bsn = \"");
        d.p(BSN, "cs-test", v.bsn());
        d.t("\", GeboorteDatum = new DateTime(");
        LocalDate b = v.person().dob();
        d.p(DATE_OF_BIRTH, "cs-datetime", b.getYear() + ", " + b.getMonthValue() + ", " + b.getDayOfMonth());
        d.t("), Iban = \"");
        d.p(IBAN, "cs-test", v.iban());
        d.t("\" };\n            Assert.True(m.IsValid());\n        }\n\n        [Fact]\n        public void Bsn_Fails_ElfProef()\n        {\n            Assert.False(BsnValidator.IsValid(\"");
        d.n(BSN, "bsn-11proof-fail", v.bsnFailRaw());
        d.t("\"));\n            var id = Guid.Parse(\"" + v.uuid() + "\");\n            var hired = new DateTime(");
        LocalDate h = v.recentDate();
        d.n(DATE_OF_BIRTH, "hire-date", h.getYear() + ", " + h.getMonthValue() + ", " + h.getDayOfMonth());
        d.t(");\n        }\n    }\n}\n");
    }

    static void sql(Doc d, Holdout2Values v) {
        d.t("-- seed data for acceptance\nSET NAMES utf8mb4;\n\nINSERT INTO klant (id, voornaam, achternaam, bsn, geboortedatum, postcode, telefoon, email) VALUES\n");
        int n = v.between(4, 8);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t("  (" + (i + 1) + ", '" + p.first() + "', '" + p.last().replace("'", "''") + "', '");
            d.p(BSN, "sql", Holdout2Values.bsnFormat(v.bsnRaw(), v.r.nextInt(4) == 0 ? 1 : 0));
            d.t("', '");
            d.p(DATE_OF_BIRTH, "sql-iso", p.dob().toString());
            d.t("', '");
            d.p(POSTCODE, "sql", p.postcode());
            d.t("', '");
            d.p(PHONE_NUMBER, "sql", p.phone());
            d.t("', '");
            d.p(EMAIL, "sql", p.email());
            d.t("')" + (i + 1 < n ? "," : ";") + "\n");
        }
        d.t("\nINSERT INTO betaling SET klant_id = 1, iban = '");
        d.p(IBAN, "sql-set", v.ibanCompact());
        d.t("', bedrag = " + v.between(10, 900) + ".00, referentie = '");
        orderIdNeg(d, v);
        d.t("', aangemaakt = '2025-0" + v.between(1, 9) + "-1" + v.between(0, 9) + " 10:1" + v.between(0, 9) + ":00';\n");
        d.t("INSERT INTO kaart (klant_id, pan, vervalt) SELECT 2, '");
        d.p(CREDIT_CARD, "sql-select", v.card());
        d.t("', '12/27';\nINSERT INTO kaart (klant_id, pan, vervalt) VALUES (3, '");
        d.n(CREDIT_CARD, "luhn-fail", v.cardBad());
        d.t("', '01/26'); -- ongeldig, test\nINSERT INTO api_client (naam, secret) VALUES ('webshop', '");
        d.p(GENERIC_SECRET, "sql-secret", urlSafe(v));
        d.t("') ON CONFLICT DO NOTHING;\nUPDATE medewerker SET in_dienst = '");
        d.n(DATE_OF_BIRTH, "hire-date", v.recentDate().toString());
        d.t("' WHERE id = " + v.between(1, 999) + ";\n");
    }

    // ---------------------------------------------------------------- prose

    static void transcript(Doc d, Holdout2Values v) {
        Person p = v.person();
        String agent = v.pick(Holdout2Values.FIRST);
        d.t("Call transcript #" + v.digits(8) + " (recorded for training purposes)\n\n[00:00:03] Agent " + agent + ": Thank you for calling, how can I help?\n[00:00:09] Caller: Hi, my card was charged twice. The number is ");
        d.p(CREDIT_CARD, "spoken", v.card());
        d.t(".\n[00:00:21] Agent " + agent + ": I'm sorry to hear that. For verification, can you give me your date of birth?\n[00:00:26] Caller: Sure, it's ");
        d.p(DATE_OF_BIRTH, "dob-en-answer", v.dobText(p.dob(), false));
        d.t(".\n[00:00:31] Agent " + agent + ": And the e-mail on the account?\n[00:00:35] Caller: ");
        d.p(EMAIL, "spoken", p.email());
        d.t(", or call me back on ");
        d.p(PHONE_NUMBER, "spoken", v.phoneIntl());
        d.t(".\n[00:00:48] Agent " + agent + ": Thanks. I see the refund was scheduled on ");
        d.n(DATE_OF_BIRTH, "appointment", v.dobText(v.recentDate(), false));
        d.t(", reference ");
        orderIdNeg(d, v);
        d.t(".\n[00:01:02] Caller: Great. Oh and I was born on the ");
        int day = p.dob().getDayOfMonth();
        String suf = (day % 10 == 1 && day != 11) ? "st" : (day % 10 == 2 && day != 12) ? "nd" : (day % 10 == 3 && day != 13) ? "rd" : "th";
        d.p(DATE_OF_BIRTH, "dob-en-ordinal", day + suf + " of " + Holdout2Values.MONTH_EN[p.dob().getMonthValue() - 1] + " " + p.dob().getYear());
        d.t(", in case your system asks again.\n[00:01:10] Agent " + agent + ": Noted. Your new card ending 4821 will arrive in 5 working days. The old one ");
        d.n(CREDIT_CARD, "masked", "**** **** **** " + v.digits(4));
        d.t(" is blocked.\n[00:01:19] Caller: Thanks, bye.\n");
    }

    static void zorgBrief(Doc d, Holdout2Values v) {
        Person p = v.person();
        d.t("Zorgverzekeraar ZorgSamen\nPostbus " + v.between(100, 9999) + "\n");
        d.p(POSTCODE, "letterhead", v.postcode());
        d.t(" " + v.pick(Holdout2Values.CITY).toUpperCase(Locale.ROOT) + "\n\nDe heer/mevrouw " + p.name() + "\n" + p.street() + "\n");
        d.p(POSTCODE, "address", p.postcode());
        d.t("  " + p.city().toUpperCase(Locale.ROOT) + "\n\nDatum: " + v.dobText(v.recentDate(), true).replace("/", "-") + "\nRelatienummer: " + v.digits(10) + "\nBetreft: declaratie fysiotherapie\n\nGeachte heer/mevrouw " + p.last() + ",\n\nWij hebben uw declaratie ontvangen voor de verzekerde met " + v.pick(new String[] {"burgerservicenummer", "sofinummer", "BSN/sofinr."}) + " ");
        d.p(BSN, "prose", v.bsn());
        d.t(" (geboren ");
        d.p(DATE_OF_BIRTH, "geboren", v.dobText(p.dob(), true));
        d.t(").\nHet bedrag van EUR " + v.between(20, 400) + "," + v.digits(2) + " maken wij over op rekening ");
        d.p(IBAN, "prose", v.iban());
        d.t(".\nUw polis (nummer ");
        d.n(PHONE_NUMBER, "policy-no", v.between(10000000, 99999999) + "-" + v.digits(2));
        d.t(") loopt tot en met 31-12-2026. De behandeling op ");
        d.n(DATE_OF_BIRTH, "treatment-date", nlDate(v.recentDate()));
        d.t(" valt onder uw aanvullende verzekering.\n\nHeeft u vragen? Bel ons op ");
        d.p(PHONE_NUMBER, "prose", v.phoneNl());
        d.t(" (werkdagen 8-20 uur) of mail naar ");
        d.p(EMAIL, "prose", "declaraties@" + v.pick(Holdout2Values.DOMAIN));
        d.t(".\n\nMet vriendelijke groet,\n\nAfdeling Declaraties\nKvK ");
        d.n(BSN, "kvk-8", v.between(10000000, 99999999) + "");
        d.t(" | btw ");
        String rsin = v.bsnRaw();
        d.t("NL");
        d.n(BSN, "btw-rsin", rsin);
        d.t("B0" + v.between(1, 9) + "\n");
    }

    static void overheidBrief(Doc d, Holdout2Values v) {
        Person p = v.person();
        boolean uwv = v.r.nextBoolean();
        d.t((uwv ? "UWV\nAfdeling WW\n" : "Belastingdienst\nToeslagen\n") + "Postbus " + v.between(100, 9999) + "\n");
        d.p(POSTCODE, "letterhead", v.postcode());
        d.t(" " + v.pick(Holdout2Values.CITY) + "\n\n" + p.name() + "\n" + p.street() + "\n");
        d.p(POSTCODE, "address", p.postcode());
        d.t(" " + p.city() + "\n\nOns kenmerk: " + v.bsnFailRaw().substring(0, 8) + "/" + v.between(10, 99) + "\nBSN-nummer: ");
        d.p(BSN, "bsn-nummer", v.bsn());
        d.t("\nGeb.datum: ");
        dob(d, v, p.dob(), true);
        d.t("\n\nGeachte " + p.first() + " " + p.last() + ",\n\n");
        if (uwv) {
            d.t("U heeft op ");
            d.n(DATE_OF_BIRTH, "application-date", v.dobText(v.recentDate(), true));
            d.t(" een WW-uitkering aangevraagd. Uw eerste werkdag bij uw vorige werkgever was ");
            d.n(DATE_OF_BIRTH, "employment-start", nlDate(v.recentDate()));
            d.t(". Wij betalen de uitkering op rekeningnummer ");
            d.p(IBAN, "prose", v.iban());
            d.t(".\nU moet zich inschrijven als werkzoekende. Uw legitimatiebewijs (identiteitskaart, documentnummer ");
            d.p(ID_CARD_NUMBER, "documentnummer", v.docNumber());
            d.t(") is gecontroleerd.\n");
        } else {
            d.t("Wij hebben uw aanvraag zorgtoeslag " + v.between(2024, 2026) + " beoordeeld. Uw toeslagpartner (geboortejaar ");
            d.t(String.valueOf(v.between(1950, 2000)));
            d.t(") is meegenomen. Het voorschot wordt overgemaakt naar ");
            d.p(IBAN, "prose", v.iban());
            d.t(".\nBij uw aanvraag zat een kopie van uw paspoort met nummer ");
            d.p(PASSPORT_NUMBER, "paspoortnummer", v.docNumber());
            d.t("; wij hebben deze kopie vernietigd.\nEen onjuist opgegeven rekening (");
            d.n(IBAN, "iban-bad-check", v.ibanBad());
            d.t(") is niet gebruikt.\n");
        }
        d.t("\nBel ons gerust: ");
        d.p(PHONE_NUMBER, "prose", v.phoneNl());
        d.t(".\n\nMet vriendelijke groet,\n\n" + v.pick(Holdout2Values.FIRST) + " " + v.pick(Holdout2Values.LAST) + "\nteamleider\n");
    }

    static void verwijsbrief(Doc d, Holdout2Values v) {
        Person p = v.person();
        d.t("Huisartsenpraktijk De Linde\n" + v.pick(Holdout2Values.STREET) + " " + v.between(1, 90) + ", ");
        d.p(POSTCODE, "letterhead", v.postcode());
        d.t(" " + v.pick(Holdout2Values.CITY) + "\nTel. ");
        d.p(PHONE_NUMBER, "letterhead", v.phoneNl());
        d.t(" | AGB-code 01" + v.digits(6) + "\n\nVERWIJSBRIEF\n\nAan: polikliniek cardiologie\nBetreft: " + p.name() + ", geb. ");
        dob(d, v, p.dob(), true);
        d.t("\nBSN ");
        d.p(BSN, "bsn-short", v.bsn());
        d.t(" | zorgverzekeraar: Zilveren Kruis, polisnr ");
        d.n(BSN, "bsn-11proof-fail", v.bsnFailRaw());
        d.t("\nAdres: " + p.street() + ", ");
        d.p(POSTCODE, "inline", p.postcode());
        d.t(" " + p.city() + "\nTelefoon patient: ");
        d.p(PHONE_NUMBER, "form", p.phone());
        d.t("\n\nGeachte collega,\n\nGraag verwijs ik bovengenoemde patient, bekend met hypertensie sinds " + v.between(2010, 2022) + ". Laatste consult ");
        d.n(DATE_OF_BIRTH, "consult-date", nlDate(v.recentDate()));
        d.t(". Medicatie: amlodipine 5 mg 1dd1.\nECG op ");
        d.n(DATE_OF_BIRTH, "exam-date", v.recentDate().toString());
        d.t(" toonde een sinusritme.\n\nMet collegiale groet,\n\ndrs. " + v.pick(Holdout2Values.LAST) + ", huisarts\n");
    }

    static void onboarding(Doc d, Holdout2Values v) {
        Person p = v.person();
        String hr = v.pick(Holdout2Values.FIRST);
        d.t("From: " + hr + " (HR) <");
        d.p(EMAIL, "header", hr.toLowerCase(Locale.ROOT) + "@hr.bouwgroep-oost.nl");
        d.t(">\nTo: ");
        d.p(EMAIL, "header", p.email());
        d.t("\nSubject: Welkom! Je eerste werkdag\n\nHoi " + p.first() + ",\n\nWelkom bij het team! Je start op ");
        d.n(DATE_OF_BIRTH, "start-date", nlDate(v.recentDate()));
        d.t(". Voor de salarisadministratie hebben we je gegevens als volgt vastgelegd:\n\n  Naam:           " + p.name() + "\n  Geboortedatum:  ");
        dob(d, v, p.dob(), true);
        d.t("\n  BSN:            ");
        d.p(BSN, "form", v.bsn());
        d.t("\n  IBAN:           ");
        d.p(IBAN, "form", v.iban());
        d.t("\n  ID-kaart nr.:   ");
        d.p(ID_CARD_NUMBER, "form", v.docNumber());
        d.t("\n  Personeelsnr.:  ");
        orderIdNeg(d, v);
        d.t("\n\nJe tijdelijke wachtwoord voor het portaal is: ");
        d.p(GENERIC_SECRET, "prose-password", v.chars("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789", 8) + "!" + v.between(10, 99));
        d.t("\nWijzig dit bij de eerste keer inloggen. De wifi-code hangt bij de receptie.\n\nLaptop: asset tag " + v.hex(8).toUpperCase(Locale.ROOT) + ", VPN-adres ");
        d.p(IP_ADDRESS, "ipv4", v.ipv4());
        d.t(".\nVragen? Bel me op ");
        d.p(PHONE_NUMBER, "prose", v.phoneNl());
        d.t(".\n\nGroet,\n" + hr + "\n");
    }

    static void form(Doc d, Holdout2Values v) {
        Person p = v.person();
        boolean en = v.r.nextInt(3) == 0;
        if (en) {
            d.t("NEW PATIENT REGISTRATION\n========================\nName: " + p.name() + "\nDOB: ");
            d.p(DATE_OF_BIRTH, "form-en", v.dobText(p.dob(), false));
            d.t("\nAddress: " + p.street() + ", ");
            d.p(POSTCODE, "form", p.postcode());
            d.t(" " + p.city() + ", The Netherlands\nPhone: ");
            d.p(PHONE_NUMBER, "form", p.phone());
            d.t("\nEmail: ");
            d.p(EMAIL, "form", p.email());
            d.t("\nPassport no.: ");
            d.p(PASSPORT_NUMBER, "form", v.docNumber());
            d.t("\nAppointment: ");
            d.n(DATE_OF_BIRTH, "appointment", v.dobText(v.recentDate(), false));
            d.t(" 10:30\nInsurance card: ");
            d.n(CREDIT_CARD, "luhn-fail", v.cardBad());
            d.t("\n");
            return;
        }
        d.t("AANMELDFORMULIER SPORTVERENIGING\n--------------------------------\nNaam: " + p.name() + "\nGeboortedatum: ");
        dob(d, v, p.dob(), true);
        d.t("\nGeboortejaar partner: " + v.between(1950, 2004) + "\nAdres: " + p.street() + "\nPostcode/plaats: ");
        d.p(POSTCODE, "form", p.postcode());
        d.t(" " + p.city() + "\nTel.: ");
        d.p(PHONE_NUMBER, "form", p.phone());
        d.t("  (voorbeeld: ");
        d.n(PHONE_NUMBER, "invalid-example", v.pick(new String[] {"06-00000000", "06 0000 0000", "+31 6 0000 0000", "06-0000 0000"}));
        d.t(")\nE-mail: ");
        d.p(EMAIL, "form", p.email());
        d.t("\nMachtiging contributie, IBAN: ");
        d.p(IBAN, "form", v.iban());
        d.t("\nBurgerservicenummer (alleen voor VOG): ");
        d.p(BSN, "form", v.bsn());
        d.t("\nDatum inschrijving: ");
        d.n(DATE_OF_BIRTH, "signup-date", nlDate(v.recentDate()));
        d.t("\nLidnummer: ");
        orderIdNeg(d, v);
        d.t("\nHandtekening: ____________\n");
    }

    static void httpDump(Doc d, Holdout2Values v) {
        d.t("> POST /oauth/token HTTP/1.1\n> Host: auth.intern.example.nl\n> User-Agent: curl/8.5.0\n> Content-Type: application/x-www-form-urlencoded\n> Authorization: Basic ");
        d.p(GENERIC_SECRET, "basic-auth-b64", b64("svc-export:" + urlSafe(v)));
        d.t("\n>\n> grant_type=client_credentials&client_id=export&client_secret=");
        d.p(GENERIC_SECRET, "form-urlencoded", urlSafe(v));
        d.t("\n< HTTP/1.1 200 OK\n< Content-Type: application/json\n< Set-Cookie: sid=");
        d.p(JWT, "set-cookie", v.jwt());
        d.t("; Path=/; HttpOnly; Secure\n< X-Request-Id: " + v.uuid() + "\n<\n{\"access_token\":\"");
        d.p(JWT, "json", v.jwt());
        d.t("\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"");
        d.p(GENERIC_SECRET, "refresh-token", v.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 48));
        d.t("\"}\n\n> GET /api/v1/medewerkers/");
        orderIdNeg(d, v);
        d.t(" HTTP/1.1\n> Host: hr-api.intern\n> X-Forwarded-For: ");
        d.p(IP_ADDRESS, "xff", v.ipv4());
        d.t(", ");
        d.p(IP_ADDRESS, "xff-v6", v.ipv6());
        d.t("\n> Authorization: token ");
        d.p(GITHUB_TOKEN, "auth-header", v.githubToken());
        d.t("\n> X-Api-Key: ");
        placeholderNeg(d, v);
        d.t("\n< HTTP/1.1 200 OK\n<\n{\"naam\":\"" + v.pick(Holdout2Values.FIRST) + "\",\"geboortedatum\":\"");
        d.p(DATE_OF_BIRTH, "json-iso", v.person().dob().toString());
        d.t("\",\"telefoon\":\"");
        d.p(PHONE_NUMBER, "json", v.phone());
        d.t("\",\"privateKey\":\"");
        d.p(PRIVATE_KEY, "json-escaped", "-----BEGIN EC PRIVATE KEY-----\\n" + v.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 64) + "\\n"
                + v.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 56) + "==\\n-----END EC PRIVATE KEY-----");
        d.t("\",\"publicKey\":\"");
        d.n(PRIVATE_KEY, "public-key", "-----BEGIN PUBLIC KEY-----\\n" + v.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 64) + "\\n-----END PUBLIC KEY-----");
        d.t("\"}\n");
    }

    // ---------------------------------------------------------------- more places

    static void awsCredentials(Doc d, Holdout2Values v) {
        d.t("[default]\naws_access_key_id = ");
        d.p(AWS_ACCESS_KEY, "aws-credentials", v.awsKeyId());
        d.t("\naws_secret_access_key = ");
        d.p(AWS_SECRET_KEY, "aws-credentials", v.awsSecret());
        d.t("\nregion = eu-central-1\n\n[profile deploy]\nrole_arn = arn:aws:iam::" + v.digits(12) + ":role/deploy\nsource_profile = default\nmfa_serial = arn:aws:iam::" + v.digits(12) + ":mfa/"
                + v.pick(Holdout2Values.FIRST).toLowerCase(Locale.ROOT) + "\n\n[tmp]\naws_access_key_id=");
        d.p(AWS_ACCESS_KEY, "aws-credentials", v.awsKeyId());
        d.t("\naws_secret_access_key=");
        d.p(AWS_SECRET_KEY, "aws-credentials", v.awsSecret());
        d.t("\naws_session_token=");
        d.p(AWS_SECRET_KEY, "aws-session-token", "IQoJb3JpZ2luX2VjE" + v.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", v.between(300, 380)) + "=");
        d.t("\n\n[docs]\naws_access_key_id = ");
        d.n(AWS_ACCESS_KEY, "aws-doc-example", "AKIAIOSFODNN7EXAMPLE");
        d.t("\naws_secret_access_key = ");
        d.n(AWS_SECRET_KEY, "aws-doc-example", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        d.t("\n");
    }

    static void netrc(Doc d, Holdout2Values v) {
        d.t("# ~/.netrc\nmachine github.com\n  login ci-bot\n  password ");
        d.p(GITHUB_TOKEN, "netrc", v.githubToken());
        d.t("\nmachine ftp.leverancier.nl login upload password ");
        d.p(GENERIC_SECRET, "netrc", urlSafe(v));
        d.t("\n\n# ~/.npmrc\n@acme:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken=");
        d.p(GITHUB_TOKEN, "npmrc", v.githubToken());
        d.t("\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\nemail=");
        d.p(EMAIL, "npmrc", v.email(v.pick(Holdout2Values.FIRST), v.pick(Holdout2Values.LAST)));
        d.t("\n\n# ~/.pgpass\n");
        d.p(IP_ADDRESS, "pgpass", v.ipv4());
        d.t(":5432:*:reporting:");
        d.p(GENERIC_SECRET, "pgpass", urlSafe(v));
        d.t("\n");
    }

    static void gitLog(Doc d, Holdout2Values v) {
        int n = v.between(4, 8);
        for (int i = 0; i < n; i++) {
            String f = v.pick(Holdout2Values.FIRST);
            String l = v.pick(Holdout2Values.LAST);
            d.t("commit " + v.hex(40) + "\nAuthor: " + f + " " + l + " <");
            d.p(EMAIL, "git-author", v.email(f, l));
            d.t(">\nDate:   " + v.pick(new String[] {"Mon", "Tue", "Thu"}) + " Mar " + v.between(1, 28) + " " + String.format(Locale.ROOT, "%02d:%02d:%02d", v.between(0, 23), v.between(0, 59), v.between(0, 59)) + " 2025 +0100\n\n    ");
            switch (v.r.nextInt(4)) {
                case 0 -> {
                    d.t("Remove leaked key from config (was ");
                    d.p(AWS_ACCESS_KEY, "commit-msg", v.awsKeyId());
                    d.t(")\n");
                }
                case 1 -> {
                    d.t("Bump version to ");
                    versionNeg(d, v);
                    d.t("\n\n    Co-authored-by: " + v.pick(Holdout2Values.FIRST) + " <");
                    d.p(EMAIL, "git-trailer", v.email(v.pick(Holdout2Values.FIRST), v.pick(Holdout2Values.LAST)));
                    d.t(">\n");
                }
                case 2 -> {
                    d.t("Fix test fixture: BSN ");
                    d.p(BSN, "commit-msg", Holdout2Values.bsnFormat(v.bsnRaw(), 0));
                    d.t(" replaced by generated one\n");
                }
                default -> d.t("Merge pull request #" + v.between(10, 999) + " from acme/feature/" + v.hex(7) + "\n");
            }
            d.t("\n");
        }
    }

    static void keyDump(Doc d, Holdout2Values v) {
        d.t("Sleutels uit de oude deployserver (opruimen!)\n\n== deploy_dsa ==\n");
        d.p(PRIVATE_KEY, "dsa", v.pem("DSA PRIVATE KEY"));
        d.t("\n\n== signing.asc ==\n");
        d.p(PRIVATE_KEY, "pgp", v.pem("PGP PRIVATE KEY BLOCK"));
        d.t("\n\n== signing-pub.asc ==\n");
        d.n(PRIVATE_KEY, "pgp-public", v.pem("PGP PUBLIC KEY BLOCK"));
        d.t("\n\n== id_rsa.pub ==\nssh-rsa AAAAB3NzaC1yc2E" + v.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 200) + " deploy@build\n\n== tls.key ==\n");
        d.p(PRIVATE_KEY, "pkcs8", v.pem("PRIVATE KEY"));
        d.t("\n\n== tls.csr ==\n");
        d.n(PRIVATE_KEY, "csr", v.pem("CERTIFICATE REQUEST"));
        d.t("\n");
    }

    static void orderExport(Doc d, Holdout2Values v) {
        d.t("{\n  \"export\": \"orders\",\n  \"generated\": \"" + ts(v) + "\",\n  \"orders\": [\n");
        int n = v.between(3, 6);
        for (int i = 0; i < n; i++) {
            Person p = v.person();
            d.t("    {\n      \"orderNumber\": \"");
            orderIdNeg(d, v);
            d.t("\",\n      \"customer\": {\"name\": \"" + p.name() + "\", \"email\": \"");
            d.p(EMAIL, "json", p.email());
            d.t("\", \"dateOfBirth\": \"");
            d.p(DATE_OF_BIRTH, "json-nl", nlDate(p.dob()));
            d.t("\", \"zip\": \"");
            d.p(POSTCODE, "json", p.postcode());
            d.t("\"},\n      \"lines\": [{\"sku\": \"");
            String sku = v.chars("ABCDEFGHJKLMNPQRSTUVWXYZ", 2) + v.digits(7);
            d.n(PASSPORT_NUMBER, "sku", sku);
            d.t("\", \"qty\": " + v.between(1, 4) + ", \"ean\": \"87" + v.digits(11) + "\"}],\n      \"payment\": {\"method\": \"creditcard\", \"pan\": \"");
            d.n(CREDIT_CARD, "masked", v.pick(new String[] {"4", "5"}) + v.digits(5) + "******" + v.digits(4));
            d.t("\", \"expiry\": \"" + String.format(Locale.ROOT, "%02d/%02d", v.between(1, 12), v.between(26, 31)) + "\"},\n      \"deliveredOn\": \"");
            d.n(DATE_OF_BIRTH, "delivery-date", nlDate(v.recentDate()));
            d.t("\"\n    }" + (i + 1 < n ? "," : "") + "\n");
        }
        d.t("  ]\n}\n");
    }
}
