package io.dataguardian.app.browser;

import static io.dataguardian.app.PlantedData.BSN;
import static io.dataguardian.app.PlantedData.EMAIL;
import static io.dataguardian.app.PlantedData.IBAN;
import static io.dataguardian.app.PlantedData.planted;
import static io.dataguardian.app.PlantedData.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dataguardian.app.RunningApp;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * The product in a real browser (Debian's chromium, installed by scripts/browser): sign in, upload an archive with
 * known personal data, watch the progress bar reach 100 %, see the masked findings, download the HTML and SARIF
 * reports (chromium saves them to a download directory), sign out and find nothing private behind the back button;
 * as administrator watch the dashboard's request and scan charts receive points; switch to Dutch and see Dutch page
 * text and a Dutch report. Screenshots of each page go to app/target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {

    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private RunningApp app;
    private Path dataDir;
    private Path browserDir;
    private String password;
    private Path downloads;
    private ChromeDriverService service;
    private WebDriver driver;
    private String scanUrl;

    @BeforeAll
    void start() throws IOException {
        assumeTrue(CHROMEDRIVER.canExecute(),
                "skipped: /usr/bin/chromedriver is absent (run scripts/browser as root to install chromium and chromium-driver)");
        dataDir = Files.createTempDirectory("dataguardian-browser");
        browserDir = Files.createTempDirectory("dataguardian-chromium");
        downloads = Files.createDirectories(browserDir.resolve("downloads"));
        Files.createDirectories(SCREENSHOTS);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("dataguardian.data-dir", dataDir.toString());
        settings.put("dataguardian.scan.min-headroom", "0");
        app = RunningApp.start(settings);
        password = app.printedAdminPassword();

        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort()
                .withEnvironment(Map.of("XDG_CONFIG_HOME", browserDir.resolve("config").toString(),
                        "XDG_CACHE_HOME", browserDir.resolve("cache").toString(), "SE_OFFLINE", "true"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + browserDir.resolve("profile"), "--window-size=1366,1000");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (app != null) {
            app.close();
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
        if (browserDir != null) {
            FileSystemUtils.deleteRecursively(browserDir.toFile());
        }
    }

    private void open(String path) {
        driver.get(app.baseUrl() + path);
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private void signIn() throws IOException {
        open("/login");
        if (driver.findElements(By.id("username")).isEmpty() && !driver.findElements(By.id("current-user")).isEmpty()) {
            return; // still signed in from the test before
        }
        screenshot("01-login");
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUpTo(20).until(d -> !d.findElements(By.id("current-user")).isEmpty());
    }

    @Test
    @Order(1)
    void uploadWatchProgressSeeMaskedFindingsDownloadReportsAndSignOut() throws Exception {
        signIn();
        screenshot("02-home-empty");

        Path archive = dataDir.resolve("customers.zip");
        Files.write(archive, zip(Map.of("data/customers.txt", planted(), "readme.md", "nothing personal here")));
        open("/scans/new");
        assertThat(driver.findElement(By.id("upload-limit")).getText()).contains("MB");
        screenshot("03-new-scan");
        driver.findElement(By.id("files")).sendKeys(archive.toString());
        driver.findElement(By.id("upload-submit")).click();

        waitUpTo(20).until(d -> d.getCurrentUrl().matches(".*/scans/\\d+$"));
        scanUrl = driver.getCurrentUrl();
        screenshot("04-scan-progress");
        // the bar reaches 100 % (pushed by SSE), then the page shows the findings
        waitUpTo(120).until(d -> !d.findElements(By.id("findings")).isEmpty()
                || "100".equals(attr(d, "aria-valuenow")));
        waitUpTo(60).until(d -> !d.findElements(By.id("findings")).isEmpty());
        assertThat(driver.findElement(By.id("progress-percent")).getText()).isEqualTo("100 %");
        WebElement table = driver.findElement(By.id("findings"));
        String text = table.getText();
        assertThat(text).contains("Dutch citizen service number (BSN)", "International bank account number (IBAN)",
                "E-mail address");
        assertThat(driver.getPageSource()).doesNotContain(BSN, IBAN, EMAIL);
        screenshot("05-scan-findings");

        // reports: clicking the links makes chromium save them (Content-Disposition: attachment)
        String html = download("report-html", ".html");
        String sarif = download("report-sarif", ".sarif");
        assertThat(html).contains("<html lang=\"en\">", "Findings by severity", "Dutch citizen service number (BSN)")
                .doesNotContain(BSN, IBAN, EMAIL);
        assertThat(sarif).contains("\"version\"", "2.1.0", "\"results\"").doesNotContain(BSN, IBAN, EMAIL);

        open("/scans");
        screenshot("06-scans");
        open("/");
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#score-chart canvas")).isEmpty());
        screenshot("07-home");

        // sign out from the scan's page; the back button shows the login page again, not the scan
        driver.get(scanUrl);
        waitUpTo(10).until(d -> !d.findElements(By.id("findings")).isEmpty());
        driver.findElement(By.id("sign-out")).click();
        waitUpTo(10).until(d -> d.getCurrentUrl().contains("/login"));
        driver.navigate().back();
        waitUpTo(10).until(d -> !d.findElements(By.id("username")).isEmpty());
        assertThat(driver.getCurrentUrl()).contains("/login");
        assertThat(driver.getPageSource()).doesNotContain("id=\"findings\"", "customers.zip", "current-user");
        screenshot("08-after-sign-out-back");
        open("/scans/" + scanUrl.substring(scanUrl.lastIndexOf('/') + 1));
        waitUpTo(10).until(d -> d.getCurrentUrl().contains("/login"));
        driver.navigate().back();
        driver.navigate().back();
        waitUpTo(10).until(d -> !d.findElements(By.id("username")).isEmpty());
        assertThat(driver.getPageSource()).doesNotContain("id=\"findings\"", "customers.zip", "current-user");
    }

    @Test
    @Order(2)
    void administratorSeesTheDashboardChartReceiveNewPoints() throws Exception {
        signIn();
        open("/admin/performance");
        WebElement chart = driver.findElement(By.id("chart-requests"));
        WebElement scans = driver.findElement(By.id("chart-scans"));
        waitUpTo(15).until(d -> points(chart) >= 1);
        int first = points(chart);
        int firstScans = points(scans);
        waitUpTo(15).until(d -> points(chart) > first && points(scans) > firstScans);
        assertThat(driver.findElement(By.id("live-state")).getText()).contains("live");
        // live scan figures from the scans' stored progress: numbers, not n/a
        waitUpTo(10).until(d -> d.findElement(By.cssSelector("#card-scans [data-field=scansRunning]")).getText()
                .matches("\\d+"));
        assertThat(driver.findElement(By.cssSelector("#card-scans [data-field=scanQueue]")).getText()).matches("\\d+");
        waitUpTo(10).until(d -> d.findElement(By.cssSelector("#card-scans [data-field=scanBytesPerSecond]")).getText()
                .matches("\\d+\\.\\d\\d"));
        waitUpTo(10).until(d -> !d.findElements(By.id("operations-table")).isEmpty()
                || !d.findElement(By.id("tab-panel")).getText().equals("…"));
        screenshot("09-performance");
        driver.findElement(By.id("tab-tuning")).click();
        waitUpTo(10).until(d -> !d.findElements(By.id("tuning-unavailable")).isEmpty());
        open("/admin/audit");
        assertThat(driver.findElement(By.id("audit")).getText()).contains("scan.created");
        screenshot("10-audit");
        open("/admin/users");
        screenshot("11-users");
        open("/admin/sessions");
        assertThat(driver.findElement(By.id("sessions")).getText()).contains("admin");
        screenshot("12-admin-sessions");
        open("/account/sessions");
        screenshot("13-my-sessions");
        open("/scans/999999");
        screenshot("14-not-found");
    }

    @Test
    @Order(3)
    void switchingToDutchShowsDutchPagesAndADutchReport() throws Exception {
        assumeTrue(scanUrl != null, "the upload test did not get as far as a scan");
        signIn();
        driver.get(scanUrl);
        waitUpTo(10).until(d -> !d.findElements(By.id("findings")).isEmpty());
        driver.findElement(By.cssSelector(".lang a[hreflang=nl]")).click();
        waitUpTo(10).until(d -> "nl".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver.findElement(By.id("sign-out")).getText()).contains("Uitloggen");
        assertThat(driver.findElement(By.id("findings")).getText()).contains("Burgerservicenummer (BSN)")
                .doesNotContain("Dutch citizen service number");
        assertThat(driver.getPageSource()).doesNotContain(BSN, IBAN, EMAIL);
        screenshot("15-scan-nl");
        String html = download("report-html", ".html");
        assertThat(html).contains("<html lang=\"nl\">", "Bevindingen per ernst", "Burgerservicenummer (BSN)",
                "Negen cijfers").doesNotContain("Findings by severity", BSN, IBAN, EMAIL);
        // the choice stays for the next pages (cookie)
        open("/scans");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
        screenshot("16-scans-nl");
        open("/admin/performance");
        screenshot("17-performance-nl");
        driver.findElement(By.cssSelector(".lang a[hreflang=en]")).click();
        waitUpTo(10).until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    /** Clicks the report link and returns the file chromium saved (an earlier download of that name is removed). */
    private String download(String linkId, String extension) throws IOException, InterruptedException {
        String id = scanUrl.substring(scanUrl.lastIndexOf('/') + 1);
        Path file = downloads.resolve("dataguardian-scan-" + id + extension);
        Files.deleteIfExists(file);
        WebElement link = driver.findElement(By.id(linkId));
        assertThat(link.getAttribute("href")).endsWith("/api/scans/" + id + "/report" + extension);
        link.click();
        waitUpTo(30).until(d -> Files.isRegularFile(file) && !Files.exists(Path.of(file + ".crdownload")));
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static int points(WebElement chart) {
        return Integer.parseInt(chart.getAttribute("data-points"));
    }

    private static String attr(WebDriver d, String name) {
        return d.findElement(By.cssSelector("#progress .bar")).getAttribute(name);
    }
}
