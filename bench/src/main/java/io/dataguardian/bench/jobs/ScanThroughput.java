package io.dataguardian.bench.jobs;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Load scenario (docs/jobs.md, issue 10): scans per minute for a small-upload mix against one or more running
 * nodes, and the time from submit to the first progress event that shows the scan running (read from the
 * scan's {@code /events} stream on the node that did not receive the upload when there are two).
 *
 * <pre>
 * java -cp bench.jar io.dataguardian.bench.jobs.ScanThroughput USER PASSWORD SCANS CLIENTS http://127.0.0.1:8081 [http://127.0.0.1:8082]
 * </pre>
 * The nodes must share one PostgreSQL and Redis (docs/deployment.md) and the user's queue limit
 * ({@code dataguardian.scan.max-queued-per-user}) must be at least CLIENTS. Uploads are spread over the nodes.
 * The mix: a 2-file zip, a single text file, a CSV with 200 rows (planted synthetic values, never real data).
 */
public final class ScanThroughput {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

    private ScanThroughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: ScanThroughput USER PASSWORD SCANS CLIENTS BASE_URL [BASE_URL...]");
            System.exit(2);
        }
        String user = args[0];
        String password = args[1];
        int scans = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        List<String> nodes = List.of(args).subList(4, args.length);
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf = login(http, nodes.get(0), user, password);
        List<byte[]> mix = List.of(zip(), text().getBytes(StandardCharsets.UTF_8), csv().getBytes(StandardCharsets.UTF_8));
        List<String> names = List.of("mix.zip", "note.txt", "rows.csv");

        List<Long> firstProgressMs = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<String>> done = new ArrayList<>();
        for (int i = 0; i < scans; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                String submitNode = nodes.get(n % nodes.size());
                String watchNode = nodes.get((n + 1) % nodes.size());
                long t0 = System.nanoTime();
                HttpResponse<String> r = upload(http, submitNode, csrf, names.get(n % 3), mix.get(n % 3));
                if (r.statusCode() != 202) {
                    return "submit " + r.statusCode();
                }
                Matcher m = ID.matcher(r.body());
                m.find();
                long id = Long.parseLong(m.group(1));
                return watch(http, watchNode, id, t0, firstProgressMs);
            }));
        }
        int completed = 0;
        List<String> other = new ArrayList<>();
        for (Future<String> f : done) {
            String outcome = f.get();
            if (outcome.equals("COMPLETED")) {
                completed++;
            } else {
                other.add(outcome);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(firstProgressMs);
        Collections.sort(sorted);
        System.out.printf("nodes=%d scans=%d clients=%d completed=%d other=%s seconds=%.1f scans/min=%.1f%n",
                nodes.size(), scans, clients, completed, other, seconds, completed / seconds * 60);
        if (!sorted.isEmpty()) {
            System.out.printf("submit->first RUNNING progress event ms: p50=%d p95=%d max=%d (n=%d)%n",
                    sorted.get(sorted.size() / 2), sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.95))),
                    sorted.get(sorted.size() - 1), sorted.size());
        }
    }

    /** Reads the scan's event stream until it ends; records when the first RUNNING progress event arrived. */
    private static String watch(HttpClient http, String node, long id, long t0, List<Long> firstProgressMs) throws Exception {
        HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(URI.create(node + "/api/scans/" + id + "/events"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        boolean seenRunning = false;
        String event = null;
        String last = "UNKNOWN";
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    Matcher s = STATUS.matcher(line);
                    if (s.find()) {
                        last = s.group(1);
                    }
                    if (!seenRunning && "progress".equals(event) && !last.equals("QUEUED")) {
                        seenRunning = true;
                        firstProgressMs.add((System.nanoTime() - t0) / 1_000_000);
                    }
                    if ("end".equals(event)) {
                        return last;
                    }
                }
            }
        }
        return last;
    }

    private static String login(HttpClient http, String base, String user, String password) throws Exception {
        String token = token(http, base + "/login");
        String form = "_csrf=" + enc(token) + "&username=" + enc(user) + "&password=" + enc(password);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login failed: " + r.statusCode());
        }
        return token(http, base + "/");
    }

    private static String token(HttpClient http, String url) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + url);
        }
        return m.group(1);
    }

    private static HttpResponse<String> upload(HttpClient http, String base, String csrf, String name, byte[] data)
            throws Exception {
        String boundary = "----dgbench" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(data);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/scans")).header("X-CSRF-TOKEN", csrf)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String text() {
        return "Klant: Jan Jansen\nBSN: 111222333\nIBAN: NL91ABNA0417164300\nE-mail: jan.jansen@example.nl\n";
    }

    private static String csv() {
        StringBuilder b = new StringBuilder("name,email,iban\n");
        for (int i = 0; i < 200; i++) {
            b.append("Person ").append(i).append(",person").append(i).append("@example.nl,NL91ABNA0417164300\n");
        }
        return b.toString();
    }

    private static byte[] zip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("data/customers.txt"));
            zip.write(text().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("readme.md"));
            zip.write("nothing here".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
