package io.dataguardian.bench.sessions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Issue 7's load scenario against a running server (PostgreSQL + Redis): see bench/scripts/sessions-load.sh, which
 * starts the server, runs these steps with a time limit each and cleans up. Figures: docs/sessions.md ("Measured").
 *
 * <pre>
 * seed   --base URL --admin-password P --accounts 200 --prefix lu --password PW --scans 3 [--rows 300 --files 40]
 * browse --base URL --users 1000 --accounts 200 --prefix lu --password PW --threads 200 --duration 60 --think-min 500 --think-max 1500 [--warmup 0]
 * probe  --base URL --accounts 10 --prefix lp --password PW --logins 60 --requests 2000 --threads 4
 * </pre>
 * Redis steps (template, seed, memory, clean): {@link RedisSessions}.
 */
public final class SessionsLoad {

    static final Pattern SCAN_ID = Pattern.compile("\"id\":(\\d+),\"type\"");
    static final Pattern NEXT = Pattern.compile("\"next\":(\\d+|null)");
    static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: SessionsLoad seed|browse|probe --option value ...");
            System.exit(2);
        }
        Map<String, String> o = options(args);
        switch (args[0]) {
            case "seed" -> seed(o);
            case "browse" -> browse(o);
            case "probe" -> probe(o);
            default -> {
                System.err.println("unknown step " + args[0]);
                System.exit(2);
            }
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return o;
    }

    static String account(String prefix, int i) {
        return String.format(Locale.ROOT, "%s%04d", prefix, i);
    }

    static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    // ---------------------------------------------------------------- seed

    static void seed(Map<String, String> o) throws Exception {
        String base = o.getOrDefault("base", "http://127.0.0.1:8080");
        HttpClient http = VirtualUser.sharedClient();
        VirtualUser admin = new VirtualUser(base, http, o.getOrDefault("admin", "admin"), o.get("admin-password"));
        Latencies lat = new Latencies();
        admin.login(lat);
        admin.fetchCsrf();
        String password = o.get("password");
        List<String> prefixes = List.of(o.getOrDefault("prefix", "lu").split(","));
        int accounts = Integer.parseInt(o.getOrDefault("accounts", "200"));
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger existed = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (String prefix : prefixes) {
            for (int i = 1; i <= accounts; i++) {
                String name = account(prefix, i);
                String role = i % 4 == 0 ? "VIEWER" : "ANALYST";
                futures.add(pool.submit(() -> {
                    VirtualUser.Result r = admin.postJson("/api/admin/users",
                            "{\"username\":\"" + name + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}");
                    if (r.status() == 201) {
                        created.incrementAndGet();
                    } else if (r.status() == 409) {
                        existed.incrementAndGet();
                    } else {
                        throw new IOException("POST /api/admin/users " + name + ": " + r.status() + " " + r.body());
                    }
                    lat.record("create-user", r.micros());
                    return null;
                }));
            }
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "users: %d created, %d existed, %.1f s (load %s)%n", created.get(), existed.get(),
                (System.nanoTime() - t0) / 1e9, loadavg());

        int scans = Integer.parseInt(o.getOrDefault("scans", "3"));
        int rows = Integer.parseInt(o.getOrDefault("rows", "300"));
        int files = Integer.parseInt(o.getOrDefault("files", "40"));
        List<Long> ids = new ArrayList<>();
        for (int s = 0; s < scans; s++) {
            VirtualUser.Result r = admin.postMultipart("/api/scans", "files", "load-" + s + ".zip", zip(s, rows, files));
            if (r.status() != 202) {
                throw new IOException("POST /api/scans: " + r.status() + " " + r.body());
            }
            Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
            m.find();
            ids.add(Long.parseLong(m.group(1)));
        }
        // Scans wait while the node lacks CPU headroom (the script passes dataguardian.scan.min-headroom=0 for that
        // reason); one completed scan is enough to browse, queued ones still answer list/open/findings.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(o.getOrDefault("scan-timeout", "180")));
        java.util.Set<Long> open = new java.util.LinkedHashSet<>(ids);
        int completed = 0;
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            for (java.util.Iterator<Long> it = open.iterator(); it.hasNext(); ) {
                long id = it.next();
                VirtualUser.Result r = admin.get("/api/scans/" + id);
                Matcher m = STATUS.matcher(r.body());
                String status = m.find() ? m.group(1) : "?" + r.status();
                if (status.equals("COMPLETED")) {
                    VirtualUser.Result f = admin.get("/api/scans/" + id + "/findings?limit=200");
                    int n = f.body().split("\"detectorId\"", -1).length - 1;
                    System.out.printf("scan %d COMPLETED, first findings page: %d items%n", id, n);
                    completed++;
                    it.remove();
                } else if (status.equals("FAILED") || status.equals("CANCELLED")) {
                    throw new IOException("scan " + id + " ended " + status + ": " + r.body());
                }
            }
            Thread.sleep(500);
        }
        if (completed == 0) {
            throw new IOException("no scan completed in time; still open: " + open);
        }
        if (!open.isEmpty()) {
            System.out.println("scans still queued/running (browsed as they are): " + open);
        }
        System.out.println(lat.report(0));
    }

    /**
     * A zip of {@code files} CSVs sharing {@code rows} customers (e-mail, phone) and a note. Findings are reported per
     * file and kind, so 40 files give ~80 findings: findings page 1 (limit 50) has a cursor and page 2 is a real
     * keyset page (with one CSV a scan had 4 findings and "page 2" repeated page 1).
     */
    static byte[] zip(int seed, int rows, int files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int perFile = Math.max(1, rows / Math.max(1, files));
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int f = 0, i = 0; f < files; f++) {
                zip.putNextEntry(new ZipEntry(String.format(Locale.ROOT, "customers-%d/part-%03d.csv", seed, f)));
                StringBuilder csv = new StringBuilder("id,name,email,phone,city\n");
                for (int end = i + perFile; i < end; i++) {
                    csv.append(i).append(",Klant ").append(i).append(",klant").append(seed).append('.').append(i)
                            .append("@example.nl,+31 6 ").append(String.format(Locale.ROOT, "%04d %04d", 1000 + i % 9000, 2000 + seed))
                            .append(",Utrecht\n");
                }
                zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("notes/readme-" + seed + ".md"));
            zip.write(("Contact: privacy" + seed + "@example.com, server 10.0.0." + (seed + 1) + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    // ---------------------------------------------------------------- browse

    static void browse(Map<String, String> o) throws Exception {
        String base = o.getOrDefault("base", "http://127.0.0.1:8080");
        int users = Integer.parseInt(o.getOrDefault("users", "1000"));
        int accounts = Integer.parseInt(o.getOrDefault("accounts", "200"));
        String prefix = o.getOrDefault("prefix", "lu");
        String password = o.get("password");
        int threads = Integer.parseInt(o.getOrDefault("threads", "200"));
        int duration = Integer.parseInt(o.getOrDefault("duration", "60"));
        int thinkMin = Integer.parseInt(o.getOrDefault("think-min", "500"));
        int thinkMax = Integer.parseInt(o.getOrDefault("think-max", "1500"));
        int loginTimeout = Integer.parseInt(o.getOrDefault("login-timeout", "150"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "0"));
        HttpClient http = VirtualUser.sharedClient();

        List<VirtualUser> vus = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            vus.add(new VirtualUser(base, http, account(prefix, i % accounts + 1), password));
        }
        // Logins: all users through the pool at once.
        Latencies logins = new Latencies();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        String loadBefore = loadavg();
        long t0 = System.nanoTime();
        List<Future<Boolean>> done = new ArrayList<>();
        for (VirtualUser vu : vus) {
            done.add(pool.submit(() -> {
                try {
                    vu.login(logins);
                    return true;
                } catch (IOException e) {
                    if (!String.valueOf(e.getMessage()).startsWith("login of ") && !String.valueOf(e.getMessage()).startsWith("GET /login")) {
                        logins.error("login", e.getClass().getSimpleName()); // transport error (status errors are recorded already)
                    }
                    return false;
                }
            }));
        }
        int ok = 0;
        long loginDeadline = t0 + TimeUnit.SECONDS.toNanos(loginTimeout);
        for (Future<Boolean> f : done) {
            long left = loginDeadline - System.nanoTime();
            try {
                if (f.get(Math.max(1, left), TimeUnit.NANOSECONDS)) {
                    ok++;
                }
            } catch (java.util.concurrent.TimeoutException e) {
                break;
            }
        }
        pool.shutdownNow();
        double loginSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "== login phase: %d/%d users logged in in %.1f s (%.1f logins/s), load %s -> %s%n",
                ok, users, loginSeconds, ok / loginSeconds, loadBefore, loadavg());
        System.out.print(logins.report(loginSeconds));
        logins.errorKinds().forEach((k, v) -> System.out.println("  error " + k + ": " + v));

        // Browse: every user acts, thinks, acts again, on a pool of `threads` platform threads. The first `warmup`
        // seconds (JIT, caches, connection pools just after the login burst) are reported apart and not measured.
        Latencies warm = new Latencies();
        Latencies lat = new Latencies();
        java.util.concurrent.atomic.AtomicReference<Latencies> current = new java.util.concurrent.atomic.AtomicReference<>(
                warmup > 0 ? warm : lat);
        ScheduledThreadPoolExecutor sched = new ScheduledThreadPoolExecutor(threads);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger inFlight = new AtomicInteger();
        loadBefore = loadavg();
        long b0 = System.nanoTime();
        for (VirtualUser vu : vus) {
            // only users whose login succeeded: a failed one still holds its anonymous pre-login cookie, and its 401s
            // would be counted as lost sessions
            if (!vu.loggedIn || vu.sessionCookie() == null) {
                continue;
            }
            sched.schedule(new Runnable() {
                @Override
                public void run() {
                    if (!running.get()) {
                        return;
                    }
                    inFlight.incrementAndGet();
                    Latencies into = current.get();
                    try {
                        act(vu, into);
                    } catch (Exception e) {
                        into.error("io", e.getClass().getSimpleName());
                    } finally {
                        inFlight.decrementAndGet();
                    }
                    if (running.get()) {
                        sched.schedule(this, ThreadLocalRandom.current().nextInt(thinkMin, thinkMax + 1), TimeUnit.MILLISECONDS);
                    }
                }
            }, ThreadLocalRandom.current().nextInt(0, thinkMax + 1), TimeUnit.MILLISECONDS);
        }
        if (warmup > 0) {
            Thread.sleep(warmup * 1000L);
            current.set(lat);
            System.out.printf(Locale.ROOT, "== warm-up: %d s browsing before the measured window (not counted below), load %s%n",
                    warmup, loadavg());
            System.out.print(warm.report(warmup));
            loadBefore = loadavg();
            b0 = System.nanoTime();
        }
        long browseStartMillis = System.currentTimeMillis();
        long driverCpu0 = processCpuNanos();
        Thread.sleep(duration * 1000L);
        running.set(false);
        long driverCpu = processCpuNanos() - driverCpu0;
        // for bench/scripts/sessions-load.sh: the server's CPU time inside this window (cpu.tsv)
        System.out.println("BROWSE_WINDOW_MILLIS " + browseStartMillis + " " + System.currentTimeMillis());
        double browseSeconds = (System.nanoTime() - b0) / 1e9;
        sched.shutdown();
        sched.awaitTermination(40, TimeUnit.SECONDS);
        sched.shutdownNow();
        System.out.printf(Locale.ROOT, "== browse phase: %d users, %d s, think %d-%d ms, %d threads, load %s -> %s%n",
                ok, duration, thinkMin, thinkMax, threads, loadBefore, loadavg());
        System.out.print(lat.report(browseSeconds));
        lat.errorKinds().forEach((k, v) -> System.out.println("  error " + k + ": " + v));
        warm.errorKinds().forEach((k, v) -> System.out.println("  error (warm-up) " + k + ": " + v));
        System.out.printf(Locale.ROOT, "driver CPU in the browse window: %.1f s (%.0f%% of one core)%n", driverCpu / 1e9,
                100.0 * driverCpu / 1e9 / duration);
        long lost = vus.stream().filter(v -> v.unauthorized).count();
        System.out.println("users whose session answered 401 after a successful login: " + lost);
        System.out.println("TOTAL_ERRORS " + (lat.errors() + warm.errors() + logins.errors()));
    }

    /** This JVM's CPU time (all threads), or 0 where the platform does not tell. */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    /** One step of the browse cycle: list scans, open one, findings page 1, page 2. */
    static void act(VirtualUser vu, Latencies lat) throws IOException, InterruptedException {
        int step = vu.step++ % 4;
        if (vu.scanIds.length == 0) {
            step = 0;
        }
        switch (step) {
            case 0 -> {
                VirtualUser.Result r = vu.get("/api/scans?limit=20");
                if (check(vu, r, "list-scans", lat)) {
                    List<Long> ids = new ArrayList<>();
                    Matcher m = SCAN_ID.matcher(r.body());
                    while (m.find()) {
                        ids.add(Long.parseLong(m.group(1)));
                    }
                    vu.scanIds = ids.stream().mapToLong(Long::longValue).toArray();
                }
            }
            case 1 -> {
                vu.currentScan = vu.scanIds[ThreadLocalRandom.current().nextInt(vu.scanIds.length)];
                check(vu, vu.get("/api/scans/" + vu.currentScan), "open-scan", lat);
            }
            case 2 -> {
                VirtualUser.Result r = vu.get("/api/scans/" + vu.currentScan + "/findings?limit=50");
                if (check(vu, r, "findings-p1", lat)) {
                    Matcher m = NEXT.matcher(r.body());
                    vu.findingsCursor = m.find() && !m.group(1).equals("null") ? Long.valueOf(m.group(1)) : null;
                }
            }
            default -> {
                String after = vu.findingsCursor == null ? "" : "&after=" + vu.findingsCursor;
                check(vu, vu.get("/api/scans/" + vu.currentScan + "/findings?limit=50" + after), "findings-p2", lat);
            }
        }
    }

    static boolean check(VirtualUser.Result r, String op, Latencies lat) {
        if (r.status() == 200) {
            lat.record(op, r.micros());
            return true;
        }
        lat.error(op, "status " + r.status());
        return false;
    }

    static boolean check(VirtualUser vu, VirtualUser.Result r, String op, Latencies lat) {
        if (r.status() == 401) {
            vu.unauthorized = true;
        }
        return check(r, op, lat);
    }

    // ---------------------------------------------------------------- probe

    /**
     * Login and request latency at low concurrency (what "flat with 1k vs 100k stored sessions" compares): first
     * {@code logins} logins spread over {@code accounts} accounts on {@code threads} threads, then {@code requests}
     * browse requests by those sessions, closed loop.
     */
    static void probe(Map<String, String> o) throws Exception {
        String base = o.getOrDefault("base", "http://127.0.0.1:8080");
        int accounts = Integer.parseInt(o.getOrDefault("accounts", "10"));
        String prefix = o.getOrDefault("prefix", "lp");
        String password = o.get("password");
        int logins = Integer.parseInt(o.getOrDefault("logins", "60"));
        int requests = Integer.parseInt(o.getOrDefault("requests", "2000"));
        int threads = Integer.parseInt(o.getOrDefault("threads", "4"));
        String label = o.getOrDefault("label", "");
        HttpClient http = VirtualUser.sharedClient();
        Latencies lat = new Latencies();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        String load0 = loadavg();
        List<VirtualUser> vus = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            vus.add(new VirtualUser(base, http, account(prefix, i % accounts + 1), password));
        }
        AtomicInteger loginCount = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            fs.add(pool.submit(() -> {
                int k = 0;
                while (loginCount.getAndIncrement() < logins) {
                    VirtualUser vu = new VirtualUser(base, http, account(prefix, (me + threads * k++) % accounts + 1), password);
                    try {
                        vu.login(lat);
                        vus.set(me, vu);
                    } catch (IOException e) {
                        // recorded
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get(180, TimeUnit.SECONDS);
        }
        double loginSeconds = (System.nanoTime() - t0) / 1e9;
        AtomicInteger requestCount = new AtomicInteger();
        fs.clear();
        long r0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            VirtualUser vu = vus.get(t);
            fs.add(pool.submit(() -> {
                while (requestCount.getAndIncrement() < requests) {
                    try {
                        act(vu, lat);
                    } catch (IOException e) {
                        lat.error("io", e.getClass().getSimpleName());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get(180, TimeUnit.SECONDS);
        }
        double requestSeconds = (System.nanoTime() - r0) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "== probe %s: %d logins in %.1f s, %d requests in %.1f s, %d threads, load %s -> %s%n",
                label, logins, loginSeconds, requests, requestSeconds, threads, load0, loadavg());
        System.out.print(lat.report(0));
        lat.errorKinds().forEach((k, v) -> System.out.println("  error " + k + ": " + v));
        System.out.println("TOTAL_ERRORS " + lat.errors());
    }
}
